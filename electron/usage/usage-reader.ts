import type { ImportIssue } from '../../shared/contract';
import { BackendError } from '../../shared/errors';
import type { CostRow, UsageFormat, UsageRow } from '../../shared/usage';
import type { ImportReader, ParsedImport, ReadContext } from '../imports/import-reader';
import type { ImportSource } from '../imports/import-source';
import { statement } from '../store/statements';
import type { Db } from '../store/workspace-file';
import { USAGE_FORMAT_SPECS } from './formats';
import { UsageInputError, type UsageSink } from './formats/usage-format';
import { priceLookup, pricesInForce } from './model-prices';
import { applyBills } from './usage-costing';
import { UsageWriter } from './usage-writer';
import { PARSE_IN_WORKER_BYTES, parseInWorker } from './parse-in-worker';
import { usageDetector } from './usage-detector';

const DAY_MS = 86_400_000;
const MAX_WARNINGS = 200;

/** What a preview learns from a full pass: counts a person checks against the provider's console. */
class UsageSummary {
  usageRows = 0;
  costRows = 0;
  requests = 0;
  tokens = 0;
  readonly keys = new Set<string>();
  readonly models = new Set<string>();
  readonly days = new Set<number>();
  readonly providerPeriods = new Map<string, { provider: string; start: number; end: number }>();

  row(r: UsageRow): void {
    this.usageRows++;
    this.requests += r.requests;
    this.tokens += r.inputTokens + r.cachedInputTokens + r.cacheWriteTokens + r.outputTokens;
    if (r.keyId) this.keys.add(`${r.provider}:${r.keyId}`);
    if (r.model) this.models.add(r.model);
    this.days.add(Math.floor(r.startMs / DAY_MS));
    if (r.layer === 'provider') this.providerPeriods.set(`${r.provider}:${r.startMs}:${r.endMs}`, { provider: r.provider, start: r.startMs, end: r.endMs });
  }

  cost(c: CostRow): void {
    this.costRows++;
    this.days.add(Math.floor(c.startMs / DAY_MS));
  }

  counts(): Record<string, number> {
    const counts: Record<string, number> = { 'usage rows': this.usageRows, tokens: this.tokens, keys: this.keys.size, models: this.models.size, days: this.days.size };
    // Anthropic's usage report counts no requests: a 0 would read as "no calls".
    if (this.requests > 0) counts.requests = this.requests;
    if (this.costRows > 0) counts['cost lines'] = this.costRows;
    return counts;
  }
}

function warningsSink(warnings: ImportIssue[]): UsageSink['warn'] {
  return (position, message) => {
    if (warnings.length < MAX_WARNINGS) warnings.push({ position, message });
  };
}

/** Feeds the file to its format's parser, chunk by chunk, with progress and cancel; a problem refuses the file. */
function parseStream(source: ImportSource, format: UsageFormat, sink: UsageSink, ctx: ReadContext, verb: string): void {
  try {
    if (source.streamed && source.size >= PARSE_IN_WORKER_BYTES) {
      parseInWorker(source.onDiskPath!, source.size, format, sink, ctx, `${verb} ${source.fileName}`);
      return;
    }
    const parser = USAGE_FORMAT_SPECS.find((s) => s.format === format)!.createParser(sink);
    let done = 0;
    for (const chunk of source.chunks()) {
      ctx.throwIfCancelled();
      parser.write(chunk);
      done += chunk.length;
      ctx.progress(done, source.size, `${verb} ${source.fileName}: ${(done / 1_048_576).toFixed(0)} of ${(source.size / 1_048_576).toFixed(0)} MB`);
    }
    parser.end();
  } catch (err) {
    if (err instanceof UsageInputError) {
      throw new BackendError('import-invalid', `${source.fileName}${err.position ? ` at ${err.position}` : ''}: ${err.message} Nothing was imported.`, [{ position: err.position, message: err.message }]);
    }
    throw err;
  }
}

function modelsWithoutPrice(db: Db, models: Iterable<string>): string[] {
  const priceOf = priceLookup(pricesInForce(db));
  return [...models].filter((m) => priceOf(m) === null).sort();
}

function priceWarning(models: string[]): ImportIssue[] {
  if (models.length === 0) return [];
  const named = models.slice(0, 8).map((m) => m.slice(0, 80)).join(', ');
  return [{ position: '', message: `No price is known for ${models.length === 1 ? 'the model' : `${models.length} models`} ${named}${models.length > 8 ? ', …' : ''}: their cost shows as "price unknown" until a price is added (Usage, Prices).` }];
}

/**
 * LLM usage: provider usage and cost exports, gateway spend logs and GenAI traces. Files are
 * streamed, never loaded whole. A preview reads the whole file to count and check it; an import
 * straight away (the CLI) checks while it writes, in the one transaction, so a bad row at line
 * 900,000 still leaves nothing written.
 */
export const usageReader: ImportReader<UsageSummary | null> = {
  ...usageDetector,
  read(source, format, ctx): ParsedImport<UsageSummary | null> {
    const usageFormat = format as UsageFormat;
    if (ctx.purpose === 'apply') return { format, provider: null, scope: '', counts: {}, warnings: [], data: null };
    const summary = new UsageSummary();
    const warnings: ImportIssue[] = [];
    parseStream(source, usageFormat, { row: (r) => summary.row(r), cost: (c) => summary.cost(c), warn: warningsSink(warnings) }, ctx, 'Checking');
    return { format, provider: null, scope: '', counts: summary.counts(), warnings, data: summary };
  },
  // The same file imported again replaces its rows; other files' overlaps are settled row by row.
  sourceKey: (_parsed, source) => `usage:${source.sha256}`,
  plan(db, parsed) {
    const summary = parsed.data;
    if (!summary) return { errors: [], warnings: [], counts: {}, registry: null };
    const warnings = priceWarning(modelsWithoutPrice(db, summary.models));
    let overlapping = 0;
    const overlap = statement(db, `SELECT COUNT(*) AS n FROM usage_rows WHERE layer = 'provider' AND provider = ? AND start_ms < ? AND end_ms > ?`);
    for (const p of summary.providerPeriods.values()) overlapping += (overlap.get(p.provider, p.end, p.start) as { n: number }).n;
    if (overlapping > 0) warnings.push({ position: '', message: `${overlapping.toLocaleString('en-US')} usage rows already imported cover the same days; those of the same organisation (a shared key or project) are replaced by this newer export, so those days are counted once.` });
    return { errors: [], warnings, counts: {}, registry: null };
  },
  apply(db, parsed, importId, source, ctx) {
    const writer = new UsageWriter(db, importId);
    // After a preview its warnings are already in parsed.warnings: the second pass meets them again.
    const warn = warningsSink(parsed.data ? [] : parsed.warnings);
    let counts;
    try {
      parseStream(source, parsed.format as UsageFormat, { row: (r) => writer.row(r), cost: (c) => writer.cost(c), warn }, ctx, 'Importing');
      counts = writer.finish();
    } finally {
      writer.release();
    }
    applyBills(db);
    if (!parsed.data) {
      const models = (statement(db, `SELECT DISTINCT model FROM usage_rows WHERE import_id = ? AND cost_basis = 'unknown' AND model IS NOT NULL`).all(importId) as Array<{ model: string }>).map((r) => r.model);
      parsed.warnings.push(...priceWarning(models));
    }
    if (counts.duplicates > 0) parsed.warnings.push({ position: '', message: `${counts.duplicates.toLocaleString('en-US')} rows appear twice in the file; each is counted once.` });
    if (counts.takenOver > 0) parsed.warnings.push({ position: '', message: `${counts.takenOver.toLocaleString('en-US')} rows were already imported from another file; each is counted once (this import now holds them).` });
    if (counts.superseded > 0) parsed.warnings.push({ position: '', message: `${counts.superseded.toLocaleString('en-US')} rows of earlier exports covering the same days were replaced by this newer export.` });
    return { 'usage rows': counts.usageRows, 'cost lines': counts.costRows, duplicates: counts.duplicates, 'taken over': counts.takenOver, superseded: counts.superseded };
  },
};
