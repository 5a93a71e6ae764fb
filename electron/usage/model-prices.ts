import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ModelPrice } from '../../shared/contracts/usage';
import type { ChangeAuthor } from '../store/audit-log';
import { appendAudit } from '../store/audit-log';
import { statement } from '../store/statements';
import type { Db } from '../store/workspace-file';
import { resourcesDir } from '../resources-dir';

export type Price = Omit<ModelPrice, 'usedBy'>;

interface BundledPrice {
  model: string;
  input: number;
  cachedInput: number;
  cacheWrite: number;
  cacheWrite1h?: number;
  output: number;
  takenOn: string;
  source: string;
}

let bundled: Price[] | null = null;

/** The dated price table that ships with the app (resources/usage/model-prices.json). */
export function bundledPrices(): Price[] {
  if (!bundled) {
    const file = JSON.parse(readFileSync(join(resourcesDir(), 'usage', 'model-prices.json'), 'utf8')) as { prices: BundledPrice[] };
    bundled = file.prices.map((p) => ({
      model: p.model,
      inputPerMTok: p.input,
      cachedInputPerMTok: p.cachedInput,
      cacheWritePerMTok: p.cacheWrite,
      cacheWrite1hPerMTok: p.cacheWrite1h ?? p.cacheWrite,
      outputPerMTok: p.output,
      takenOn: p.takenOn,
      source: p.source,
      origin: 'bundled' as const,
    }));
  }
  return bundled;
}

/**
 * The name a price is kept under: providers and gateways spell one model many ways
 * ("openai/gpt-4o-2024-08-06", "anthropic.claude-3-5-sonnet-20240620-v1:0", "claude-sonnet-4-20250514").
 * Routing prefixes, dated snapshots, version suffixes and "-latest" go; the family stays.
 */
export function priceKeyOf(model: string): string {
  let m = model.trim().toLowerCase();
  m = m.replace(/^(?:[a-z0-9_-]+\/)+/, ''); // litellm "openai/…", "bedrock/…", "azure/…"
  m = m.replace(/^(?:us\.|eu\.|apac\.)?(?:anthropic|openai|meta|amazon|cohere|mistral)\./, ''); // Bedrock model ids
  m = m.replace(/-v\d+(?::\d+)?$/, '');
  m = m.replace(/@\d{8}$/, ''); // Vertex "claude-3-5-sonnet@20240620"
  m = m.replace(/-(?:\d{4}-\d{2}-\d{2}|\d{8})$/, '');
  m = m.replace(/-latest$/, '');
  return m;
}

interface PriceRow {
  model: string;
  input_per_mtok: number;
  cached_input_per_mtok: number;
  cache_write_per_mtok: number;
  cache_write_1h_per_mtok: number;
  output_per_mtok: number;
  taken_on: string;
  source: string;
}

function personPrices(db: Db): Price[] {
  return (statement(db, 'SELECT * FROM model_prices ORDER BY model').all() as PriceRow[]).map((r) => ({ ...rowPrice(r), origin: 'person' as const }));
}

/** Every price in force: a person's price replaces the bundled one of the same model. */
export function pricesInForce(db: Db): Price[] {
  const byKey = new Map<string, Price>();
  for (const price of bundledPrices()) byKey.set(priceKeyOf(price.model), price);
  for (const price of personPrices(db)) byKey.set(priceKeyOf(price.model), price);
  return [...byKey.values()].sort((a, b) => a.model.localeCompare(b.model));
}

/**
 * Finds the price of a model as usage names it: its exact key, else the longest priced family it
 * belongs to ("gpt-4o-mini-audio" -> "gpt-4o-mini", never "gpt-4o" when "gpt-4o-mini" exists).
 */
export function priceLookup(prices: Price[]): (model: string | null) => Price | null {
  const byKey = new Map(prices.map((p) => [priceKeyOf(p.model), p]));
  const keys = [...byKey.keys()].sort((a, b) => b.length - a.length);
  const cache = new Map<string, Price | null>();
  return (model) => {
    if (model === null || model === '') return null;
    let found = cache.get(model);
    if (found === undefined) {
      const key = priceKeyOf(model);
      found = byKey.get(key) ?? null;
      if (!found) {
        const family = keys.find((k) => key.startsWith(`${k}-`));
        found = family ? byKey.get(family)! : null;
      }
      cache.set(model, found);
    }
    return found;
  };
}

export function setPersonPrice(db: Db, price: Omit<Price, 'origin'>, author: ChangeAuthor): void {
  const before = pricesInForce(db).find((p) => priceKeyOf(p.model) === priceKeyOf(price.model)) ?? null;
  const at = new Date().toISOString();
  statement(db, 'DELETE FROM model_prices WHERE model = ?').run(price.model);
  statement(
    db,
    `INSERT INTO model_prices (model, input_per_mtok, cached_input_per_mtok, cache_write_per_mtok, cache_write_1h_per_mtok, output_per_mtok, taken_on, source, set_by, set_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(price.model, price.inputPerMTok, price.cachedInputPerMTok, price.cacheWritePerMTok, price.cacheWrite1hPerMTok, price.outputPerMTok, price.takenOn, price.source, author.actor, at);
  appendAudit(db, author, [{ entity: 'model-price', entityId: price.model, field: 'price', before: before ? describePrice(before) : null, after: describePrice(price) }], at);
}

export function resetPersonPrice(db: Db, model: string, author: ChangeAuthor): boolean {
  const row = statement(db, 'SELECT * FROM model_prices WHERE model = ?').get(model) as PriceRow | undefined;
  if (!row) return false;
  statement(db, 'DELETE FROM model_prices WHERE model = ?').run(model);
  const fallback = bundledPrices().find((p) => priceKeyOf(p.model) === priceKeyOf(model));
  appendAudit(db, author, [
    { entity: 'model-price', entityId: model, field: 'price', before: describePrice(rowPrice(row)), after: fallback ? `bundled: ${describePrice(fallback)}` : 'no price' },
  ]);
  return true;
}

function rowPrice(r: PriceRow): Omit<Price, 'origin'> {
  return {
    model: r.model,
    inputPerMTok: r.input_per_mtok,
    cachedInputPerMTok: r.cached_input_per_mtok,
    cacheWritePerMTok: r.cache_write_per_mtok,
    cacheWrite1hPerMTok: r.cache_write_1h_per_mtok,
    outputPerMTok: r.output_per_mtok,
    takenOn: r.taken_on,
    source: r.source,
  };
}

function describePrice(p: Omit<Price, 'origin'>): string {
  return `input $${p.inputPerMTok}, cached $${p.cachedInputPerMTok}, cache write $${p.cacheWritePerMTok} (1 h: $${p.cacheWrite1hPerMTok}), output $${p.outputPerMTok} per 1M tokens (taken ${p.takenOn})`;
}

/** USD for the tokens at the price; null when the model has no price (unknown, never zero). */
export function estimateCost(
  price: Price | null,
  t: { inputTokens: number; cachedInputTokens: number; cacheWriteTokens: number; cacheWrite1hTokens: number; outputTokens: number },
): number | null {
  if (!price) return null;
  const fiveMinuteWrites = t.cacheWriteTokens - t.cacheWrite1hTokens;
  return (
    (t.inputTokens * price.inputPerMTok +
      t.cachedInputTokens * price.cachedInputPerMTok +
      fiveMinuteWrites * price.cacheWritePerMTok +
      t.cacheWrite1hTokens * price.cacheWrite1hPerMTok +
      t.outputTokens * price.outputPerMTok) /
    1_000_000
  );
}
