import { CHECKLIST_ITEMS, type ChecklistItemKey, type ChecklistRow, type TriageRow } from '../../shared/checklist';
import { answeredCount } from '../../shared/answer-card';
import type { AgentDossier } from '../../shared/contract';
import { todayIso } from '../../shared/registry';
import type { AgentChecklistLine, ChecklistItemStatus, ExecutiveReport, ReportCost, ReportGaps, ReportHeadline, ReportPlan, RegistryLine, TopRisk } from '../../shared/report';
import type { AdvisoryLookup } from '../discovery/discovery-repository';
import { listCandidates } from '../discovery/discovery-repository';
import { assemblePlan, evaluatedItems, type PlanAgent } from '../plan/workspace-plan';
import { planStartOf } from '../plan/plan-store';
import { reconcilePlanTasks } from '../plan/reconcile-plan-tasks';
import type { ChangeAuthor } from '../store/audit-log';
import type { Db } from '../store/workspace-file';
import { itemPasses } from '../triage/checklist-facts';
import { compareTriageRows, everyAgentDossierAndTriage, triageRowOf, type TriageOfAgent } from '../triage/triage-handlers';
import { ensureAttribution } from '../usage/attribution';
import { usageOverview } from '../usage/usage-overview';
import { usageTotals } from '../usage/usage-queries';
import { reportSettingsOf } from './report-settings';

/** Dismissed agents are not agents and retired ones no longer run: the report is about the rest (the plan's scope too). */
const OUT_OF_SCOPE = new Set(['dismissed', 'retired']);
const TOP_RISKS = 10;
const H48_ITEMS = CHECKLIST_ITEMS.filter((i) => i.key.startsWith('h48.'));
const TITLE_OF = new Map<string, string>(CHECKLIST_ITEMS.map((i) => [i.key, i.title]));

/** Where each missing fact comes from: the sentence a section prints instead of an empty chart. */
export const FILL_HINTS = {
  agents: 'No agents yet: import a registry (CSV or XLSX) or scan the repositories where agents live to find them.',
  iam: 'Import cloud IAM exports (AWS, GCP, Azure, Kubernetes) to measure what agents’ credentials reach.',
  usage: 'Import LLM usage logs (OpenAI, Anthropic, LiteLLM spend logs, OpenTelemetry traces) to see cost by agent and unattributed spend.',
  plan: 'The 90-day plan is not started: set day 0 on the Plan page to track progress and draw the burn-up.',
} as const;

interface InScope {
  dossier: AgentDossier;
  triage: TriageOfAgent;
  row: TriageRow;
  rows: Map<string, ChecklistRow>;
}

/**
 * Everything the executive report shows, read once: the dossiers and their triage (one pass), the
 * plan over that same evaluation, and the usage overview. Sections with nothing to show get a
 * sentence in `gaps` naming the import that would fill them.
 */
export function executiveReport(db: Db, advisories: AdvisoryLookup, workspaceName: string, author: ChangeAuthor, now = new Date()): ExecutiveReport {
  ensureAttribution(db);
  const agents: InScope[] = everyAgentDossierAndTriage(db, advisories, { suggestions: false })
    .filter((a) => !OUT_OF_SCOPE.has(a.dossier.agent.status))
    .map((a) => ({ ...a, row: triageRowOf(a.triage), rows: new Map(a.triage.checklist.map((r) => [r.key, r])) }));
  agents.sort((a, b) => compareTriageRows(a.row, b.row));
  const awaitingReview = listCandidates(db, { decision: 'pending' }, advisories).length;
  const cost = costOf(db);
  const plan = planOf(db, agents, author, now);
  const gaps = gapsOf(agents, cost, plan);
  return {
    generatedAt: now.toISOString(),
    workspaceName,
    settings: reportSettingsOf(db, workspaceName),
    headline: headlineOf(agents, awaitingReview, cost),
    risks: agents.map((a) => a.row),
    topRisks: agents.slice(0, TOP_RISKS).map(topRiskOf),
    checklist: checklistOf(agents),
    plan,
    cost,
    registry: agents.map(registryLineOf),
    answerCards: agents.map((a) => ({ agentId: a.row.agentId, name: a.row.name, owner: a.row.owner, answers: a.triage.answers })),
    gaps,
  };
}

const failing = (a: InScope, key: ChecklistItemKey) => a.rows.get(key)?.verdict === 'fail';
const share = (agents: InScope[], test: (a: InScope) => boolean) => ({ count: agents.filter(test).length, of: agents.length });

function headlineOf(agents: InScope[], awaitingReview: number, cost: ReportCost | null): ReportHeadline {
  const completeness = (a: InScope) => a.dossier.agent.completeness;
  return {
    discovered: agents.length + awaitingReview,
    awaitingReview,
    documented: share(agents, (a) => completeness(a).filled === completeness(a).total),
    withOwner: share(agents, (a) => a.rows.get('registry.owner')?.verdict === 'pass'),
    withRollback: share(agents, (a) => a.rows.get('registry.rollback')?.verdict === 'pass'),
    allFourAnswers: share(agents, (a) => answeredCount(a.triage.answers) === 4),
    p0: agents.filter((a) => a.row.risk.tier === 'P0').length,
    p1: agents.filter((a) => a.row.risk.tier === 'P1').length,
    shellOrArbitraryNetwork: agents.filter((a) => failing(a, 'h48.no-shell') || failing(a, 'h48.no-arbitrary-network')).length,
    sharedCredentials: agents.filter((a) => failing(a, 'h48.no-shared-credential')).length,
    unattributedSpend: cost && { costUsd: cost.unattributedUsd, share: cost.unattributedShare, totalUsd: cost.totalUsd },
  };
}

/** One line a reader takes in at a glance: what its credentials reach, or that nobody can say yet. */
export function blastRadiusLine(a: Pick<InScope, 'dossier' | 'row'>): string {
  const { reach, risk } = a.row;
  const unreviewed = risk.irreversibleUnreviewed > 0 ? `; ${risk.irreversibleUnreviewed} irreversible ${risk.irreversibleUnreviewed === 1 ? 'action' : 'actions'} without human review` : '';
  if (reach.dataSources === null) return `Unknown: no cloud identity linked to its credentials (import IAM exports)${unreviewed}.`;
  if (reach.dataSources === 0) return `Its credentials reach no data source in the imported IAM data${unreviewed}.`;
  const sources = `${reach.dataSources} data ${reach.dataSources === 1 ? 'source' : 'sources'}`;
  return `Reaches ${sources} (${reach.writable} writable), most sensitive: ${reach.sensitivity ?? 'unclassified'}${unreviewed}.`;
}

function topRiskOf(a: InScope): TopRisk {
  return {
    agentId: a.row.agentId,
    name: a.row.name,
    owner: a.row.owner,
    tier: a.row.risk.tier,
    score: a.row.risk.score,
    blastRadius: blastRadiusLine(a),
    failing: a.row.failing.filter((k) => k.startsWith('h48.') || k.startsWith('registry.')).map((k) => TITLE_OF.get(k) ?? k),
  };
}

function checklistOf(agents: InScope[]): { items: ChecklistItemStatus[]; agents: AgentChecklistLine[] } {
  const items = H48_ITEMS.map((item): ChecklistItemStatus => {
    const status = { key: item.key, title: item.title, pass: 0, fail: 0, unknown: 0, attestedDone: 0 };
    for (const a of agents) {
      const row = a.rows.get(item.key);
      if (!row) continue;
      status[row.verdict]++;
      if (row.attestation?.status === 'done') status.attestedDone++;
    }
    return status;
  });
  const lines = agents.map((a): AgentChecklistLine => ({
    agentId: a.row.agentId,
    name: a.row.name,
    tier: a.row.risk.tier,
    verdicts: H48_ITEMS.map((item) => {
      const row = a.rows.get(item.key);
      return { key: item.key, verdict: row?.verdict ?? 'unknown', attested: row?.attestation?.status === 'done' };
    }),
  }));
  return { items, agents: lines };
}

/** The plan over the report's own evaluation; its tasks are first brought in line with the checklists, as the Plan page does. */
function planOf(db: Db, agents: InScope[], author: ChangeAuthor, now: Date): ReportPlan {
  const planAgents: PlanAgent[] = agents.map((a) => ({ agentId: a.row.agentId, name: a.row.name, owner: a.row.owner, rows: a.rows }));
  const start = planStartOf(db);
  if (start) reconcilePlanTasks(db, evaluatedItems(planAgents), author, now.toISOString());
  const plan = assemblePlan(db, planAgents, start, todayIso(now));
  return {
    startDate: plan.startDate,
    today: plan.today,
    phases: plan.phases,
    burnUp: plan.burnUp,
    open: plan.tasks.filter((t) => t.status === 'open').length,
    done: plan.tasks.filter((t) => t.status === 'done').length,
    overdue: plan.tasks.filter((t) => t.overdue).length,
  };
}

function costOf(db: Db): ReportCost | null {
  const overview = usageOverview(db, {});
  if (overview.period === null) return null;
  const totals = usageTotals(db, 'agent', {});
  const total = overview.total.costUsd;
  return {
    period: overview.period,
    totalUsd: total,
    unattributedUsd: overview.unattributed.costUsd,
    unattributedShare: overview.unattributedShare,
    byAgent: totals.groups
      .filter((g) => g.key !== null)
      .map((g) => ({ agentId: g.key!, name: g.label, costUsd: g.costUsd, tokens: g.totalTokens, share: total > 0 ? g.costUsd / total : 0 })),
    unpricedModels: overview.total.unpricedModels,
  };
}

function registryLineOf(a: InScope): RegistryLine {
  const agent = a.dossier.agent;
  return {
    agentId: agent.id,
    name: agent.name,
    status: agent.status,
    owner: agent.owner?.name ?? null,
    trigger: agent.trigger.kind,
    environment: agent.environment,
    lastReviewed: agent.lastReviewed,
    rollback: itemPasses(a.rows, 'registry.rollback'),
    filled: agent.completeness.filled,
    tier: a.row.risk.tier,
    answered: a.row.answered,
  };
}

function gapsOf(agents: InScope[], cost: ReportCost | null, plan: ReportPlan): ReportGaps {
  const gaps: ReportGaps = {};
  const add = (section: keyof ReportGaps, text: string) => (gaps[section] ??= []).push(text);
  if (agents.length === 0) for (const s of ['summary', 'risk-matrix', 'top-risks', 'checklist', 'appendix'] as const) add(s, FILL_HINTS.agents);
  const unlinked = agents.filter((a) => a.row.reach.dataSources === null).length;
  if (unlinked > 0) {
    const who = unlinked === agents.length ? 'every agent' : `${unlinked} of ${agents.length} agents`;
    add('risk-matrix', `Data sensitivity is unknown for ${who}, drawn in the middle. ${FILL_HINTS.iam}`);
    add('top-risks', `The blast radius of ${who} is unknown. ${FILL_HINTS.iam}`);
  }
  if (cost === null) {
    add('cost', FILL_HINTS.usage);
    add('summary', FILL_HINTS.usage);
  }
  if (plan.startDate === null) add('plan', FILL_HINTS.plan);
  return gaps;
}
