import type { Db } from './workspace-file';

/**
 * Runs `fn` as one write transaction, or inside the caller's when there is one (no savepoint
 * per row). It begins IMMEDIATE: the write lock is taken at BEGIN, waiting up to the busy
 * timeout while another process (the CLI, a second window) writes. A deferred BEGIN would read
 * first and then fail at once with SQLITE_BUSY_SNAPSHOT when that process committed meanwhile.
 */
export function writeTransaction<T>(db: Db, fn: () => T): T {
  return db.inTransaction ? fn() : db.transaction(fn).immediate();
}
