import type { JobProgress } from '../../../../shared/contract';
import type { ScanCounters } from '../../../../shared/discovery';

/**
 * The engine's job context reports a scan's counters with each progress event; until
 * JobProgress carries them in shared/contract.ts, they are read here if the host sends them and
 * the panel falls back to the file count and the engine's one-line message.
 */
export function liveScanCounters(progress: JobProgress | undefined): ScanCounters | null {
  const counters = (progress as (JobProgress & { counters?: ScanCounters }) | undefined)?.counters;
  return counters ?? null;
}

export function skippedTotal(c: ScanCounters): number {
  return c.skippedBinary + c.skippedOversized + c.skippedUnreadable + c.skippedIgnored + c.skippedLinks;
}

export function skippedBreakdown(c: ScanCounters): string {
  const parts: Array<[number, string]> = [
    [c.skippedBinary, 'binary'],
    [c.skippedOversized, 'oversized'],
    [c.skippedUnreadable, 'unreadable'],
    [c.skippedIgnored, 'ignored'],
    [c.skippedLinks, 'links'],
  ];
  return parts.map(([n, label]) => `${n.toLocaleString()} ${label}`).join(', ');
}

export const plural = (n: number, one: string, many = `${one}s`): string => `${n.toLocaleString()} ${n === 1 ? one : many}`;
