import type { CostRow, UsageRow } from '../../../shared/usage';
import { UsageInputError, type UsageFormatSpec } from './usage-format';

export interface Parsed {
  rows: UsageRow[];
  costs: CostRow[];
  warnings: [string, string][];
}

/** Feeds `input` to a fresh parser in chunks of `chunkBytes` (whole when omitted). */
export function parseWith(spec: UsageFormatSpec, input: string | Buffer, chunkBytes?: number): Parsed {
  const out: Parsed = { rows: [], costs: [], warnings: [] };
  const parser = spec.createParser({
    row: (row) => out.rows.push(row),
    cost: (row) => out.costs.push(row),
    warn: (position, message) => out.warnings.push([position, message]),
  });
  const bytes = typeof input === 'string' ? Buffer.from(input, 'utf8') : input;
  const step = chunkBytes ?? Math.max(bytes.length, 1);
  for (let i = 0; i < bytes.length; i += step) parser.write(bytes.subarray(i, i + step));
  parser.end();
  return out;
}

/** The UsageInputError a parse ends in (fails the test when it succeeds or throws something else). */
export function inputErrorOf(fn: () => unknown): UsageInputError {
  try {
    fn();
  } catch (err) {
    if (err instanceof UsageInputError) return err;
    throw err;
  }
  throw new Error('expected a UsageInputError');
}
