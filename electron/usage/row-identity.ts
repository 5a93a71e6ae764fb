import type { CostRow, UsageRow } from '../../shared/usage';

/**
 * A 53-bit hash of a text (two 32-bit multiply-xor lanes joined), exact as a SQLite INTEGER and a
 * JS number. The identity of a usage row is stored as this rather than as text: the unique index
 * over a million rows stays small, and two different rows colliding is about 1 in 10^10 there.
 */
export function hash53(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

const SEP = '\u001f';

/**
 * What makes two usage rows the same usage. A call has its own id (a LiteLLM request, an OTel
 * span): the same call in two files is one row, whatever else differs. A bucket has none: two
 * buckets are the same only when every field is; overlapping buckets that differ (a re-export
 * with a more complete last day, another grouping) are handled by the newer import superseding
 * the older's overlapping period instead.
 */
export function usageRowIdentity(row: UsageRow): number {
  if (row.eventId !== null) return hash53(['e', row.layer, row.provider, row.eventId].join(SEP));
  return hash53(
    [
      'b',
      row.layer,
      row.provider,
      row.startMs,
      row.endMs,
      row.grouping,
      row.keyId,
      row.projectId,
      row.model,
      row.userTag,
      row.agentTag,
      row.featureTag,
      row.sessionTag,
      row.serviceTag,
      row.requests,
      row.inputTokens,
      row.cachedInputTokens,
      row.cacheWriteTokens,
      row.cacheWrite1hTokens,
      row.outputTokens,
      row.reportedCostUsd,
    ].join(SEP),
  );
}

export function costRowIdentity(row: CostRow): number {
  return hash53(['c', row.provider, row.startMs, row.endMs, row.projectId, row.model, row.lineItem, row.currency, row.amount].join(SEP));
}
