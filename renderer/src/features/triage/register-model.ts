import type { IrreversibleRegisterRow, ReviewStatus } from '../../../../shared/answer-card';
import { IRREVERSIBLE_ACTION_LABELS } from '../../../../shared/answer-card';
import type { TriageRow } from '../../../../shared/checklist';

/** The workspace's "done" measure: agents whose four questions are all answered, out of every agent. */
export function doneMeasure(rows: readonly TriageRow[]): { done: number; total: number } {
  return { done: rows.filter((r) => r.answered === 4).length, total: rows.length };
}

export interface RegisterFilter {
  status: ReviewStatus | 'all';
  /** Matches the agent, its owner, the action and where it was seen, case-insensitively. */
  text: string;
}

/** The register rows the filter keeps, in the engine's order (unreviewed first). */
export function filterRegister(rows: readonly IrreversibleRegisterRow[], filter: RegisterFilter): IrreversibleRegisterRow[] {
  const needle = filter.text.trim().toLowerCase();
  return rows.filter((r) => {
    if (filter.status !== 'all' && r.reviewStatus !== filter.status) return false;
    if (!needle) return true;
    return [r.agentName, r.owner ?? '', r.detail, r.tool ?? '', IRREVERSIBLE_ACTION_LABELS[r.kind], r.where.text, r.where.path ?? ''].some((v) => v.toLowerCase().includes(needle));
  });
}

export function countByStatus(rows: readonly IrreversibleRegisterRow[]): Record<ReviewStatus, number> {
  const counts: Record<ReviewStatus, number> = { unreviewed: 0, attested: 0, 'reviewed-in-code': 0 };
  for (const r of rows) counts[r.reviewStatus]++;
  return counts;
}
