import { createHash } from 'node:crypto';
import type { Db } from '../store/workspace-file';

/**
 * A digest of every row of every table: equal before and after a refused import means the
 * refusal wrote nothing at all (no half import, no stray audit row, no provenance record).
 */
export function workspaceDigest(db: Db): string {
  const hash = createHash('sha256');
  const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).all() as Array<{ name: string }>;
  for (const { name } of tables) {
    hash.update(`\u0000table ${name}\u0000`);
    for (const row of db.prepare(`SELECT * FROM "${name.replace(/"/g, '""')}" ORDER BY rowid`).raw().iterate()) {
      hash.update(JSON.stringify(row, (_key, value: unknown) => (Buffer.isBuffer(value) ? value.toString('hex') : value)));
    }
  }
  return hash.digest('hex');
}
