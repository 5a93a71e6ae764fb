import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { fingerprintSecret } from '../secret-fingerprint';
import { fingerprintKeyOf } from '../../store/fingerprint-key';
import { tempDirPerTest } from '../../store/temp-dir-per-test';
import { copyWorkspaceFile, createWorkspaceFile, openWorkspaceFile, WORKSPACE_APPLICATION_ID } from '../../store/workspace-file';
import { MIGRATIONS } from '../../store/migrations/index';

const OPENAI_KEY = `sk-proj-${'Ha3k'.repeat(10)}Q7zX`;
const PASSWORD = 'Zq8!Vx3#Lm9$Pw2K';
const TOKEN = 'Wd4nTr8pXs2vLm6K';
/** A key an earlier scan found and a later scan no longer did: its row was deleted, its bytes left in free pages. */
const EARLIER_KEY = `ghp_${'Jy6r'.repeat(8)}Ux3C`;
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

const tmp = tempDirPerTest('atw-migrate-');

const evidence = (snippet: string) => ({ path: 'app/agent.py', line: 3, snippet, ruleId: 'code.credential.hardcoded-secret', confidence: 0.95 });

/** A workspace as the previous version left it: schema 2, fingerprints as plain SHA-256, last four characters in names and masks. */
function workspaceAtSchema2(path: string): void {
  const db = new Database(path);
  db.pragma(`application_id = ${WORKSPACE_APPLICATION_ID}`);
  db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, sha256 TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT');
  for (const migration of MIGRATIONS.slice(0, 2)) {
    db.exec(migration.sql);
    db.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?, ?)').run(migration.version, migration.name, migration.sha256, '2026-01-01T00:00:00Z');
    db.pragma(`user_version = ${migration.version}`);
  }
  const detail = {
    identityKey: 'repo:code-entry-point:app/agent.py#app/agent.py',
    name: 'agent',
    capabilities: [{ kind: 'external-communication', detail: 'requests.post(key="sk-proj-…Q7zX")', tool: null, evidence: evidence('post(key="sk-proj-…Q7zX")') }],
    credentials: [
      { kind: 'hardcoded-secret', name: 'openai key …Q7zX', provider: 'openai', fingerprint: sha256(OPENAI_KEY), last4: 'Q7zX', evidence: evidence('client = OpenAI(api_key="sk-proj-…Q7zX")') },
      { kind: 'connection-string', name: 'postgresql://ledger-db', provider: 'postgresql', fingerprint: sha256(PASSWORD), last4: null, evidence: evidence('DSN = "postgresql://ledger:****@ledger-db/x"') },
      { kind: 'hardcoded-secret', name: 'api_key …Lm6K', provider: null, fingerprint: sha256(TOKEN), last4: 'Lm6K', evidence: evidence('x(api_key="…Lm6K")') },
      { kind: 'env-var', name: 'OPENAI_API_KEY', provider: 'openai', fingerprint: null, last4: null, evidence: evidence('os.environ["OPENAI_API_KEY"]') },
    ],
  };
  db.prepare("INSERT INTO scan_sources (id, root, label, last_scan_id) VALUES (1, '/repo', 'repo', NULL)").run();
  db.prepare("INSERT INTO scans (id, source_id, started_at, finished_at, actor, counters, warnings, changes) VALUES (1, 1, 'a', 'b', 'tester', '{}', '[]', '{}')").run();
  db.prepare("INSERT INTO discovered_agents VALUES (?, 1, 1, 'agent', 'code-entry-point', 'app/agent.py', 'agent', 0.9, ?)").run(detail.identityKey, JSON.stringify(detail));
  const earlier = { ...detail, identityKey: 'repo:earlier', notes: 'n'.repeat(30_000), credentials: [{ kind: 'hardcoded-secret', name: 'github key …Ux3C', fingerprint: sha256(EARLIER_KEY), last4: 'Ux3C' }] };
  db.prepare("INSERT INTO discovered_agents VALUES ('repo:earlier', 1, 1, 'earlier', 'ci-job', 'x', 'agent', 0.9, ?)").run(JSON.stringify(earlier));
  db.prepare("DELETE FROM discovered_agents WHERE identity_key = 'repo:earlier'").run();
  db.prepare("INSERT INTO agents (id, identity_key, name, status, created_at, updated_at) VALUES ('a1', ?, 'agent', 'confirmed', 'x', 'x')").run(detail.identityKey);
  const credentials = ['openai key …Q7zX', 'postgresql://ledger-db', 'api_key …Lm6K', 'Billing key …Bz5Y'];
  credentials.forEach((c, i) => db.prepare("INSERT INTO agent_credentials VALUES ('a1', ?, ?)").run(i, c));
  const audit = db.prepare("INSERT INTO audit_log (at, actor, entity, entity_id, field, before, after, via) VALUES ('x', 'tester', 'agent', 'a1', ?, ?, ?, 'test')");
  audit.run('created', null, `agent\nstatus: confirmed\ncredentials: ${credentials.slice(0, 3).join('; ')}\ndescription: Loads…then waits`);
  audit.run('credentials', credentials.slice(0, 3).join('; '), credentials.join('; '));
  audit.run('description', 'Loads…then', 'Loads…then waits');
  db.close();
}

function fileText(path: string): string {
  return ['', '-wal'].map((suffix) => (existsSync(path + suffix) ? readFileSync(path + suffix).toString('latin1') : '')).join('\n');
}

describe('migration 3: keyed secret fingerprints', () => {
  it('keys old fingerprints, removes every last four characters, and leaves nothing of them in the file', () => {
    const path = tmp.file('old.atw');
    workspaceAtSchema2(path);
    expect(fileText(path)).toContain(sha256(OPENAI_KEY));
    expect(fileText(path)).toContain(sha256(EARLIER_KEY));

    const ws = openWorkspaceFile(path);
    try {
      const key = fingerprintKeyOf(ws.db);
      expect(ws.db.prepare('SELECT 1 FROM schema_migrations WHERE version = 3').get()).toBeDefined();
      const detail = JSON.parse((ws.db.prepare('SELECT detail FROM discovered_agents').get() as { detail: string }).detail);
      const [openai, connection, token, env] = detail.credentials;
      // The keyed form of the old value is exactly what a new scan computes from the secret.
      expect(openai).toEqual({ ...openai, fingerprint: fingerprintSecret(OPENAI_KEY, key), preview: null, name: `openai key #${fingerprintSecret(OPENAI_KEY, key).slice(0, 6)}` });
      expect(openai).not.toHaveProperty('last4');
      expect(openai.evidence.snippet).toBe('client = OpenAI(api_key="sk-proj-…")');
      expect(connection).toMatchObject({ name: 'postgresql://ledger-db', fingerprint: fingerprintSecret(PASSWORD, key), preview: null });
      expect(token).toMatchObject({ name: `api_key #${fingerprintSecret(TOKEN, key).slice(0, 6)}`, fingerprint: fingerprintSecret(TOKEN, key) });
      expect(env).toMatchObject({ name: 'OPENAI_API_KEY', fingerprint: null, preview: null });
      expect(detail.capabilities[0].detail).toBe('requests.post(key="sk-proj-…")');

      const registry = (ws.db.prepare("SELECT credential FROM agent_credentials WHERE agent_id = 'a1' ORDER BY position").all() as Array<{ credential: string }>).map((r) => r.credential);
      expect(registry).toEqual([openai.name, 'postgresql://ledger-db', token.name, 'Billing key …']);
      const audit = ws.db.prepare('SELECT field, before, after FROM audit_log ORDER BY id').all() as Array<{ field: string; before: string | null; after: string | null }>;
      expect(audit[0]!.after).toBe(`agent\nstatus: confirmed\ncredentials: ${openai.name}; postgresql://ledger-db; ${token.name}\ndescription: Loads…then waits`);
      expect(audit[1]!.after).toBe(`${openai.name}; postgresql://ledger-db; ${token.name}; Billing key …`);
      // Text that is not a credential list is history, and stays as written.
      expect(audit[2]).toEqual({ field: 'description', before: 'Loads…then', after: 'Loads…then waits' });
      expect(audit[3]).toMatchObject({ field: 'redacted', after: expect.stringMatching(/^Secret fingerprints keyed to this workspace; .* 1 discovered candidates, 3 registry credentials and 2 audit entries\.$/) });
      expect(() => ws.db.prepare("UPDATE audit_log SET after = 'x' WHERE id = 1").run()).toThrow(/append-only/);

      // Vacuumed and checkpointed: neither the file nor its WAL holds the old values, not even in
      // the free pages rows deleted by earlier scans left behind.
      const bytes = fileText(path);
      for (const old of [sha256(OPENAI_KEY), sha256(PASSWORD), sha256(TOKEN), sha256(EARLIER_KEY), 'Q7zX', 'Lm6K', 'Bz5Y', 'Ux3C']) expect(bytes.includes(old), old).toBe(false);
      expect(ws.db.pragma('freelist_count', { simple: true })).toBe(0);
      expect(ws.db.pragma('secure_delete', { simple: true })).toBe(1);
    } finally {
      ws.close();
    }
  });

  it('gives every new workspace its own key, which a Save As copy keeps', () => {
    const first = createWorkspaceFile(tmp.file('a.atw'));
    const second = createWorkspaceFile(tmp.file('b.atw'));
    try {
      expect(fingerprintKeyOf(first.db)).toHaveLength(32);
      expect(Buffer.from(fingerprintKeyOf(first.db)).equals(Buffer.from(fingerprintKeyOf(second.db)))).toBe(false);
      copyWorkspaceFile(first, tmp.file('copy.atw'));
      const copy = openWorkspaceFile(tmp.file('copy.atw'));
      expect(Buffer.from(fingerprintKeyOf(copy.db)).equals(Buffer.from(fingerprintKeyOf(first.db)))).toBe(true);
      copy.close();
    } finally {
      first.close();
      second.close();
    }
  });
});
