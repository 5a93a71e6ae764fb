import type { CostRow, UsageRow } from '../../shared/usage';
import { statement } from '../store/statements';
import type { Db } from '../store/workspace-file';
import type { Attribute } from './attribution';
import { estimateCost, priceLookup, pricesInForce } from './model-prices';
import { attributionOf } from './attribution';
import { costRowIdentity, usageRowIdentity } from './row-identity';
import { IdentitySet } from './identity-set';

const DAY_MS = 86_400_000;

export interface UsageWriteCounts {
  /** Rows this import holds after writing (duplicates inside the file counted once). */
  usageRows: number;
  costRows: number;
  /** Rows given twice in the file (the same bucket, or the same call id). */
  duplicates: number;
  /** Rows other imports held that this one took over (the same calls or buckets) or superseded (overlapping buckets). */
  takenOver: number;
  superseded: number;
}

interface Interval {
  provider: string;
  start: number;
  end: number;
}

/** Joins overlapping or touching periods per provider, so superseding is one delete per stretch. */
function mergeIntervals(intervals: Iterable<Interval>): Interval[] {
  const sorted = [...intervals].sort((a, b) => a.provider.localeCompare(b.provider) || a.start - b.start);
  const merged: Interval[] = [];
  for (const next of sorted) {
    const last = merged[merged.length - 1];
    if (last && last.provider === next.provider && next.start <= last.end) last.end = Math.max(last.end, next.end);
    else merged.push({ ...next });
  }
  return merged;
}

/** Negative: KiB. The agent/day index takes rows at a few dozen places at a time; the table is appended to. */
const IMPORT_CACHE_KIB = -65_536;

/** Rows repeat the same few key and tag combinations: decide each combination once. */
function memoised(attribute: Attribute): Attribute {
  const seen = new Map<string, ReturnType<Attribute>>();
  return (row) => {
    const key = `${row.provider}\u0000${row.keyId ?? ''}\u0000${row.agentTag ?? ''}\u0000${row.serviceTag ?? ''}`;
    let who = seen.get(key);
    if (!who) {
      who = attribute(row);
      if (seen.size < 100_000) seen.set(key, who);
    }
    return who;
  };
}

const INSERT_USAGE = `INSERT INTO usage_rows (import_id, dedupe, provider, layer, day, start_ms, end_ms, key_id, project_id, model, requests,
    input_tokens, cached_input_tokens, cache_write_tokens, cache_write_1h_tokens, output_tokens, reported_cost, agent_tag, feature_tag, user_tag, session_tag,
    service_tag, grouping, agent_id, attribution, cost_usd, cost_basis)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

const INSERT_COST = `INSERT INTO usage_costs (import_id, dedupe, provider, day, start_ms, end_ms, amount, currency, project_id, model, line_item)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT (dedupe) DO UPDATE SET import_id = excluded.import_id`;

/**
 * Writes one usage import's rows as the parser hands them over, inside the import's transaction:
 * each row attributed and costed on the way in (no second pass over a million rows), a row the
 * file repeats written once, and, at the end, where this import's period overlaps earlier ones:
 * their copies of its rows deleted (the newer import holds them) and the buckets of older provider
 * exports over the same days superseded, so nothing counts twice.
 */
export class UsageWriter {
  private readonly attribute: Attribute;
  private readonly priceOf: ReturnType<typeof priceLookup>;
  private readonly insertUsage;
  private readonly insertCost;
  private readonly seen = new IdentitySet();
  private readonly seenCosts = new Set<number>();
  private readonly buckets = new Map<string, Interval>();
  /** Per provider, the key and project ids of this import's buckets: which organisation it describes. */
  private readonly bucketIds = new Map<string, Set<string>>();
  private readonly costPeriods = new Map<string, Interval>();
  private readonly costProjects = new Map<string, Set<string>>();
  private readonly costsBefore: number;
  /** Per layer and provider: the first and last start this import holds. */
  private readonly spans = new Map<string, { layer: string; provider: string; first: number; last: number }>();
  private emitted = 0;
  private emittedCosts = 0;

  private readonly cacheSizeBefore: number;

  constructor(
    private readonly db: Db,
    private readonly importId: number,
  ) {
    // With SQLite's default 2 MB page cache, a million inserts into the agent/day index kept
    // re-reading its pages.
    this.cacheSizeBefore = db.pragma('cache_size', { simple: true }) as number;
    db.pragma(`cache_size = ${IMPORT_CACHE_KIB}`);
    this.attribute = memoised(attributionOf(db));
    this.priceOf = priceLookup(pricesInForce(db));
    this.insertUsage = statement(db, INSERT_USAGE);
    this.insertCost = statement(db, INSERT_COST);
    this.costsBefore = (statement(db, 'SELECT COUNT(*) AS n FROM usage_costs').get() as { n: number }).n;
  }

  row(r: UsageRow): void {
    const dedupe = usageRowIdentity(r);
    this.emitted++;
    if (!this.seen.add(dedupe)) return;
    const spanKey = `${r.layer}\u0000${r.provider}`;
    const span = this.spans.get(spanKey);
    if (!span) this.spans.set(spanKey, { layer: r.layer, provider: r.provider, first: r.startMs, last: r.startMs });
    else if (r.startMs < span.first) span.first = r.startMs;
    else if (r.startMs > span.last) span.last = r.startMs;
    if (r.layer === 'provider') {
      const key = `${r.provider}\u0000${r.startMs}\u0000${r.endMs}`;
      if (!this.buckets.has(key)) this.buckets.set(key, { provider: r.provider, start: r.startMs, end: r.endMs });
      let ids = this.bucketIds.get(r.provider);
      if (!ids) this.bucketIds.set(r.provider, (ids = new Set()));
      if (r.keyId !== null) ids.add(`k:${r.keyId}`);
      if (r.projectId !== null) ids.add(`p:${r.projectId}`);
    }
    const who = this.attribute(r);
    const estimate = r.reportedCostUsd === null ? estimateCost(this.priceOf(r.model), r) : null;
    const cost = r.reportedCostUsd ?? estimate;
    const basis = r.reportedCostUsd !== null ? 'reported' : estimate !== null ? 'price-table' : 'unknown';
    this.insertUsage.run(
      this.importId, dedupe, r.provider, r.layer, Math.floor(r.startMs / DAY_MS), r.startMs, r.endMs, r.keyId, r.projectId, r.model, r.requests,
      r.inputTokens, r.cachedInputTokens, r.cacheWriteTokens, r.cacheWrite1hTokens, r.outputTokens, r.reportedCostUsd, r.agentTag, r.featureTag, r.userTag, r.sessionTag,
      r.serviceTag, r.grouping, who.agentId, who.attribution, cost, basis,
    );
  }

  cost(c: CostRow): void {
    const dedupe = costRowIdentity(c);
    this.emittedCosts++;
    this.seenCosts.add(dedupe);
    const key = `${c.provider}\u0000${c.startMs}\u0000${c.endMs}`;
    if (!this.costPeriods.has(key)) this.costPeriods.set(key, { provider: c.provider, start: c.startMs, end: c.endMs });
    let projects = this.costProjects.get(c.provider);
    if (!projects) this.costProjects.set(c.provider, (projects = new Set()));
    if (c.projectId !== null) projects.add(c.projectId);
    this.insertCost.run(this.importId, dedupe, c.provider, Math.floor(c.startMs / DAY_MS), c.startMs, c.endMs, c.amount, c.currency.toLowerCase(), c.projectId, c.model, c.lineItem);
  }

  /** Gives the connection its page cache back; also after a refused or cancelled import. */
  release(): void {
    this.db.pragma(`cache_size = ${this.cacheSizeBefore}`);
  }

  finish(): UsageWriteCounts {
    const takenOver = this.takeOverEarlierCopies();
    const bucketsSuperseded = this.supersedeOverlappingBuckets();
    const costsSuperseded = this.supersedeOverlappingBills();
    // Cost lines are few: their unique index settles repeats, and what it moved here was taken over.
    const costsTaken = this.costsBefore - costsSuperseded - (statement(this.db, 'SELECT COUNT(*) AS n FROM usage_costs WHERE import_id != ?').get(this.importId) as { n: number }).n;
    const recordSpan = statement(this.db, 'INSERT INTO usage_import_spans (import_id, layer, provider, first_ms, last_ms) VALUES (?, ?, ?, ?, ?)');
    for (const span of this.spans.values()) recordSpan.run(this.importId, span.layer, span.provider, span.first, span.last);
    return {
      usageRows: this.seen.size,
      costRows: this.seenCosts.size,
      duplicates: this.emitted - this.seen.size + (this.emittedCosts - this.seenCosts.size),
      takenOver: takenOver + costsTaken,
      superseded: bucketsSuperseded + costsSuperseded,
    };
  }

  /**
   * The buckets of earlier exports of the same organisation over this import's days, deleted: a
   * re-export (more complete days, another grouping) replaces them instead of adding to them.
   * Exports name no organisation, so two describe the same one when their buckets share a key or
   * project id, or when either names none (ungrouped totals); another organisation's export of the
   * same days (disjoint ids) is kept beside this one.
   */
  private supersedeOverlappingBuckets(): number {
    const spans = mergeIntervals(this.buckets.values());
    if (spans.length === 0) return 0;
    const overlapping = statement(this.db, `SELECT DISTINCT import_id FROM usage_rows WHERE layer = 'provider' AND provider = ? AND start_ms < ? AND end_ms > ? AND import_id != ?`);
    const idsOf = statement(this.db, `SELECT DISTINCT key_id, project_id FROM usage_rows WHERE import_id = ? AND layer = 'provider' AND provider = ?`);
    const remove = statement(this.db, `DELETE FROM usage_rows WHERE layer = 'provider' AND provider = ? AND start_ms < ? AND end_ms > ? AND import_id = ?`);
    const sameOrganisation = new Map<string, boolean>();
    let superseded = 0;
    for (const span of spans) {
      const mine = this.bucketIds.get(span.provider) ?? new Set<string>();
      for (const { import_id: other } of overlapping.all(span.provider, span.end, span.start, this.importId) as Array<{ import_id: number }>) {
        const key = `${span.provider}\u0000${other}`;
        let same = sameOrganisation.get(key);
        if (same === undefined) {
          const theirs = (idsOf.all(other, span.provider) as Array<{ key_id: string | null; project_id: string | null }>).flatMap((r) => [r.key_id === null ? [] : [`k:${r.key_id}`], r.project_id === null ? [] : [`p:${r.project_id}`]].flat());
          same = mine.size === 0 || theirs.length === 0 || theirs.some((id) => mine.has(id));
          sameOrganisation.set(key, same);
        }
        if (same) superseded += remove.run(span.provider, span.end, span.start, other).changes;
      }
    }
    return superseded;
  }

  /** The same for bills: an earlier bill of the same organisation (a shared project, or none named) over these days goes. */
  private supersedeOverlappingBills(): number {
    const overlapping = statement(this.db, 'SELECT DISTINCT import_id FROM usage_costs WHERE provider = ? AND start_ms < ? AND end_ms > ? AND import_id != ?');
    const projectsOf = statement(this.db, 'SELECT DISTINCT project_id FROM usage_costs WHERE import_id = ? AND provider = ? AND project_id IS NOT NULL');
    const remove = statement(this.db, 'DELETE FROM usage_costs WHERE provider = ? AND start_ms < ? AND end_ms > ? AND import_id = ?');
    let superseded = 0;
    for (const span of mergeIntervals(this.costPeriods.values())) {
      const mine = this.costProjects.get(span.provider) ?? new Set<string>();
      for (const { import_id: other } of overlapping.all(span.provider, span.end, span.start, this.importId) as Array<{ import_id: number }>) {
        const theirs = (projectsOf.all(other, span.provider) as Array<{ project_id: string }>).map((r) => r.project_id);
        if (mine.size === 0 || theirs.length === 0 || theirs.some((p) => mine.has(p))) superseded += remove.run(span.provider, span.end, span.start, other).changes;
      }
    }
    return superseded;
  }

  /**
   * Earlier imports' copies of this import's rows, deleted: only where an earlier import's period
   * overlaps this one's (a new workspace, or a new month, costs nothing), in one pass over the
   * rows of that period against this import's identities.
   */
  private takeOverEarlierCopies(): number {
    const overlapping = statement(this.db, 'SELECT 1 FROM usage_import_spans WHERE import_id != ? AND layer = ? AND provider = ? AND first_ms <= ? AND last_ms >= ? LIMIT 1');
    const spans = [...this.spans.values()].filter((s) => overlapping.get(this.importId, s.layer, s.provider, s.last, s.first));
    if (spans.length === 0) return 0;
    this.db.exec('CREATE TEMP TABLE IF NOT EXISTS usage_new_identities (dedupe INTEGER PRIMARY KEY) WITHOUT ROWID');
    this.db.exec('DELETE FROM temp.usage_new_identities');
    const add = this.db.prepare('INSERT INTO temp.usage_new_identities (dedupe) VALUES (?)');
    for (const dedupe of this.seen.values()) add.run(dedupe);
    let taken = 0;
    const remove = this.db.prepare(
      `DELETE FROM usage_rows WHERE import_id != ? AND layer = ? AND provider = ? AND start_ms >= ? AND start_ms <= ? AND dedupe IN (SELECT dedupe FROM temp.usage_new_identities)`,
    );
    for (const span of spans) taken += remove.run(this.importId, span.layer, span.provider, span.first, span.last).changes;
    this.db.exec('DELETE FROM temp.usage_new_identities');
    return taken;
  }
}
