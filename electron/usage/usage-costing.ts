import { statement } from '../store/statements';
import type { Db } from '../store/workspace-file';
import { priceKeyOf, priceLookup, pricesInForce, type Price } from './model-prices';

const DAY_MS = 86_400_000;

function estimateSql(price: Price): { sql: string; args: number[] } {
  return {
    sql: '(input_tokens * ? + cached_input_tokens * ? + (cache_write_tokens - cache_write_1h_tokens) * ? + cache_write_1h_tokens * ? + output_tokens * ?) / 1000000.0',
    args: [price.inputPerMTok, price.cachedInputPerMTok, price.cacheWritePerMTok, price.cacheWrite1hPerMTok, price.outputPerMTok],
  };
}

/**
 * Spreads each provider bill over the usage it paid for: per provider, day and model, the rows'
 * estimates are scaled so they add up to what the provider billed (by tokens when the model has
 * no price). The bill is the truth where it exists; attribution to agents is kept. Bills in
 * other currencies than USD, or without a model, are shown beside the totals instead.
 */
export function applyBills(db: Db): void {
  const bills = statement(db, `SELECT provider, day, model, SUM(amount) AS amount FROM usage_costs WHERE currency = 'usd' AND model IS NOT NULL GROUP BY provider, day, model`).all() as Array<{
    provider: string;
    day: number;
    model: string;
    amount: number;
  }>;
  if (bills.length === 0) return;
  const priceOf = priceLookup(pricesInForce(db));
  const billed = new Map<string, { provider: string; day: number; family: string; amount: number }>();
  for (const bill of bills) {
    const family = priceKeyOf(bill.model);
    const key = `${bill.provider}\u0000${bill.day}\u0000${family}`;
    const entry = billed.get(key) ?? { provider: bill.provider, day: bill.day, family, amount: 0 };
    entry.amount += bill.amount;
    billed.set(key, entry);
  }
  const modelsOfDay = statement(
    db,
    `SELECT model, SUM(input_tokens + cached_input_tokens + cache_write_tokens + output_tokens) AS tokens FROM usage_rows
     WHERE layer = 'provider' AND provider = ? AND start_ms >= ? AND start_ms < ? AND model IS NOT NULL GROUP BY model`,
  );
  for (const bill of billed.values()) {
    const start = bill.day * DAY_MS;
    const models = (modelsOfDay.all(bill.provider, start, start + DAY_MS) as Array<{ model: string; tokens: number }>).filter((m) => priceKeyOf(m.model) === bill.family);
    if (models.length === 0) continue;
    const price = priceOf(models[0]!.model);
    // The estimate at list price, or plain tokens when unpriced, is only the key to share the bill by.
    const weight = price ? estimateSql(price) : { sql: '(input_tokens + cached_input_tokens + cache_write_tokens + output_tokens)', args: [] };
    const placeholders = models.map(() => '?').join(', ');
    const names = models.map((m) => m.model);
    const { total } = db
      .prepare(`SELECT SUM(${weight.sql}) AS total FROM usage_rows WHERE layer = 'provider' AND provider = ? AND start_ms >= ? AND start_ms < ? AND model IN (${placeholders})`)
      .get(...weight.args, bill.provider, start, start + DAY_MS, ...names) as { total: number | null };
    if (!total) continue;
    db.prepare(
      `UPDATE usage_rows SET cost_usd = ? * (${weight.sql}) / ?, cost_basis = 'billed'
       WHERE layer = 'provider' AND provider = ? AND start_ms >= ? AND start_ms < ? AND model IN (${placeholders})`,
    ).run(bill.amount, ...weight.args, total, bill.provider, start, start + DAY_MS, ...names);
  }
}

/**
 * Costs every row again from the prices in force, then the bills: after a person changes a price.
 * Only rows whose cost changes are written.
 */
export function recostAll(db: Db): void {
  const priceOf = priceLookup(pricesInForce(db));
  const models = (statement(db, 'SELECT DISTINCT model FROM usage_rows WHERE reported_cost IS NULL AND model IS NOT NULL').all() as Array<{ model: string }>).map((r) => r.model);
  for (const model of models) {
    const price = priceOf(model);
    if (price) {
      const estimate = estimateSql(price);
      db.prepare(`UPDATE usage_rows SET cost_usd = ${estimate.sql}, cost_basis = 'price-table' WHERE model = ? AND reported_cost IS NULL AND (cost_basis != 'price-table' OR cost_usd IS NOT ${estimate.sql})`).run(
        ...estimate.args,
        model,
        ...estimate.args,
      );
    } else {
      statement(db, `UPDATE usage_rows SET cost_usd = NULL, cost_basis = 'unknown' WHERE model = ? AND reported_cost IS NULL AND cost_basis != 'unknown'`).run(model);
    }
  }
  statement(db, `UPDATE usage_rows SET cost_usd = NULL, cost_basis = 'unknown' WHERE model IS NULL AND reported_cost IS NULL AND cost_basis != 'unknown'`).run();
  applyBills(db);
}
