import type { ChecklistItemKey, ChecklistRow } from '../../shared/checklist';
import type { AgentDossier } from '../../shared/contract';
import type { CapabilityFinding, CapabilityKind } from '../../shared/discovery';

/**
 * Facts several triage views read the same way: which actions cannot be undone within five
 * minutes, and when an item counts as passed (its automatic verdict, or a person's word where
 * nothing fails it). Kept in one place so the checklist, the risk score, the exposure and the
 * irreversible actions register never disagree.
 */

/** Actions that cannot be undone within five minutes (DESIGN.md): delete, production write, external communication, export, payment. */
export const IRREVERSIBLE_KINDS: readonly CapabilityKind[] = ['data-delete', 'data-write', 'external-communication', 'data-export', 'payment'];

export const irreversibleActionsOf = (d: AgentDossier): CapabilityFinding[] => d.capabilities.filter((c) => IRREVERSIBLE_KINDS.includes(c.kind));

/** An item passes when its automatic verdict passes, or a person attested it done (or not applicable) and nothing fails it. */
export function itemPasses(rows: ReadonlyMap<string, ChecklistRow>, key: ChecklistItemKey): boolean {
  const row = rows.get(key);
  if (!row || row.verdict === 'fail') return false;
  return row.verdict === 'pass' || row.attestation?.status === 'done' || row.attestation?.status === 'not-applicable';
}
