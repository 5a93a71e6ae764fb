import { CHECKLIST_ITEMS } from '../../../shared/checklist';
import { answeredCount } from '../../../shared/answer-card';
import { workspacePlan } from '../../plan/workspace-plan';
import { driftOfDossier } from '../../review/agent-reviews';
import { everyAgentDossierAndTriage } from '../../triage/triage-handlers';
import { usageOverview } from '../../usage/usage-overview';
import { isFailing } from './sarif';
import type { ExportFormat, ExportSource } from '.';

/**
 * The whole workspace as one JSON document, for scripts, archives and other tools: every agent's
 * dossier with its triage and review, the 90-day plan and the usage summary, as the app's own read
 * models give them. Two exports of the same workspace differ only in `exportedAt`: object keys are
 * written in sorted order and agents by name, then id.
 *
 * `formatVersion` changes when a field is renamed or removed (adding one keeps it).
 */
export const WORKSPACE_JSON_FORMAT_VERSION = 1;

export const workspaceJsonFormat: ExportFormat = {
  id: 'json',
  label: 'Workspace JSON',
  audience: 'Everything the workspace knows in one file: for scripts, archives and tools of your own.',
  extension: 'json',
  fileStem: 'workspace',
  mediaType: 'application/json',
  render: (source) => `${canonicalJson(workspaceDocumentOf(source))}\n`,
};

export function workspaceDocumentOf(source: ExportSource) {
  const { db, advisories } = source;
  const agents = everyAgentDossierAndTriage(db, advisories, { onAgent: source.steps.onAgent })
    .sort((a, b) => a.dossier.agent.name.localeCompare(b.dossier.agent.name) || a.dossier.agent.id.localeCompare(b.dossier.agent.id))
    .map(({ dossier, triage }) => ({
      id: dossier.agent.id,
      name: dossier.agent.name,
      dossier,
      triage: {
        checklist: triage.checklist,
        failing: triage.checklist.filter(isFailing).map((r) => r.key),
        risk: triage.risk,
        exposure: triage.exposure,
        answers: triage.answers,
        answered: answeredCount(triage.answers),
        irreversible: triage.irreversible,
        reach: triage.reach,
        advisories: triage.advisories,
      },
      review: driftOfDossier(db, dossier),
    }));
  source.steps.step('Working out the 90-day plan');
  const plan = workspacePlan(db, advisories, source.author, source.now);
  source.steps.step('Summing up LLM usage');
  const usage = usageOverview(db, {});
  return {
    formatVersion: WORKSPACE_JSON_FORMAT_VERSION,
    exportedAt: source.now.toISOString(),
    tool: { name: 'Agent Triage Workstation', version: source.toolVersion },
    workspace: { name: source.workspaceName },
    checklistItems: CHECKLIST_ITEMS,
    agents,
    plan,
    usage,
  };
}

/** JSON with every object's keys in sorted order (arrays keep theirs), so equal data gives equal bytes. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v), 2);
}
