import { randomBytes } from 'node:crypto';
import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import Database from 'better-sqlite3';
import { BackendError } from '../../shared/errors';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, type Migration } from './migrations';
import { refuseIfOpenElsewhere } from './workspace-in-use';

export type Db = Database.Database;

/** 'ATW1': marks a SQLite file as an Agent Triage workspace (PRAGMA application_id). */
export const WORKSPACE_APPLICATION_ID = 0x41545731;
export const WORKSPACE_EXTENSION = '.atw';

export interface Workspace {
  readonly db: Db;
  readonly path: string;
  readonly name: string;
  close(): void;
}

export interface OpenOptions {
  /** Load this native binding instead of the default (Electron passes its ABI build). */
  nativeBinding?: string;
  /** Run the integrity check before writing anything (default true; job workers skip it). */
  verify?: boolean;
}

export interface CreateOptions extends OpenOptions {
  /** Replace an existing file (the new workspace is renamed over it once complete). */
  overwrite?: boolean;
}

export function workspaceNameOf(path: string): string {
  const file = basename(path);
  return extname(file) ? file.slice(0, -extname(file).length) : file;
}

/** Creates a new, empty workspace file. Refuses to replace an existing file unless asked to. */
export function createWorkspaceFile(path: string, options: CreateOptions = {}): Workspace {
  if (existsSync(path) && !options.overwrite) {
    throw new BackendError('conflict', `${path} already exists. Open it, or choose another file name for the new workspace.`);
  }
  if (!existsSync(dirname(path))) {
    throw new BackendError('not-found', `The folder ${dirname(path)} does not exist. Create it first or choose another place.`);
  }
  // Build it under a temporary name and rename at the end: a failed create leaves no half file.
  const temp = `${path}.creating-${process.pid}-${randomBytes(4).toString('hex')}`;
  let db: Db | undefined;
  try {
    db = connect(temp, options);
    db.pragma(`application_id = ${WORKSPACE_APPLICATION_ID}`);
    migrate(db, temp);
    db.prepare(`INSERT INTO workspace_meta (key, value) VALUES ('created_at', ?)`).run(new Date().toISOString());
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    db = undefined;
    if (options.overwrite) refuseIfOpenElsewhere(path, options.nativeBinding);
    for (const suffix of ['-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
    renameSync(temp, path);
  } catch (err) {
    db?.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${temp}${suffix}`, { force: true });
    throw err;
  }
  return openWorkspaceFile(path, { ...options, verify: false });
}

/**
 * Opens an existing workspace. A file that is not ours, is damaged, or was written by a newer
 * version is reported and left exactly as it was: checks run on a read-only connection before
 * any write (including migrations) happens.
 */
export function openWorkspaceFile(path: string, options: OpenOptions = {}): Workspace {
  if (!existsSync(path)) {
    throw new BackendError('not-found', `${path} does not exist. Check the path, or create a new workspace there.`);
  }
  if (!statSync(path).isFile()) {
    throw new BackendError('workspace-corrupt', `${path} is a folder, not a workspace file.`);
  }
  refuseEmptyFile(path);
  if (options.verify !== false) inspectReadOnly(path, options);
  const db = connect(path, options);
  try {
    assertOurs(db, path);
    migrate(db, path);
  } catch (err) {
    db.close();
    throw err;
  }
  return { db, path, name: workspaceNameOf(path), close: () => db.open && db.close() };
}

/**
 * Copies the open workspace to a new file (consistent snapshot via VACUUM INTO), written under
 * a temporary name and renamed into place so a failed copy leaves nothing behind.
 */
export function copyWorkspaceFile(source: Workspace, target: string, overwrite = false, nativeBinding?: string): void {
  if (existsSync(target) && !overwrite) {
    throw new BackendError('conflict', `${target} already exists. Choose another file name (Save As never overwrites a file).`);
  }
  if (!existsSync(dirname(target))) {
    throw new BackendError('not-found', `The folder ${dirname(target)} does not exist. Create it first or choose another place.`);
  }
  const temp = join(dirname(target), `.${basename(target)}.saving-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    source.db.prepare('VACUUM INTO ?').run(temp);
    if (overwrite) refuseIfOpenElsewhere(target, nativeBinding);
    for (const suffix of ['-wal', '-shm']) rmSync(`${target}${suffix}`, { force: true });
    renameSync(temp, target);
  } catch (err) {
    rmSync(temp, { force: true });
    throw err;
  }
}

function connect(path: string, options: OpenOptions, readonly = false): Db {
  try {
    const db = new Database(path, {
      readonly,
      fileMustExist: readonly,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    });
    if (!readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
    }
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // Deleted and replaced rows (a re-scan replaces all facts of a folder) are zeroed, not left in free pages.
    db.pragma('secure_delete = ON');
    return db;
  } catch (err) {
    throw asOpenError(err, path);
  }
}

/**
 * Refuses an empty file up front: SQLite would take it for a new, empty database. Any other file
 * that is not SQLite fails with SQLITE_NOTADB on the first read, reported by asOpenError.
 *
 * The header is never read with fs.open/close: on POSIX, closing any descriptor of a file drops
 * every lock this process holds on it, SQLite's included, and another process would then delete
 * the live WAL under our connection (committed rows lost). Only stat, which opens nothing.
 */
function refuseEmptyFile(path: string): void {
  if (statSync(path).size === 0) {
    throw new BackendError('workspace-corrupt', `${path} is not an Agent Triage workspace: the file is empty. Nothing was changed; open a .atw workspace file.`);
  }
}

function inspectReadOnly(path: string, options: OpenOptions): void {
  const db = connect(path, options, true);
  try {
    assertOurs(db, path);
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > LATEST_SCHEMA_VERSION) {
      throw new BackendError(
        'workspace-too-new',
        `${path} was written by a newer version of Agent Triage Workstation (schema ${version}; this version knows up to ${LATEST_SCHEMA_VERSION}). Update the app to open it; the file was not changed.`,
      );
    }
    const problems = (db.pragma('quick_check(5)') as Array<{ quick_check: string }>).map((r) => r.quick_check);
    if (problems.length !== 1 || problems[0] !== 'ok') {
      throw new BackendError(
        'workspace-corrupt',
        `${path} is damaged (SQLite integrity check: ${problems.join('; ').slice(0, 300)}). It was not changed; restore it from a backup or Save As copy.`,
        { problems },
      );
    }
  } catch (err) {
    throw asOpenError(err, path);
  } finally {
    db.close();
  }
}

function assertOurs(db: Db, path: string): void {
  const appId = db.pragma('application_id', { simple: true }) as number;
  if (appId !== WORKSPACE_APPLICATION_ID) {
    throw new BackendError(
      'workspace-corrupt',
      `${path} is a SQLite database but not an Agent Triage workspace. Nothing was changed; open a .atw file made by this app.`,
    );
  }
}

function migrate(db: Db, path: string): void {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, sha256 TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT`);
  const applied = db.prepare('SELECT version, name, sha256 FROM schema_migrations ORDER BY version').all() as Array<Pick<Migration, 'version' | 'name' | 'sha256'>>;
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > LATEST_SCHEMA_VERSION) {
    throw new BackendError('workspace-too-new', `${path} was written by a newer version of Agent Triage Workstation (schema ${current}). Update the app to open it.`);
  }
  for (const record of applied) {
    const known = MIGRATIONS.find((m) => m.version === record.version);
    if (!known || known.sha256 !== record.sha256) {
      throw new BackendError(
        'workspace-mismatch',
        `${path} records migration ${record.version} (${record.name}) with a different content than this build. The file was not changed; open it with the version of the app that created it.`,
      );
    }
  }
  const done = new Set(applied.map((m) => m.version));
  let scrub = false;
  for (const migration of MIGRATIONS) {
    if (done.has(migration.version)) continue;
    // Each migration is all-or-nothing: schema change, its record and user_version together.
    // IMMEDIATE, and checked again under the write lock: another process may be opening the
    // same old workspace at this moment and have applied it first.
    const ran = db.transaction(() => {
      if (db.prepare('SELECT 1 FROM schema_migrations WHERE version = ?').get(migration.version)) return false;
      db.exec(migration.sql);
      migration.rewrite?.(db);
      db.prepare('INSERT INTO schema_migrations (version, name, sha256, applied_at) VALUES (?, ?, ?, ?)').run(
        migration.version,
        migration.name,
        migration.sha256,
        new Date().toISOString(),
      );
      db.pragma(`user_version = ${migration.version}`);
      return true;
    }).immediate();
    scrub ||= ran && migration.scrubsOldValues === true;
  }
  // The values a migration replaced (secrets) must survive neither in free pages nor in the WAL.
  if (scrub) {
    db.exec('VACUUM');
    db.pragma('wal_checkpoint(TRUNCATE)');
  }
}

function asOpenError(err: unknown, path: string): unknown {
  if (err instanceof BackendError) return err;
  const code = (err as { code?: string }).code ?? '';
  if (code === 'SQLITE_NOTADB') {
    return new BackendError('workspace-corrupt', `${path} is not an Agent Triage workspace: it is not a SQLite database, or is damaged beyond reading. Nothing was changed; open a .atw workspace file, or restore this one from a backup.`);
  }
  if (code === 'SQLITE_CORRUPT') {
    return new BackendError('workspace-corrupt', `${path} is damaged or not a workspace (${code}). It was not changed; restore it from a backup.`);
  }
  if (code === 'SQLITE_CANTOPEN' || code === 'SQLITE_READONLY' || code === 'EACCES') {
    return new BackendError('not-found', `${path} cannot be opened for writing (${code}). Check the file's permissions and that its folder is writable.`);
  }
  return err;
}
