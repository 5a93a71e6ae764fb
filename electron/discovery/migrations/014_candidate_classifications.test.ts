import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { tempDirPerTest } from '../../store/temp-dir-per-test';
import { openWorkspaceFile, WORKSPACE_APPLICATION_ID } from '../../store/workspace-file';
import { MIGRATIONS } from '../../store/migrations/index';

const tmp = tempDirPerTest('atw-migrate-014-');

/** A workspace as schema 13 left it, with one scanned candidate and its decision. */
function workspaceAtSchema13(path: string): void {
  const db = new Database(path);
  db.pragma(`application_id = ${WORKSPACE_APPLICATION_ID}`);
  db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, sha256 TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT');
  for (const migration of MIGRATIONS.filter((m) => m.version <= 13)) {
    db.exec(migration.sql);
    db.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?, ?)').run(migration.version, migration.name, migration.sha256, '2026-01-01T00:00:00Z');
    db.pragma(`user_version = ${migration.version}`);
  }
  db.prepare("INSERT INTO scan_sources (id, root, label, last_scan_id) VALUES (1, '/repo', 'repo', 1)").run();
  db.prepare("INSERT INTO scans (id, source_id, started_at, finished_at, actor, counters, warnings, changes) VALUES (1, 1, 'a', 'b', 'tester', '{}', '[]', '{}')").run();
  db.prepare("INSERT INTO discovered_agents VALUES ('repo:ci-job:a.yml#a', 1, 1, 'a', 'ci-job', 'a.yml', 'agent', 0.9, '{\"name\":\"a\"}')").run();
  expect(() => db.prepare("INSERT INTO discovered_agents VALUES ('repo:mcp-server:s.py#s', 1, 1, 's', 'mcp-server', 's.py', 'mcp-server', 0.9, '{}')").run()).toThrow(/CHECK/);
  db.close();
}

describe('migration 014: candidate classifications', () => {
  it('keeps every scanned candidate and accepts MCP servers, remote callers and examples', () => {
    const path = tmp.file('old.atw');
    workspaceAtSchema13(path);
    const ws = openWorkspaceFile(path);
    try {
      expect(ws.db.prepare('SELECT identity_key, classification, detail FROM discovered_agents').all()).toEqual([{ identity_key: 'repo:ci-job:a.yml#a', classification: 'agent', detail: '{"name":"a"}' }]);
      for (const classification of ['mcp-server', 'remote-caller', 'example']) {
        ws.db.prepare("INSERT INTO discovered_agents VALUES (?, 1, 1, 'x', 'code-entry-point', 'x.py', ?, 0.9, '{}')").run(`repo:x#${classification}`, classification);
      }
      expect(() => ws.db.prepare("INSERT INTO discovered_agents VALUES ('bad', 1, 1, 'x', 'x', 'x', 'robot', 0.9, '{}')").run()).toThrow(/CHECK/);
      expect(ws.db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'discovered_agents' AND sql IS NOT NULL").all()).toEqual([{ name: 'discovered_agents_by_source' }]);
      // The source's cascade still reaches the rebuilt table.
      ws.db.prepare('DELETE FROM scan_sources WHERE id = 1').run();
      expect(ws.db.prepare('SELECT count(*) AS n FROM discovered_agents').get()).toEqual({ n: 0 });
    } finally {
      ws.close();
    }
  });
});
