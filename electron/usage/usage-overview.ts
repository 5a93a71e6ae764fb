import type { UsageOverview } from '../../shared/contracts/usage';
import { ACTIVITY_STATES, type ActivityState, type UsageLayer } from '../../shared/usage';
import { statement } from '../store/statements';
import type { Db } from '../store/workspace-file';
import { agentActivity } from './usage-agents';
import { estimateCost, priceLookup, pricesInForce } from './model-prices';
import { dayText, periodFilter, type Period } from './usage-days';
import { providerName, usageCandidates, usageKeys } from './usage-keys';
import { totalsWhere, usagePeriod } from './usage-queries';

const LAYER_NAMES: Record<UsageLayer, string> = { provider: 'provider usage exports', gateway: 'gateway spend logs (LiteLLM)', telemetry: 'GenAI traces (OpenTelemetry)' };

/** Where two layers recorded calls to the same provider on the same days: the totals hold both. */
function overlapNotes(db: Db, filter: { sql: string; args: number[] }): string[] {
  const spans = statement(db, `SELECT provider, layer, MIN(day) AS first, MAX(day) AS last FROM usage_rows WHERE ${filter.sql} GROUP BY provider, layer`).all(...filter.args) as Array<{
    provider: string;
    layer: UsageLayer;
    first: number;
    last: number;
  }>;
  const notes: string[] = [];
  for (const a of spans) {
    for (const b of spans) {
      if (a.provider !== b.provider || a.layer >= b.layer) continue;
      const from = Math.max(a.first, b.first);
      const to = Math.min(a.last, b.last);
      if (from > to) continue;
      notes.push(
        `Calls to ${providerName(a.provider)} from ${dayText(from)} to ${dayText(to)} are in both ${LAYER_NAMES[a.layer]} and ${LAYER_NAMES[b.layer]}: where both saw the same calls, totals by provider or model count them in each. Attribution by agent is not affected when only one layer names the agent.`,
      );
    }
  }
  return notes;
}

/** What the provider's own usage rows over those days cost at list prices: the bill's counterpart. */
function listPriceOf(db: Db, provider: string, first: number, last: number): { listPriceUsd: number; unpricedModels: string[] } {
  const priceOf = priceLookup(pricesInForce(db));
  const byModel = statement(
    db,
    `SELECT model, SUM(input_tokens) AS inputTokens, SUM(cached_input_tokens) AS cachedInputTokens, SUM(cache_write_tokens) AS cacheWriteTokens, SUM(cache_write_1h_tokens) AS cacheWrite1hTokens, SUM(output_tokens) AS outputTokens
     FROM usage_rows WHERE layer = 'provider' AND provider = ? AND day >= ? AND day <= ? GROUP BY model`,
  ).all(provider, first, last) as Array<{ model: string | null; inputTokens: number; cachedInputTokens: number; cacheWriteTokens: number; cacheWrite1hTokens: number; outputTokens: number }>;
  let listPriceUsd = 0;
  const unpricedModels: string[] = [];
  for (const m of byModel) {
    const cost = estimateCost(priceOf(m.model), m);
    if (cost === null) unpricedModels.push(m.model ?? '(no model named)');
    else listPriceUsd += cost;
  }
  return { listPriceUsd, unpricedModels };
}

export function usageOverview(db: Db, period: Period): UsageOverview {
  const filter = periodFilter(period);
  const whole = usagePeriod(db);
  const bounds = statement(db, `SELECT MIN(day) AS first, MAX(day) AS last FROM usage_rows WHERE ${filter.sql}`).get(...filter.args) as { first: number | null; last: number | null };
  const total = totalsWhere(db, filter.sql, filter.args);
  const unattributed = totalsWhere(db, `attribution = 'unattributed' AND ${filter.sql}`, filter.args);
  const unattributedShare = total.costUsd > 0 ? unattributed.costUsd / total.costUsd : total.totalTokens > 0 ? unattributed.totalTokens / total.totalTokens : 0;
  const activity = Object.fromEntries(ACTIVITY_STATES.map((s) => [s, 0])) as Record<ActivityState, number>;
  for (const state of Object.values(agentActivity(db))) activity[state]++;
  const decided = new Set((statement(db, `SELECT identity_key FROM discovery_decisions WHERE identity_key LIKE 'usage-%'`).all() as Array<{ identity_key: string }>).map((r) => r.identity_key));
  const pending = usageCandidates(db).filter((c) => !decided.has(c.identityKey));
  activity.ghost = pending.length;
  const billed = (
    statement(db, `SELECT provider, currency, SUM(amount) AS amount, MIN(day) AS first, MAX(day) AS last FROM usage_costs WHERE ${filter.sql} GROUP BY provider, currency ORDER BY provider, currency`).all(...filter.args) as Array<{
      provider: string;
      currency: string;
      amount: number;
      first: number;
      last: number;
    }>
  ).map((b) => ({ provider: b.provider, currency: b.currency.toUpperCase(), amount: b.amount, from: dayText(b.first), to: dayText(b.last), ...listPriceOf(db, b.provider, b.first, b.last) }));
  const layers = (statement(db, 'SELECT DISTINCT layer FROM usage_rows ORDER BY layer').all() as Array<{ layer: UsageLayer }>).map((r) => r.layer);
  const notes = overlapNotes(db, filter);
  const uncounted = statement(db, `SELECT provider FROM usage_rows WHERE layer = 'provider' AND ${filter.sql} GROUP BY provider HAVING SUM(requests) = 0 ORDER BY provider`).all(...filter.args) as Array<{ provider: string }>;
  if (uncounted.length > 0) notes.push(`${uncounted.map((u) => providerName(u.provider)).join(', ')} usage reports do not count requests: request totals leave those calls out.`);
  const foreign = billed.filter((b) => b.currency !== 'USD');
  if (foreign.length > 0) notes.push(`Bills in ${[...new Set(foreign.map((b) => b.currency))].join(', ')} are shown as billed but not added to the USD totals.`);
  if (total.unpricedTokens > 0) notes.push(`${total.unpricedTokens.toLocaleString('en-US')} tokens are on models with no price (${total.unpricedModels.slice(0, 6).join(', ')}): their cost is unknown and not in the totals. Add prices on the Prices tab.`);
  const keys = usageKeys(db);
  return {
    period: whole && bounds.first !== null && bounds.last !== null ? { from: dayText(bounds.first), to: dayText(bounds.last) } : null,
    total,
    unattributedShare,
    unattributed,
    activity,
    billed,
    layers,
    notes,
    keys: { total: keys.length, unaccounted: pending.filter((c) => c.usage?.keyId).length, sharedWithApplication: keys.filter((k) => k.sharedWithApplication).length },
  };
}
