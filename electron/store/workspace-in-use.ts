import { readFileSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { BackendError } from '../../shared/errors';

/**
 * Refuses to go on when another process has the workspace at `path` open. Called before a file
 * is replaced or removed (demo reset, New over an existing file, Save As over one, a failed CLI
 * command taking back the file it made): a process that has it open would go on writing into a
 * file nobody will see again. Our own connection to the file must be closed first, because
 * SQLite counts it too.
 *
 * The probe asks SQLite itself: an EXCLUSIVE lock is granted only when no other connection holds
 * the file (in WAL mode every open connection keeps a SHARED lock). Nothing is written.
 */
export function refuseIfOpenElsewhere(path: string, nativeBinding?: string): void {
  let db: Database.Database;
  try {
    statSync(path);
    db = new Database(path, { fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  } catch {
    return; // Nothing there, or not a file SQLite can open: no connection can be holding it.
  }
  try {
    db.pragma('busy_timeout = 0');
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
    db.exec('ROLLBACK');
  } catch (err) {
    if ((err as { code?: string }).code?.startsWith('SQLITE_BUSY') || (err as { code?: string }).code?.startsWith('SQLITE_LOCKED')) {
      const holders = processesHolding(path);
      throw new BackendError(
        'conflict',
        `${path} is open in another program${holders.length ? ` (${holders.join('; ')})` : ' (the app, the web host, the CLI or sqlite3)'}. Close it there first; nothing was changed.`,
      );
    }
    // Damaged or foreign files are the caller's to report; they are not "in use".
  } finally {
    db.close();
  }
}

/**
 * Which processes hold POSIX locks on the file, for the message: Linux lists them in
 * /proc/locks by device and inode. Elsewhere (and on any surprise) the message stays generic.
 */
export function processesHolding(path: string): string[] {
  try {
    const { ino } = statSync(path);
    const pids = new Set<number>();
    for (const line of readFileSync('/proc/locks', 'utf8').split('\n')) {
      const fields = line.trim().split(/\s+/);
      // "1: POSIX  ADVISORY  READ 4520 fe:00:2147451 1073741826 1073742335"
      const pid = Number(fields[4]);
      const inode = fields[5]?.split(':')[2];
      if (inode === String(ino) && pid !== process.pid && Number.isInteger(pid) && pid > 0) pids.add(pid);
    }
    return [...pids].map((pid) => `process ${pid}${commandOf(pid)}`);
  } catch {
    return [];
  }
}

function commandOf(pid: number): string {
  try {
    const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ');
    return command ? `: ${command.slice(0, 120)}` : '';
  } catch {
    return '';
  }
}
