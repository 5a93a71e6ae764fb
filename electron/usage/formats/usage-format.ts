import type { CostRow, UsageFormat, UsageRow } from '../../../shared/usage';

/**
 * One usage format: recognised from the start of the file, then read as a stream of chunks, so a
 * file of millions of rows never sits in memory whole. Parsers are pure: they hand rows to the
 * sink and never touch the store. The same parser runs for the preview (counting) and for the
 * import (writing), fed the same bytes.
 */
export interface UsageFormatSpec {
  format: UsageFormat;
  /** Whether the file is this format, from its first 64 KB as text (it may end mid-value). */
  detect(head: string): boolean;
  /** A parser for one file; `write` the chunks in order, then `end`. */
  createParser(sink: UsageSink): UsageParser;
}

export interface UsageSink {
  row(row: UsageRow): void;
  cost(row: CostRow): void;
  /** Something a person should know that does not stop the import ("page 3 says more pages follow"). */
  warn(position: string, message: string): void;
}

export interface UsageParser {
  write(chunk: Buffer): void;
  /** Flushes what is buffered; throws UsageInputError when the file ended mid-value. */
  end(): void;
}

/**
 * A problem at one place in a usage file: what was expected and what to do. The reader prefixes
 * the file name and refuses the whole file (nothing is written).
 */
export class UsageInputError extends Error {
  constructor(
    readonly position: string,
    message: string,
  ) {
    super(message);
    this.name = 'UsageInputError';
  }
}
