import type { UsageSink } from './usage-format';

/** How many warnings of one kind a file shows one by one; the rest are counted in one summary. */
export const WARNINGS_PER_KIND = 5;

/**
 * Warnings for a file of a million rows: the first few of each kind name their row, the rest are
 * counted ("1,204 more rows ..."), so a systematic problem reads as one, not a million lines.
 */
export class UsageWarnings {
  private readonly kinds = new Map<string, { count: number; summary: string }>();

  constructor(private readonly sink: UsageSink) {}

  /** `summary` completes "N more rows …" for the rows past the first few. */
  warn(kind: string, position: string, message: string, summary: string): void {
    let entry = this.kinds.get(kind);
    if (!entry) {
      entry = { count: 0, summary };
      this.kinds.set(kind, entry);
    }
    if (++entry.count <= WARNINGS_PER_KIND) this.sink.warn(position, message);
  }

  /** Reports the counted rest; call once at the end of the file. */
  flush(): void {
    for (const { count, summary } of this.kinds.values()) {
      const more = count - WARNINGS_PER_KIND;
      if (more > 0) this.sink.warn('whole file', `${more.toLocaleString('en-US')} more ${more === 1 ? 'row' : 'rows'} ${summary}`);
    }
    this.kinds.clear();
  }
}
