import type { Attestation, ChecklistRow, ReachSummary, TriageRow } from '../../shared/checklist';
import type { Sensitivity } from '../../shared/iam';
import type { AgentDossier, AgentTriage } from '../../shared/contract';
import type { Handlers } from '../api/dispatcher';
import type { Session } from '../api/session';
import type { AdvisoryLookup } from '../discovery/discovery-repository';
import { agentDossier, everyAgentDossier, type EveryAgentOptions } from '../dossier/agent-dossier';
import type { Db } from '../store/workspace-file';
import { answeredCount } from '../../shared/answer-card';
import { compareNames } from '../../shared/name-order';
import type { IrreversibleRegisterRow } from '../../shared/answer-card';
import { answerCardOf } from './answer-card';
import { allAttestations, attest, attestationsOf } from './attestations';
import { evaluateChecklist } from './evaluate-checklist';
import { compareRegisterRows, irreversibleActionsRegisterOf } from './irreversible-register';
import { compareRisk, riskOf } from './risk-score';
import { untrustedExposureOf } from './untrusted-exposure';

/** The automatic verdicts with a person's attestations beside them; an attested "done" never hides a fail. */
export type TriageOfAgent = AgentTriage & { name: string; owner: string | null; reach: ReachSummary; advisories: TriageRow['advisories'] };

export function agentTriage(db: Db, agentId: string, advisories: AdvisoryLookup): TriageOfAgent {
  return triageOf(agentDossier(db, agentId, advisories), attestationsOf(db, agentId));
}

function triageOf(dossier: AgentDossier, attestations: ReadonlyMap<string, Attestation>): TriageOfAgent {
  const agentId = dossier.agent.id;
  const checklist: ChecklistRow[] = evaluateChecklist(dossier).map((v) => {
    const attestation = attestations.get(v.key) ?? null;
    return { ...v, attestation, conflict: v.verdict === 'fail' && attestation?.status === 'done' };
  });
  const exposure = untrustedExposureOf(dossier, checklist);
  return {
    agentId,
    name: dossier.agent.name,
    owner: dossier.agent.owner?.name ?? null,
    checklist,
    risk: riskOf(dossier, checklist),
    exposure,
    answers: answerCardOf(dossier, checklist, exposure),
    irreversible: irreversibleActionsRegisterOf(dossier, checklist),
    reach: reachOf(dossier),
    advisories: { count: dossier.advisories.length, worstSeverity: worstSeverity(dossier.advisories.map((a) => a.severity)) },
  };
}

const SENSITIVITY_ORDER: readonly Sensitivity[] = ['public', 'unknown', 'internal', 'confidential', 'restricted'];
const WRITES = new Set(['write', 'permissions-management']);

function reachOf(d: AgentDossier): ReachSummary {
  const summary = d.blastRadius.bySensitivity;
  if (d.credentials.links.length === 0) return { dataSources: null, writable: 0, sensitivity: null };
  const sensitivity = summary.reduce<Sensitivity | null>((worst, s) => (worst === null || SENSITIVITY_ORDER.indexOf(s.sensitivity) > SENSITIVITY_ORDER.indexOf(worst) ? s.sensitivity : worst), null);
  return { dataSources: d.blastRadius.dataSources, writable: summary.filter((s) => WRITES.has(s.access)).reduce((n, s) => n + s.count, 0), sensitivity };
}

const SEVERITY_ORDER = ['low', 'moderate', 'medium', 'high', 'critical'];
/** OSV severities are free text ("HIGH", "CVSS:3.1/…"); the named levels are ranked, anything else counts below them. */
function worstSeverity(severities: Array<string | null>): string | null {
  let worst: string | null = null;
  for (const s of severities) {
    if (s === null) continue;
    if (worst === null || SEVERITY_ORDER.indexOf(s.toLowerCase()) > SEVERITY_ORDER.indexOf(worst.toLowerCase())) worst = s;
  }
  return worst;
}

/** Every agent's checklist, risk and exposure: the overview, the plan and the report read this, never a loop of their own. */
export function everyAgentTriage(db: Db, advisories: AdvisoryLookup): TriageOfAgent[] {
  // No verdict reads the identities a person might link, only the linked ones.
  return everyAgentDossierAndTriage(db, advisories, { suggestions: false }).map((a) => a.triage);
}

/** Each agent's dossier with its triage, from one read: the exports need both and must not read the dossiers twice. */
export function everyAgentDossierAndTriage(db: Db, advisories: AdvisoryLookup, options?: EveryAgentOptions): Array<{ dossier: AgentDossier; triage: TriageOfAgent }> {
  const attestations = allAttestations(db);
  return everyAgentDossier(db, advisories, options).map((dossier) => ({ dossier, triage: triageOf(dossier, attestations.get(dossier.agent.id) ?? new Map()) }));
}

/** One agent's line of the priority list. */
export function triageRowOf(t: TriageOfAgent): TriageRow {
  const counts = { pass: 0, fail: 0, unknown: 0 };
  for (const row of t.checklist) counts[row.verdict]++;
  const failing = t.checklist.filter((r) => r.verdict === 'fail' || r.attestation?.status === 'not-done').map((r) => r.key);
  return {
    agentId: t.agentId,
    name: t.name,
    owner: t.owner,
    risk: t.risk,
    counts,
    failing,
    exposure: { inputs: t.exposure.inputs.length, worst: t.exposure.worst },
    reach: t.reach,
    advisories: t.advisories,
    answered: answeredCount(t.answers),
  };
}

export const compareTriageRows = (a: TriageRow, b: TriageRow): number => compareRisk(a.risk, b.risk) || compareNames(a.name, b.name);

export function triageOverview(db: Db, advisories: AdvisoryLookup): TriageRow[] {
  return everyAgentTriage(db, advisories).map(triageRowOf).sort(compareTriageRows);
}

/** Every agent's irreversible actions in one table, unreviewed first. */
export function irreversibleRegister(db: Db, advisories: AdvisoryLookup): IrreversibleRegisterRow[] {
  return everyAgentTriage(db, advisories)
    .flatMap((t) => t.irreversible.map((a) => ({ ...a, agentId: t.agentId, agentName: t.name, owner: t.owner })))
    .sort(compareRegisterRows);
}

export function triageHandlers(session: Session) {
  const db = () => session.workspace().db;
  return {
    agentChecklist: ({ agentId }) => {
      const { checklist, risk, exposure, answers, irreversible } = agentTriage(db(), agentId, session.advisoryLookup());
      return { agentId, checklist, risk, exposure, answers, irreversible };
    },
    triageOverview: () => triageOverview(db(), session.advisoryLookup()),
    irreversibleRegister: () => irreversibleRegister(db(), session.advisoryLookup()),
    attestChecklistItem: ({ agentId, key, status, note }, ctx) => {
      attest(db(), agentId, key as ChecklistRow['key'], status, note, ctx);
      return agentTriage(db(), agentId, session.advisoryLookup()).checklist.find((r) => r.key === key)!;
    },
  } satisfies Partial<Handlers>;
}
