import { statement } from '../store/statements';
import type { Db } from '../store/workspace-file';
import { writeTransaction } from '../store/write-transaction';

/**
 * A usage fact kept in the workspace (`usage_fact_cache`) for the version it was computed for:
 * read when the version matches, else computed and kept for the next process. Keeping it is best
 * effort: when another process holds the write lock the value is still returned, just not kept.
 */
export function keptUsageFact<T>(db: Db, name: string, computedFor: string, compute: () => T, codec: { toJson: (value: T) => unknown; fromJson: (json: unknown) => T }): T {
  const row = statement(db, 'SELECT computed_for, value FROM usage_fact_cache WHERE name = ?').get(name) as { computed_for: string; value: string } | undefined;
  if (row?.computed_for === computedFor) return codec.fromJson(JSON.parse(row.value));
  const value = compute();
  try {
    writeTransaction(db, () => {
      statement(db, 'INSERT INTO usage_fact_cache (name, computed_for, value) VALUES (?, ?, ?) ON CONFLICT (name) DO UPDATE SET computed_for = excluded.computed_for, value = excluded.value').run(name, computedFor, JSON.stringify(codec.toJson(value)));
    });
  } catch (error) {
    if ((error as { code?: string }).code !== 'SQLITE_BUSY') throw error;
  }
  return value;
}

