import type { RiskTier, TriageRow } from '../../../../shared/checklist';

/** Where an agent of unknown sensitivity is drawn: the middle, as the score counts it. */
export const UNKNOWN_SENSITIVITY = 0.5;

export interface MatrixPoint {
  agentId: string;
  name: string;
  tier: RiskTier;
  score: number;
  /** Monitoring gap, 0..100 (%). */
  gap: number;
  /** Sensitivity 0..1, or UNKNOWN_SENSITIVITY when nothing is known (then `sensitivityKnown` is false). */
  sensitivity: number;
  sensitivityKnown: boolean;
  irreversibleUnreviewed: number;
  volumePerDay: number | null;
  /**
   * Marker size, for the Z axis: log10(1 + requests/day), so 10/day and 1,000/day are both visible;
   * an agent without usage is 0, the smallest marker.
   */
  size: number;
  /** A token colour: danger with any irreversible action unreviewed, neutral otherwise. */
  colour: string;
  /** The other agents drawn at the same place (same gap and sensitivity), named in the tooltip since their markers overlap. */
  samePlace: string[];
}

export const MATRIX_NEUTRAL = 'var(--neutral-text)';
export const MATRIX_DANGER = 'var(--danger)';

/** One point per agent, in the engine's order (so the first point is the highest risk). */
export function matrixPointsOf(rows: readonly TriageRow[]): MatrixPoint[] {
  const points = rows.map(({ agentId, name, risk }) => ({
    agentId,
    name,
    tier: risk.tier,
    score: risk.score,
    gap: Math.round(risk.monitoringGap * 1000) / 10,
    sensitivity: risk.sensitivity ?? UNKNOWN_SENSITIVITY,
    sensitivityKnown: risk.sensitivity !== null,
    irreversibleUnreviewed: risk.irreversibleUnreviewed,
    volumePerDay: risk.volumePerDay,
    size: risk.volumePerDay === null || risk.volumePerDay <= 0 ? 0 : Math.log10(1 + risk.volumePerDay),
    colour: risk.irreversibleUnreviewed > 0 ? MATRIX_DANGER : MATRIX_NEUTRAL,
  }));
  const placeOf = (p: (typeof points)[number]) => `${p.gap}|${p.sensitivity}|${p.sensitivityKnown}`;
  const byPlace = new Map<string, string[]>();
  for (const p of points) byPlace.set(placeOf(p), [...(byPlace.get(placeOf(p)) ?? []), p.name]);
  return points.map((p) => ({ ...p, samePlace: (byPlace.get(placeOf(p)) ?? []).filter((n) => n !== p.name) }));
}

/** Largest first, so a small marker is drawn over a large one at the same place and stays clickable. */
export const drawingOrderOf = (points: readonly MatrixPoint[]): MatrixPoint[] => [...points].sort((a, b) => b.size - a.size);

/** The top of the Z domain: never 0, so a workspace without usage still draws every marker at the smallest size. */
export const sizeDomainMax = (points: readonly MatrixPoint[]): number => Math.max(1, ...points.map((p) => p.size));
