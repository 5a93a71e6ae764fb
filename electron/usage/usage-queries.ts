import type { CostTotals, TokenTotals, UsageGroupTotals, UsageSeries, UsageTotals } from '../../shared/contracts/usage';
import type { Attribution, CostBasis, UsageDimension } from '../../shared/usage';
import { statement } from '../store/statements';
import { scoped } from '../store/read-scope';
import type { Db } from '../store/workspace-file';
import { DAY_MS, dayText, periodFilter, type Period } from './usage-days';

/** The group key of usage a person said is the application layer's, not an agent's. */
export const APPLICATION_KEY = '(application)';

const TOKENS = '(input_tokens + cached_input_tokens + cache_write_tokens + output_tokens)';

/** What each dimension groups by; null is the row nobody accounts for (untagged, unattributed). */
const DIMENSION_SQL: Record<UsageDimension, string> = {
  agent: `CASE WHEN agent_id IS NOT NULL THEN agent_id WHEN attribution = 'application' THEN '${APPLICATION_KEY}' END`,
  feature: 'feature_tag',
  user: 'user_tag',
  session: 'session_tag',
  model: 'model',
  key: `CASE WHEN key_id IS NOT NULL THEN provider || ':' || key_id END`,
  provider: 'provider',
};

const UNATTRIBUTED_LABELS: Record<UsageDimension, string> = {
  agent: 'Unattributed',
  feature: 'No feature tag',
  user: 'No user tag',
  session: 'No session tag',
  model: 'No model named',
  key: 'No key (not grouped by key)',
  provider: 'Unknown provider',
};

const TOTAL_COLUMNS = `SUM(requests) AS requests, SUM(input_tokens) AS input, SUM(cached_input_tokens) AS cached, SUM(cache_write_tokens) AS write,
  SUM(output_tokens) AS output, TOTAL(cost_usd) AS cost,
  TOTAL(CASE WHEN cost_basis = 'reported' THEN cost_usd END) AS reported, TOTAL(CASE WHEN cost_basis = 'billed' THEN cost_usd END) AS billed,
  TOTAL(CASE WHEN cost_basis = 'price-table' THEN cost_usd END) AS estimated,
  TOTAL(CASE WHEN cost_usd IS NULL THEN ${TOKENS} END) AS unpriced,
  group_concat(DISTINCT CASE WHEN cost_usd IS NULL THEN COALESCE(model, '(no model named)') END) AS unpriced_models,
  MIN(day) AS first_day, MAX(day) AS last_day`;

interface TotalsRow {
  requests: number | null;
  input: number | null;
  cached: number | null;
  write: number | null;
  output: number | null;
  cost: number;
  reported: number;
  billed: number;
  estimated: number;
  unpriced: number;
  unpriced_models: string | null;
  first_day: number | null;
  last_day: number | null;
}

export type Totals = TokenTotals & CostTotals;

export function totalsOf(r: TotalsRow): Totals {
  const inputTokens = r.input ?? 0;
  const cachedInputTokens = r.cached ?? 0;
  const cacheWriteTokens = r.write ?? 0;
  const outputTokens = r.output ?? 0;
  const costByBasis: Record<CostBasis, number> = { reported: r.reported, billed: r.billed, 'price-table': r.estimated, unknown: 0 };
  return {
    requests: r.requests ?? 0,
    inputTokens,
    cachedInputTokens,
    cacheWriteTokens,
    outputTokens,
    totalTokens: inputTokens + cachedInputTokens + cacheWriteTokens + outputTokens,
    costUsd: r.cost,
    costByBasis,
    unpricedTokens: r.unpriced,
    unpricedModels: r.unpriced_models ? r.unpriced_models.split(',').sort() : [],
  };
}

export function emptyTotals(): Totals {
  return totalsOf({ requests: 0, input: 0, cached: 0, write: 0, output: 0, cost: 0, reported: 0, billed: 0, estimated: 0, unpriced: 0, unpriced_models: null, first_day: null, last_day: null });
}

/** Everything in the period (or where `where` says), summed. */
export function totalsWhere(db: Db, where: string, args: unknown[]): Totals {
  return totalsOf(statement(db, `SELECT ${TOTAL_COLUMNS} FROM usage_rows WHERE ${where}`).get(...args) as TotalsRow);
}

/**
 * Every agent's totals (or one agent's), with the tokens of calls tagged with it, in one grouped
 * read: the triage overview asks this of every agent at once.
 */
export function totalsByAgent(db: Db, only?: string): Map<string, { totals: Totals; taggedTokens: number }> {
  const rows = statement(
    db,
    `SELECT agent_id, ${TOTAL_COLUMNS}, TOTAL(CASE WHEN attribution = 'tag' THEN ${TOKENS} END) AS tagged
     FROM usage_rows WHERE ${only === undefined ? 'agent_id IS NOT NULL' : 'agent_id = ?'} GROUP BY agent_id`,
  ).all(...(only === undefined ? [] : [only])) as Array<TotalsRow & { agent_id: string; tagged: number }>;
  return new Map(rows.map((r) => [r.agent_id, { totals: totalsOf(r), taggedTokens: r.tagged }]));
}

function agentNames(db: Db): Map<string, string> {
  return new Map((statement(db, 'SELECT id, name FROM agents').all() as Array<{ id: string; name: string }>).map((a) => [a.id, a.name]));
}

function labelOf(by: UsageDimension, key: string | null, names: Map<string, string>): string {
  if (key === null) return UNATTRIBUTED_LABELS[by];
  if (by === 'agent') return key === APPLICATION_KEY ? 'Application (not an agent)' : (names.get(key) ?? `${key} (deleted agent)`);
  return key;
}

/** Totals per agent, feature, user, session, model, key or provider; the unaccounted row is kept apart, never merged. */
export function usageTotals(db: Db, by: UsageDimension, period: Period): UsageTotals {
  const filter = periodFilter(period);
  const dimension = DIMENSION_SQL[by];
  const rows = statement(
    db,
    `SELECT ${dimension} AS k, ${by === 'agent' ? `MIN(CASE attribution WHEN 'tag' THEN 1 WHEN 'key' THEN 2 WHEN 'person' THEN 3 WHEN 'application' THEN 4 ELSE 5 END)` : 'NULL'} AS how,
       ${TOTAL_COLUMNS} FROM usage_rows WHERE ${filter.sql} GROUP BY k ORDER BY cost DESC, k`,
  ).all(...filter.args) as Array<TotalsRow & { k: string | null; how: number | null }>;
  const names = by === 'agent' ? agentNames(db) : new Map<string, string>();
  const hows: Attribution[] = ['tag', 'key', 'person', 'application', 'unattributed'];
  const groups: UsageGroupTotals[] = rows.map((r) => ({
    key: r.k,
    label: labelOf(by, r.k, names),
    attribution: by === 'agent' ? (hows[(r.how ?? 5) - 1] ?? 'unattributed') : null,
    firstDay: r.first_day === null ? '' : dayText(r.first_day),
    lastDay: r.last_day === null ? '' : dayText(r.last_day),
    ...totalsOf(r),
  }));
  const total = totalsWhere(db, filter.sql, filter.args);
  return { by, from: period.from ?? null, to: period.to ?? null, groups, total };
}

/**
 * Daily cost or tokens of the top groups, then the rest together ("other") and the unaccounted
 * ("unattributed"), every day of the period present. By agent it reads the agent/day index in
 * its own order, so a million rows are summed without sorting them.
 */
export function usageSeries(db: Db, by: UsageDimension, metric: 'cost' | 'tokens', top: number, period: Period): UsageSeries {
  const filter = periodFilter(period);
  const value = metric === 'cost' ? 'TOTAL(cost_usd)' : `SUM(${TOKENS})`;
  const sql =
    by === 'agent'
      ? `SELECT CASE WHEN agent_id IS NOT NULL THEN agent_id WHEN attribution = 'application' THEN '${APPLICATION_KEY}' END AS k, day, ${value} AS v
         FROM usage_rows INDEXED BY usage_rows_by_agent_day WHERE ${filter.sql} GROUP BY agent_id, attribution, day`
      : `SELECT ${DIMENSION_SQL[by]} AS k, day, ${value} AS v FROM usage_rows WHERE ${filter.sql} GROUP BY k, day`;
  const cells = statement(db, sql).all(...filter.args) as Array<{ k: string | null; day: number; v: number }>;
  if (cells.length === 0) return { by, metric, days: [], series: [] };
  let first = Infinity;
  let last = -Infinity;
  const totals = new Map<string | null, number>();
  for (const c of cells) {
    first = Math.min(first, c.day);
    last = Math.max(last, c.day);
    totals.set(c.k, (totals.get(c.k) ?? 0) + c.v);
  }
  const ranked = [...totals.entries()].filter(([k]) => k !== null).sort((a, b) => b[1] - a[1] || String(a[0]).localeCompare(String(b[0])));
  const topKeys = new Set(ranked.slice(0, top).map(([k]) => k));
  const length = last - first + 1;
  const names = by === 'agent' ? agentNames(db) : new Map<string, string>();
  const seriesOf = new Map<string, UsageSeries['series'][number]>();
  const slot = (key: string | null, kind: 'group' | 'other' | 'unattributed') => {
    const id = kind === 'group' ? `g:${key}` : kind;
    let s = seriesOf.get(id);
    if (!s) {
      s = { key: kind === 'group' ? key : null, label: kind === 'other' ? 'Other' : labelOf(by, kind === 'group' ? key : null, names), values: new Array<number>(length).fill(0), total: 0, kind };
      seriesOf.set(id, s);
    }
    return s;
  };
  for (const c of cells) {
    const s = c.k === null ? slot(null, 'unattributed') : topKeys.has(c.k) ? slot(c.k, 'group') : slot(null, 'other');
    s.values[c.day - first]! += c.v;
    s.total += c.v;
  }
  const order = (s: UsageSeries['series'][number]) => (s.kind === 'group' ? 0 : s.kind === 'other' ? 1 : 2);
  const series = [...seriesOf.values()].sort((a, b) => order(a) - order(b) || b.total - a.total);
  const days = Array.from({ length }, (_, i) => dayText(first + i));
  return { by, metric, days, series };
}

/** First and last day with usage, or null when nothing is imported. */
export function usagePeriod(db: Db): { first: number; last: number } | null {
  return scoped(db, 'usage-period', () => readUsagePeriod(db));
}

function readUsagePeriod(db: Db): { first: number; last: number } | null {
  // From each import's recorded span, not a scan of every row: every agent's dossier asks this.
  const row = statement(db, 'SELECT MIN(first_ms) AS first, MAX(last_ms) AS last FROM usage_import_spans').get() as { first: number | null; last: number | null };
  return row.first === null || row.last === null ? null : { first: Math.floor(row.first / DAY_MS), last: Math.floor(row.last / DAY_MS) };
}
