import type { ChecklistItemDefinition, ChecklistItemKey, ChecklistPhase, ChecklistRow } from '../../../../shared/checklist';
import { CHECKLIST_ITEMS, CHECKLIST_PHASES } from '../../../../shared/checklist';

/**
 * What the profile lists from the engine's verdicts, chosen and ordered for reading: nothing here
 * decides a verdict, it only picks which of the engine's rows a person should look at first.
 */

const DEFINITIONS = new Map<string, ChecklistItemDefinition>(CHECKLIST_ITEMS.map((i) => [i.key, i]));
export const definitionOf = (key: ChecklistItemKey): ChecklistItemDefinition | undefined => DEFINITIONS.get(key);

/** A person said it is done or does not apply, and the evidence does not contradict it. */
const settledByPerson = (r: ChecklistRow) => r.verdict !== 'fail' && (r.attestation?.status === 'done' || r.attestation?.status === 'not-applicable');

/** Items failing automatically or attested not done: what the overview counts as failing. */
export const failingRows = (rows: readonly ChecklistRow[]): ChecklistRow[] => rows.filter((r) => r.verdict === 'fail' || r.attestation?.status === 'not-done');

/** The items that move the risk score (DESIGN.md): the monitoring gap's parts, then unreviewed irreversible actions and production writes. */
const RISK_ITEMS: readonly ChecklistItemKey[] = ['h48.irreversible-reviewed', 'h48.execution-logging', 'd90.daily-budget', 'registry.owner', 'h48.prod-write-intended', 'd30.untrusted-content-scanned'];

function compareRanks(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return (a[i] ?? 0) - (b[i] ?? 0);
  return 0;
}

export interface NextStep {
  row: ChecklistRow;
  phase: ChecklistPhase;
  title: string;
}

/**
 * What to do next: failing items before unknown ones; among them, items that move the risk score
 * first, then by phase (each phase needs the previous one), then in checklist order.
 */
export function nextSteps(rows: readonly ChecklistRow[], limit = 5): NextStep[] {
  const order = new Map(CHECKLIST_ITEMS.map((i, index) => [i.key, index]));
  const rank = (r: ChecklistRow) => {
    const failing = r.verdict === 'fail' || r.attestation?.status === 'not-done';
    const risk = RISK_ITEMS.includes(r.key) ? 0 : 1;
    const phase = CHECKLIST_PHASES.indexOf(DEFINITIONS.get(r.key)?.phase ?? 'days-61-90');
    return [failing ? 0 : 1, risk, phase, order.get(r.key) ?? 0];
  };
  return rows
    .filter((r) => (r.verdict === 'fail' || r.verdict === 'unknown' || r.attestation?.status === 'not-done') && !settledByPerson(r))
    .map((row) => ({ row, key: rank(row) }))
    .sort((a, b) => compareRanks(a.key, b.key))
    .slice(0, limit)
    .map(({ row }) => ({ row, phase: DEFINITIONS.get(row.key)?.phase ?? 'step-0', title: DEFINITIONS.get(row.key)?.title ?? row.key }));
}
