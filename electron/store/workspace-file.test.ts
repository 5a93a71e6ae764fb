import { existsSync, readFileSync, writeFileSync, readdirSync } from 'node:fs';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { BackendError } from '../../shared/errors';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations';
import { tempDirPerTest } from './temp-dir-per-test';
import { copyWorkspaceFile, createWorkspaceFile, openWorkspaceFile, WORKSPACE_APPLICATION_ID } from './workspace-file';
import { createAgent, countAgents } from '../agents/agents-repository';

const author = { actor: 'tester', via: 'test' };
const tmp = tempDirPerTest();

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    if (err instanceof BackendError) return `${err.code}: ${err.message}`;
    throw err;
  }
  throw new Error('expected a BackendError');
}

describe('workspace files', () => {
  it('creates a fresh workspace at the latest schema with WAL and foreign keys', () => {
    const ws = createWorkspaceFile(tmp.file('acme.atw'));
    expect(ws.name).toBe('acme');
    expect(ws.db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(ws.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(ws.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(ws.db.pragma('application_id', { simple: true })).toBe(WORKSPACE_APPLICATION_ID);
    const recorded = ws.db.prepare('SELECT version, sha256 FROM schema_migrations').all();
    expect(recorded).toEqual(MIGRATIONS.map((m) => ({ version: m.version, sha256: m.sha256 })));
    ws.close();
  });

  it('refuses to create over an existing file and leaves it untouched', () => {
    writeFileSync(tmp.file('x.atw'), 'precious');
    expect(codeOf(() => createWorkspaceFile(tmp.file('x.atw')))).toMatch(/^conflict: .*already exists/);
    expect(readFileSync(tmp.file('x.atw'), 'utf8')).toBe('precious');
  });

  it('reopens a workspace with its data', () => {
    const ws = createWorkspaceFile(tmp.file('a.atw'));
    createAgent(ws.db, { name: 'invoice-bot' }, author);
    ws.close();
    const again = openWorkspaceFile(tmp.file('a.atw'));
    expect(countAgents(again.db)).toBe(1);
    again.close();
  });

  it('upgrades a workspace made before the latest migration, recording each applied migration', () => {
    // A workspace stopped at schema 0: only the application id and the bookkeeping table.
    const path = tmp.file('old.atw');
    const db = new Database(path);
    db.pragma(`application_id = ${WORKSPACE_APPLICATION_ID}`);
    db.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, sha256 TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT');
    db.close();
    const ws = openWorkspaceFile(path);
    expect(ws.db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect((ws.db.prepare('SELECT count(*) AS n FROM schema_migrations').get() as { n: number }).n).toBe(MIGRATIONS.length);
    ws.close();
  });

  it('refuses a workspace whose applied migration differs from this build (hash mismatch)', () => {
    const ws = createWorkspaceFile(tmp.file('drift.atw'));
    ws.db.prepare("UPDATE schema_migrations SET sha256 = 'edited' WHERE version = 1").run();
    ws.close();
    const before = readFileSync(tmp.file('drift.atw'));
    expect(codeOf(() => openWorkspaceFile(tmp.file('drift.atw')))).toMatch(/^workspace-mismatch: .*migration 1/);
    expect(readFileSync(tmp.file('drift.atw')).equals(before)).toBe(true);
  });

  it('refuses a workspace from a newer version without changing it', () => {
    const ws = createWorkspaceFile(tmp.file('future.atw'));
    ws.db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 7}`);
    ws.db.pragma('wal_checkpoint(TRUNCATE)');
    ws.close();
    const before = readFileSync(tmp.file('future.atw'));
    expect(codeOf(() => openWorkspaceFile(tmp.file('future.atw')))).toMatch(/^workspace-too-new: .*newer version.*Update the app/);
    expect(readFileSync(tmp.file('future.atw')).equals(before)).toBe(true);
  });

  it('reports a file that is not SQLite, an empty file and a foreign SQLite database', () => {
    writeFileSync(tmp.file('notes.atw'), 'just some text that is long enough');
    expect(codeOf(() => openWorkspaceFile(tmp.file('notes.atw')))).toMatch(/^workspace-corrupt: .*not a SQLite database/);
    // Job workers skip the read-only check: the read-write open must refuse it just as cleanly.
    expect(codeOf(() => openWorkspaceFile(tmp.file('notes.atw'), { verify: false }))).toMatch(/^workspace-corrupt: .*not a SQLite database/);
    expect(readFileSync(tmp.file('notes.atw'), 'utf8')).toBe('just some text that is long enough');
    expect(existsSync(tmp.file('notes.atw-wal'))).toBe(false);
    writeFileSync(tmp.file('empty.atw'), '');
    expect(codeOf(() => openWorkspaceFile(tmp.file('empty.atw')))).toMatch(/^workspace-corrupt: .*empty/);
    const other = new Database(tmp.file('other.db'));
    other.exec('CREATE TABLE t (x)');
    other.close();
    expect(codeOf(() => openWorkspaceFile(tmp.file('other.db')))).toMatch(/^workspace-corrupt: .*not an Agent Triage workspace/);
  });

  it('reports a damaged workspace and never writes to it', () => {
    const path = tmp.file('damaged.atw');
    const ws = createWorkspaceFile(path);
    for (let i = 0; i < 300; i++) createAgent(ws.db, { name: `agent-${i}`, description: 'x'.repeat(400) }, author);
    ws.db.pragma('wal_checkpoint(TRUNCATE)');
    ws.close();
    // Overwrite pages in the middle of the file, keeping the header intact.
    const bytes = readFileSync(path);
    for (let i = 8192; i < bytes.length - 4096; i += 4096) bytes.fill(0x5a, i, i + 2000);
    writeFileSync(path, bytes);
    expect(codeOf(() => openWorkspaceFile(path))).toMatch(/^workspace-corrupt: .*(damaged|not a workspace)/);
    expect(readFileSync(path).equals(bytes)).toBe(true);
  });

  it('reports a missing file', () => {
    expect(codeOf(() => openWorkspaceFile(tmp.file('nope.atw')))).toMatch(/^not-found: /);
  });

  it('copies a workspace (Save As) without overwriting and leaves no temporary files', () => {
    const ws = createWorkspaceFile(tmp.file('a.atw'));
    createAgent(ws.db, { name: 'copied' }, author);
    copyWorkspaceFile(ws, tmp.file('b.atw'));
    expect(codeOf(() => copyWorkspaceFile(ws, tmp.file('b.atw')))).toMatch(/^conflict: /);
    ws.close();
    const copy = openWorkspaceFile(tmp.file('b.atw'));
    expect(countAgents(copy.db)).toBe(1);
    copy.close();
    expect(readdirSync(tmp.dir).filter((f) => f.includes('saving') || f.includes('creating'))).toEqual([]);
  });
});
