import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { allAgentRecords, createAgent, getAgentRecord } from '../agents-repository';
import { tempDirPerTest } from '../../store/temp-dir-per-test';
import { createWorkspaceFile, openWorkspaceFile, WORKSPACE_APPLICATION_ID } from '../../store/workspace-file';
import { MIGRATIONS } from '../../store/migrations/index';

const tmp = tempDirPerTest('atw-migrate-');

const author = { actor: 'tester', via: 'test' };
const migration = MIGRATIONS.find((m) => m.name === 'other data access')!;

/** A workspace as the version before this migration left it, with one agent and its read/write sources. */
function workspaceBefore(path: string): void {
  const db = new Database(path);
  db.pragma(`application_id = ${WORKSPACE_APPLICATION_ID}`);
  db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, sha256 TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT');
  for (const earlier of MIGRATIONS.filter((m) => m.version < migration.version)) {
    db.exec(earlier.sql);
    earlier.rewrite?.(db);
    db.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?, ?)').run(earlier.version, earlier.name, earlier.sha256, '2026-01-01T00:00:00Z');
    db.pragma(`user_version = ${earlier.version}`);
  }
  db.prepare(`INSERT INTO agents (id, identity_key, name, status, trigger_kind, created_at, updated_at) VALUES ('agt_1', 'manual:1', 'Refund Bot', 'confirmed', 'cron', 'x', 'x')`).run();
  const access = db.prepare('INSERT INTO agent_data_access (agent_id, position, source, access) VALUES (?, ?, ?, ?)');
  access.run('agt_1', 0, 'payments.refunds', 'write');
  access.run('agt_1', 1, 'crm.customers', 'read');
  expect(() => access.run('agt_1', 2, 'sendgrid', 'other: send')).toThrow(/CHECK constraint/);
  db.close();
}

describe(`migration ${migration.version}: other data access`, () => {
  it('keeps every read/write source of an older workspace and then accepts "other: <word>"', () => {
    const path = tmp.file('old.atw');
    workspaceBefore(path);
    const ws = openWorkspaceFile(path);
    try {
      expect(getAgentRecord(ws.db, 'agt_1').dataAccess).toEqual([
        { source: 'payments.refunds', access: 'write' },
        { source: 'crm.customers', access: 'read' },
      ]);
      const id = createAgent(ws.db, { name: 'Mailer', dataAccess: [{ source: 'sendgrid', access: 'other: send' }] }, author);
      expect(getAgentRecord(ws.db, id).dataAccess).toEqual([{ source: 'sendgrid', access: 'other: send' }]);
      // Deleting an agent still removes its sources: the rebuilt table kept its foreign key.
      ws.db.prepare('DELETE FROM agents WHERE id = ?').run('agt_1');
      expect(ws.db.prepare(`SELECT count(*) AS n FROM agent_data_access WHERE agent_id = 'agt_1'`).get()).toEqual({ n: 0 });
    } finally {
      ws.close();
    }
  });

  it('still refuses an access that is neither read, write nor "other: <word>"', () => {
    const ws = createWorkspaceFile(tmp.file('new.atw'));
    try {
      createAgent(ws.db, { name: 'Bot' }, author);
      const [agent] = allAgentRecords(ws.db);
      const insert = ws.db.prepare('INSERT INTO agent_data_access (agent_id, position, source, access) VALUES (?, ?, ?, ?)');
      for (const bad of ['admin', 'other: ', 'other:send', `other: ${'x'.repeat(81)}`]) expect(() => insert.run(agent!.id, 5, 'db', bad)).toThrow(/CHECK constraint/);
    } finally {
      ws.close();
    }
  });
});
