import type { ChecklistRow, RiskScore, RiskTier } from '../../shared/checklist';
import type { AgentDossier } from '../../shared/contract';
import type { AccessLevel, Sensitivity } from '../../shared/iam';
import { irreversibleActionsOf, itemPasses } from './checklist-facts';

const SENSITIVITY_WEIGHT: Record<Sensitivity, number> = { restricted: 1, confidential: 0.75, internal: 0.5, unknown: 0.5, public: 0.2 };
/** Write counts above read: what an agent can change is worse than what it can see. */
const ACCESS_WEIGHT: Record<AccessLevel, number> = { 'permissions-management': 1, write: 1, tagging: 0.6, read: 0.6, list: 0.4 };

function sensitivityOf(d: AgentDossier): { value: number | null; because: string } {
  let best: { value: number; because: string } | null = null;
  for (const s of d.blastRadius.bySensitivity) {
    const value = SENSITIVITY_WEIGHT[s.sensitivity] * ACCESS_WEIGHT[s.access];
    if (!best || value > best.value) best = { value, because: `${s.access} access to ${s.count} ${s.sensitivity} data source(s)` };
  }
  if (best) return best;
  const writes = d.agent.dataAccess.some((x) => x.access === 'write') || d.capabilities.some((c) => c.kind === 'data-write' || c.kind === 'data-delete');
  if (d.agent.dataAccess.length > 0 || d.capabilities.some((c) => c.kind.startsWith('data-'))) {
    return { value: SENSITIVITY_WEIGHT.unknown * (writes ? 1 : 0.6), because: `${writes ? 'writes' : 'reads'} data of unknown sensitivity (no cloud identity imported for it)` };
  }
  return { value: null, because: 'nothing is known of the data it reaches' };
}

const MONITORING: Array<{ name: string; holds: (d: AgentDossier, rows: Map<string, ChecklistRow>) => boolean }> = [
  { name: 'execution logging', holds: (_d, rows) => itemPasses(rows, 'h48.execution-logging') },
  { name: 'LLM calls seen in usage', holds: (d) => d.usage.totals.totalTokens > 0 },
  { name: 'a daily budget cap', holds: (d) => d.usage.budget.dailyTokenCap !== null || d.usage.budget.dailyCostCapUsd !== null },
  { name: 'a named owner to alert', holds: (_d, rows) => itemPasses(rows, 'registry.owner') },
];

/** P0 needs known sensitive data: unknown sensitivity (0.5) with no monitoring at all is P1, not P0. */
function tierOf(score: number): RiskTier {
  if (score >= 0.6) return 'P0';
  if (score >= 0.35) return 'P1';
  if (score >= 0.15) return 'P2';
  return 'P3';
}

/**
 * The agent's risk with its parts (DESIGN.md "Risk and priority"): sensitivity of what it reaches x
 * monitoring gap orders agents; unreviewed irreversible actions and then volume break ties
 * (compareRisk). Unknown sensitivity counts as middling (0.5), never as none.
 */
export function riskOf(d: AgentDossier, checklist: ChecklistRow[]): RiskScore {
  const rows = new Map(checklist.map((r) => [r.key, r]));
  const sensitivity = sensitivityOf(d);
  const missing = MONITORING.filter((m) => !m.holds(d, rows)).map((m) => m.name);
  const monitoringGap = missing.length / MONITORING.length;
  const irreversibleUnreviewed = itemPasses(rows, 'h48.irreversible-reviewed') ? 0 : irreversibleActionsOf(d).length;
  const days = d.usage.daily.length;
  const volumePerDay = d.usage.totals.requests > 0 && days > 0 ? d.usage.totals.requests / days : null;
  const score = (sensitivity.value ?? 0.5) * monitoringGap;
  return {
    sensitivity: sensitivity.value,
    sensitivityBecause: sensitivity.because,
    monitoringGap,
    monitoringBecause: missing.length === 0 ? 'logging, usage, a budget cap and an owner are all in place' : `missing: ${missing.join(', ')}`,
    irreversibleUnreviewed,
    volumePerDay,
    score,
    tier: tierOf(score),
  };
}

/** The priority order: score, then unreviewed irreversible actions, then volume. */
export function compareRisk(a: RiskScore, b: RiskScore): number {
  return b.score - a.score || b.irreversibleUnreviewed - a.irreversibleUnreviewed || (b.volumePerDay ?? 0) - (a.volumePerDay ?? 0);
}
