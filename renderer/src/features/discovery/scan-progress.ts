import type { JobProgress } from '../../../../shared/contract';
import type { ScanCounters } from '../../../../shared/discovery';

/** A scan job's progress carries its running counters; other jobs (and the first event) have none. */
export function liveScanCounters(progress: JobProgress | undefined): ScanCounters | null {
  return progress?.counters ?? null;
}

export function skippedTotal(c: ScanCounters): number {
  return c.skippedBinary + c.skippedOversized + c.skippedUnreadable + c.skippedIgnored + c.skippedLinks;
}

export function skippedBreakdown(c: ScanCounters, { nonZeroOnly = false } = {}): string {
  const parts: Array<[number, string]> = [
    [c.skippedBinary, 'binary'],
    [c.skippedOversized, 'oversized'],
    [c.skippedUnreadable, 'unreadable'],
    [c.skippedIgnored, 'ignored'],
    [c.skippedLinks, 'links'],
  ];
  return parts.filter(([n]) => !nonZeroOnly || n > 0).map(([n, label]) => `${n.toLocaleString()} ${label}`).join(', ');
}

export const plural = (n: number, one: string, many = `${one}s`): string => `${n.toLocaleString()} ${n === 1 ? one : many}`;
