import type { AgentUsage, BudgetStatus, ProductiveUnits } from '../../shared/contracts/usage';
import { enUsNumber } from '../../shared/en-us-numbers';
import { BackendError } from '../../shared/errors';
import { DORMANT_AFTER_DAYS, type ActivityState } from '../../shared/usage';
import { appendAudit, type ChangeAuthor } from '../store/audit-log';
import { statement } from '../store/statements';
import type { Db } from '../store/workspace-file';
import { writeTransaction } from '../store/write-transaction';
import { dayNumber, dayText, periodFilter, type Period } from './usage-days';
import { emptyTotals, totalsByAgent, totalsWhere, usagePeriod, type Totals } from './usage-queries';
import { ensureAttribution } from './attribution';
import { keptUsageFact } from './kept-usage-facts';
import { usageKeys, usageVersion } from './usage-keys';

const TOKENS = '(input_tokens + cached_input_tokens + cache_write_tokens + output_tokens)';

/**
 * Code against runtime, per registry agent: active (spent in the last 7 days of the imported
 * period), dormant (spent before, not since), not observed (no usage at all). Ghosts are not
 * registry agents: they are the usage candidates nobody has decided on yet.
 */
export function agentActivity(db: Db): Record<string, ActivityState> {
  const period = usagePeriod(db);
  const states: Record<string, ActivityState> = {};
  const last = new Map(
    (statement(db, 'SELECT agent_id, MAX(day) AS last FROM usage_rows INDEXED BY usage_rows_by_agent_day WHERE agent_id IS NOT NULL GROUP BY agent_id').all() as Array<{ agent_id: string; last: number }>).map((r) => [r.agent_id, r.last]),
  );
  for (const { id } of statement(db, 'SELECT id FROM agents').all() as Array<{ id: string }>) states[id] = activityFrom(last.get(id), period);
  return states;
}

function activityFrom(lastDay: number | undefined, period: { last: number } | null): ActivityState {
  return lastDay === undefined || !period ? 'not-observed' : lastDay > period.last - DORMANT_AFTER_DAYS ? 'active' : 'dormant';
}

interface BudgetRow {
  agent_id: string;
  name: string;
  daily_token_cap: number | null;
  daily_cost_cap: number | null;
}

function dailyOf(db: Db, agentId: string, period: Period): DailyRow[] {
  const filter = periodFilter(period);
  return statement(
    db,
    `SELECT day, TOTAL(cost_usd) AS cost, SUM(${TOKENS}) AS tokens FROM usage_rows INDEXED BY usage_rows_by_agent_day WHERE agent_id = ? AND ${filter.sql} GROUP BY day ORDER BY day`,
  ).all(agentId, ...filter.args) as Array<{ day: number; cost: number; tokens: number }>;
}

function daysInMonth(day: number): { first: number; last: number; month: string } {
  const date = new Date(day * 86_400_000);
  const first = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1) / 86_400_000;
  const last = Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0) / 86_400_000;
  return { first, last, month: dayText(day).slice(0, 7) };
}

/**
 * An agent's caps against what it spent: days over a cap, and the month of the last imported day
 * projected to its end at the agent's average daily rate over the last 7 days of that period.
 */
function budgetOf(db: Db, agent: BudgetRow, period: Period, periodLast: number | null): BudgetStatus {
  return budgetFrom(agent, dailyOf(db, agent.agent_id, period), periodLast === null ? [] : dailyOf(db, agent.agent_id, {}), periodLast);
}

/** The same from the agent's days already read: `daily` in the period asked, `all` every day. */
function budgetFrom(agent: BudgetRow, daily: DailyRow[], all: DailyRow[], periodLast: number | null): BudgetStatus {
  const daysOverCap = daily
    .filter((d) => (agent.daily_token_cap !== null && d.tokens > agent.daily_token_cap) || (agent.daily_cost_cap !== null && d.cost > agent.daily_cost_cap))
    .map((d) => ({ day: dayText(d.day), tokens: d.tokens, costUsd: d.cost }));
  let month: BudgetStatus['month'] = null;
  if (periodLast !== null) {
    const { first, last, month: name } = daysInMonth(periodLast);
    const inMonth = all.filter((d) => d.day >= first && d.day <= periodLast);
    const recent = all.filter((d) => d.day > periodLast - 7 && d.day <= periodLast);
    const spentUsd = inMonth.reduce((n, d) => n + d.cost, 0);
    const tokens = inMonth.reduce((n, d) => n + d.tokens, 0);
    const remaining = last - periodLast;
    const rateUsd = recent.reduce((n, d) => n + d.cost, 0) / 7;
    const rateTokens = recent.reduce((n, d) => n + d.tokens, 0) / 7;
    month = { month: name, spentUsd, projectedUsd: spentUsd + rateUsd * remaining, tokens, projectedTokens: Math.round(tokens + rateTokens * remaining) };
  }
  return { agentId: agent.agent_id, agentName: agent.name, dailyTokenCap: agent.daily_token_cap, dailyCostCapUsd: agent.daily_cost_cap, daysOverCap, month };
}

const BUDGET_ROWS = `SELECT a.id AS agent_id, a.name, b.daily_token_cap, b.daily_cost_cap FROM agents a LEFT JOIN agent_budgets b ON b.agent_id = a.id`;

/** Every registry agent's caps and how it did against them (agents without caps included: a budget to set). */
export function budgets(db: Db, period: Period): BudgetStatus[] {
  const last = usagePeriod(db)?.last ?? null;
  return (statement(db, `${BUDGET_ROWS} ORDER BY a.name COLLATE NOCASE`).all() as BudgetRow[]).map((row) => budgetOf(db, row, period, last));
}

export function budgetOfAgent(db: Db, agentId: string, period: Period = {}): BudgetStatus {
  const row = statement(db, `${BUDGET_ROWS} WHERE a.id = ?`).get(agentId) as BudgetRow | undefined;
  if (!row) throw new BackendError('not-found', `No agent with id ${agentId}.`);
  return budgetOf(db, row, period, usagePeriod(db)?.last ?? null);
}

const describeCaps = (tokens: number | null, cost: number | null) =>
  tokens === null && cost === null ? 'no cap' : [tokens !== null ? `${enUsNumber(tokens)} tokens/day` : '', cost !== null ? `$${cost}/day` : ''].filter(Boolean).join(', ');

export function setBudget(db: Db, agentId: string, caps: { dailyTokenCap: number | null; dailyCostCapUsd: number | null }, author: ChangeAuthor): void {
  writeTransaction(db, () => {
    const before = statement(db, `${BUDGET_ROWS} WHERE a.id = ?`).get(agentId) as BudgetRow | undefined;
    if (!before) throw new BackendError('not-found', `No agent with id ${agentId}.`);
    const at = new Date().toISOString();
    if (caps.dailyTokenCap === null && caps.dailyCostCapUsd === null) statement(db, 'DELETE FROM agent_budgets WHERE agent_id = ?').run(agentId);
    else {
      statement(
        db,
        `INSERT INTO agent_budgets (agent_id, daily_token_cap, daily_cost_cap, set_by, set_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (agent_id) DO UPDATE SET daily_token_cap = excluded.daily_token_cap, daily_cost_cap = excluded.daily_cost_cap, set_by = excluded.set_by, set_at = excluded.set_at`,
      ).run(agentId, caps.dailyTokenCap, caps.dailyCostCapUsd, author.actor, at);
    }
    appendAudit(db, author, [{ entity: 'agent', entityId: agentId, field: 'daily budget', before: describeCaps(before.daily_token_cap, before.daily_cost_cap), after: describeCaps(caps.dailyTokenCap, caps.dailyCostCapUsd) }], at);
  });
}

interface UnitsRow {
  id: number;
  agent_id: string;
  unit: string;
  from_day: string;
  to_day: string;
  count: number;
  entered_by: string;
  entered_at: string;
}

function unitsOf(db: Db, row: UnitsRow): ProductiveUnits {
  const cost = totalsWhere(db, 'agent_id = ? AND day >= ? AND day <= ?', [row.agent_id, dayNumber(row.from_day), dayNumber(row.to_day)]);
  const known = cost.unpricedTokens === 0 || cost.costUsd > 0;
  return { id: row.id, agentId: row.agent_id, unit: row.unit, from: row.from_day, to: row.to_day, count: row.count, enteredBy: row.entered_by, enteredAt: row.entered_at, costPerUnitUsd: known && cost.unpricedTokens === 0 ? cost.costUsd / row.count : null };
}

export function productiveUnitsOf(db: Db, agentId: string): ProductiveUnits[] {
  return (statement(db, 'SELECT * FROM productive_units WHERE agent_id = ? ORDER BY from_day, unit').all(agentId) as UnitsRow[]).map((r) => unitsOf(db, r));
}

/**
 * Records how many units of work an agent produced in a period (documents, tickets), entered or
 * imported: the same agent, unit and period again updates the count. Audited on the agent.
 */
export function upsertProductiveUnits(db: Db, input: { agentId: string; unit: string; from: string; to: string; count: number }, author: ChangeAuthor): ProductiveUnits {
  return writeTransaction(db, () => {
    if (!statement(db, 'SELECT 1 FROM agents WHERE id = ?').get(input.agentId)) throw new BackendError('not-found', `No agent with id ${input.agentId}.`);
    periodFilter({ from: input.from, to: input.to });
    const at = new Date().toISOString();
    const before = statement(db, 'SELECT count FROM productive_units WHERE agent_id = ? AND unit = ? AND from_day = ? AND to_day = ?').get(input.agentId, input.unit, input.from, input.to) as
      | { count: number }
      | undefined;
    statement(
      db,
      `INSERT INTO productive_units (agent_id, unit, from_day, to_day, count, entered_by, entered_at) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (agent_id, unit, from_day, to_day) DO UPDATE SET count = excluded.count, entered_by = excluded.entered_by, entered_at = excluded.entered_at`,
    ).run(input.agentId, input.unit, input.from, input.to, input.count, author.actor, at);
    const period = `${input.from} to ${input.to}`;
    appendAudit(db, author, [
      { entity: 'agent', entityId: input.agentId, field: 'productive units', before: before ? `${before.count.toLocaleString('en-US')} ${input.unit}, ${period}` : null, after: `${input.count.toLocaleString('en-US')} ${input.unit}, ${period}` },
    ], at);
    const row = statement(db, 'SELECT * FROM productive_units WHERE agent_id = ? AND unit = ? AND from_day = ? AND to_day = ?').get(input.agentId, input.unit, input.from, input.to) as UnitsRow;
    return unitsOf(db, row);
  });
}

export function deleteProductiveUnits(db: Db, id: number, author: ChangeAuthor): void {
  writeTransaction(db, () => {
    const row = statement(db, 'SELECT * FROM productive_units WHERE id = ?').get(id) as UnitsRow | undefined;
    if (!row) throw new BackendError('not-found', 'Those unit counts were already deleted; refresh the page.');
    statement(db, 'DELETE FROM productive_units WHERE id = ?').run(id);
    appendAudit(db, author, [{ entity: 'agent', entityId: row.agent_id, field: 'productive units', before: `${row.count} ${row.unit}, ${row.from_day} to ${row.to_day}`, after: null }]);
  });
}

type DailyRow = { day: number; cost: number; tokens: number };

/** What usage rows say of agents, read in grouped queries: per day, in total, keys and models. */
interface UsageFacts {
  daily: Map<string, DailyRow[]>;
  totals: Map<string, { totals: Totals; taggedTokens: number }>;
  keys: Map<string, string[]>;
  models: Map<string, string[]>;
}

/**
 * Every agent's usage facts, kept until usage changes (an import, an attribution input, a
 * decision, a key mapping, a price): the triage overview reads every agent's usage on every visit,
 * and grouping 200,000 calls by agent and day takes longer than everything else it does.
 */
const factsCache = new WeakMap<Db, { version: string; facts: UsageFacts }>();

function everyAgentsUsageFacts(db: Db): UsageFacts {
  const version = usageVersion(db);
  const cached = factsCache.get(db);
  if (cached?.version === version) return cached.facts;
  const facts = keptUsageFact(db, 'agent-usage-facts', version, () => usageFacts(db), {
    toJson: (f) => ({ daily: [...f.daily], totals: [...f.totals], keys: [...f.keys], models: [...f.models] }),
    fromJson: (json) => {
      const f = json as { [K in keyof UsageFacts]: Array<[string, UsageFacts[K] extends Map<string, infer V> ? V : never]> };
      return { daily: new Map(f.daily), totals: new Map(f.totals), keys: new Map(f.keys), models: new Map(f.models) };
    },
  });
  factsCache.set(db, { version, facts });
  return facts;
}

function usageFacts(db: Db, only?: string): UsageFacts {
  const where = only === undefined ? 'agent_id IS NOT NULL' : 'agent_id = ?';
  const args = only === undefined ? [] : [only];
  // Grouped in the index's own order (agent, attribution, day), then summed over attribution here:
  // grouping by agent and day directly makes SQLite sort every row first.
  const daily = new Map<string, DailyRow[]>();
  const parts = statement(db, `SELECT agent_id, day, TOTAL(cost_usd) AS cost, SUM(${TOKENS}) AS tokens FROM usage_rows INDEXED BY usage_rows_by_agent_day WHERE ${where} GROUP BY agent_id, attribution, day`).all(
    ...args,
  ) as Array<{ agent_id: string } & DailyRow>;
  for (const [agentId, rows] of grouped(parts)) {
    const byDay = new Map<number, DailyRow>();
    for (const r of rows) {
      const day = byDay.get(r.day);
      if (day) {
        day.cost += r.cost;
        day.tokens += r.tokens;
      } else byDay.set(r.day, { day: r.day, cost: r.cost, tokens: r.tokens });
    }
    daily.set(agentId, [...byDay.values()].sort((a, b) => a.day - b.day));
  }
  const names = grouped(
    statement(db, `SELECT agent_id, CASE WHEN key_id IS NOT NULL THEN provider || ':' || key_id END AS k, model FROM usage_rows WHERE ${where} GROUP BY agent_id, provider, key_id, model`).all(...args) as Array<{
      agent_id: string;
      k: string | null;
      model: string | null;
    }>,
  );
  const distinct = (values: Array<string | null>) => [...new Set(values.filter((v): v is string => v !== null))].sort();
  return {
    daily,
    totals: totalsByAgent(db, only),
    keys: new Map([...names].map(([id, rows]) => [id, distinct(rows.map((r) => r.k))])),
    models: new Map([...names].map(([id, rows]) => [id, distinct(rows.map((r) => r.model))])),
  };
}

/** Rows of (agent, value) grouped into a map of lists, in the order read. */
function grouped<T>(rows: Array<{ agent_id: string } & T>): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const list = out.get(row.agent_id);
    if (list) list.push(row);
    else out.set(row.agent_id, [row]);
  }
  return out;
}

/** One agent's usage for its page and dossier: totals, every day of the period, trend, keys, models, budget, units. */
export function agentUsage(db: Db, agentId: string): AgentUsage {
  const usage = agentUsages(db, agentId).get(agentId);
  if (!usage) throw new BackendError('not-found', `No agent with id ${agentId}.`);
  return usage;
}

/**
 * Every registry agent's usage (or, with `only`, one agent's), each fact read for all agents in one
 * grouped query: one agent's page and the 2,000-agent triage overview run the same code.
 */
export function agentUsages(db: Db, only?: string): Map<string, AgentUsage> {
  const budgetRows = (only === undefined ? statement(db, BUDGET_ROWS).all() : statement(db, `${BUDGET_ROWS} WHERE a.id = ?`).all(only)) as BudgetRow[];
  const period = usagePeriod(db);
  const { daily, totals, keys, models } = only === undefined ? everyAgentsUsageFacts(db) : usageFacts(db, only);
  const units = grouped(
    (only === undefined ? statement(db, 'SELECT * FROM productive_units ORDER BY agent_id, from_day, unit').all() : statement(db, 'SELECT * FROM productive_units WHERE agent_id = ? ORDER BY from_day, unit').all(only)) as UnitsRow[],
  );
  const sharedKeys = usageKeys(db).filter((k) => k.sharedWithApplication);
  const days = period ? Array.from({ length: period.last - period.first + 1 }, (_, i) => period.first + i) : [];
  const out = new Map<string, AgentUsage>();
  for (const row of budgetRows) {
    const id = row.agent_id;
    const agentDaily = daily.get(id) ?? [];
    const byDay = new Map(agentDaily.map((d) => [d.day, d]));
    const sumCost = (from: number, to: number) => days.filter((d) => d > from && d <= to).reduce((n, d) => n + (byDay.get(d)?.cost ?? 0), 0);
    let trend: number | null = null;
    if (period && byDay.size > 0) {
      const recent = sumCost(period.last - 7, period.last);
      const before = sumCost(period.last - 14, period.last - 7);
      trend = before > 0 ? (recent - before) / before : null;
    }
    const agentTotals = totals.get(id);
    const tokens = agentTotals?.totals.totalTokens ?? 0;
    out.set(id, {
      agentId: id,
      activity: activityFrom(agentDaily.at(-1)?.day, period),
      totals: agentTotals?.totals ?? emptyTotals(),
      daily: days.map((d) => ({ day: dayText(d), costUsd: byDay.get(d)?.cost ?? 0, tokens: byDay.get(d)?.tokens ?? 0 })),
      trend,
      keys: [...(keys.get(id) ?? [])],
      taggedShare: tokens > 0 ? agentTotals!.taggedTokens / tokens : null,
      keysSharedWithApplication: sharedKeys.filter((k) => k.agents.some((a) => a.id === id)).map((k) => `${k.provider}:${k.keyId}`),
      models: [...(models.get(id) ?? [])],
      budget: budgetFrom(row, agentDaily, agentDaily, period?.last ?? null),
      units: (units.get(id) ?? []).map((r) => unitsOf(db, r)),
    });
  }
  return out;
}

/**
 * Run by the import job after it committed: computes and keeps the usage facts every agent's
 * dossier reads, so the first triage overview in the app or the CLI reads them instead of grouping
 * every call again. Nothing to do, and nothing kept, while no usage is imported.
 */
export function keepUsageFactsCurrent(db: Db, progress: (done: number, total: number, message: string) => void): void {
  if (!statement(db, 'SELECT 1 FROM usage_rows LIMIT 1').get()) return;
  progress(0, 1, 'Summarising LLM usage per agent');
  ensureAttribution(db);
  agentUsages(db);
  progress(1, 1, 'Summarising LLM usage per agent');
}
