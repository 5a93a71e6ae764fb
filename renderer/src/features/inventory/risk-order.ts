import type { TriageRow } from '../../../../shared/checklist';

/**
 * The inventory's default order: the Triage page's priority order (score, then unreviewed
 * irreversible actions, then volume, as the engine ranks them). Agents the overview does not name
 * (created since it was read) come last, by name. Descending reverses the ranked part only.
 */
export function orderByRisk<Row extends { id: string; name: string }>(rows: readonly Row[], overview: readonly TriageRow[] | null, direction: 'asc' | 'desc'): Row[] {
  if (!overview) return [...rows];
  const rank = new Map(overview.map((r, i) => [r.agentId, i]));
  const ranked = rows.filter((r) => rank.has(r.id)).sort((a, b) => rank.get(a.id)! - rank.get(b.id)!);
  if (direction === 'desc') ranked.reverse();
  const unranked = rows.filter((r) => !rank.has(r.id)).sort((a, b) => a.name.localeCompare(b.name));
  return [...ranked, ...unranked];
}
