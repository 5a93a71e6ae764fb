import { strToU8, zipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { testEngine } from '../api/test-engine';
import { OSV_BOMBS } from './osv-bombs';
import { auditOf } from '../store/audit-log';
import { openWorkspaceFile, type Workspace } from '../store/workspace-file';

let env: Awaited<ReturnType<typeof testEngine>>;
afterEach(async () => env?.close());

const record = (id: string, modified: string, summary = `summary of ${id}`) => ({
  schema_version: '1.6.0',
  id,
  modified,
  aliases: [`CVE-2099-${id.length}`],
  summary,
  details: 'A longer description, as osv.dev records carry one.\n\nWith a second paragraph.',
  affected: [{ package: { ecosystem: 'PyPI', name: 'fastapi' }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '0.116.0' }] }], versions: ['0.100.0', '0.115.6'] }],
  references: [{ type: 'ADVISORY', url: `https://github.com/advisories/${id}` }],
  database_specific: { severity: 'HIGH', github_reviewed: true },
});
const upload = (fileName: string, bytes: Uint8Array) => ({ fileName, contentBase64: Buffer.from(bytes).toString('base64') });
const jsonFile = (value: unknown) => strToU8(JSON.stringify(value));

/** An ecosystem zip laid out as osv.dev publishes it: one record per entry, named by id. */
function ecosystemZip(count: number): Uint8Array {
  const entries: Record<string, Uint8Array> = {};
  for (let i = 0; i < count; i++) {
    const id = `GHSA-${String(i).padStart(4, '0')}-test-zzzz`;
    entries[`${id}.json`] = jsonFile(record(id, '2025-03-01T10:00:00Z'));
  }
  return zipSync(entries);
}

async function importAdvisories(fileName: string, bytes: Uint8Array) {
  return env.finished((await env.call('startImport', { files: [upload(fileName, bytes)] })).jobId);
}

/** Reads the workspace through a second connection, as another process would. */
function inWorkspace<T>(read: (workspace: Workspace) => T): T {
  const workspace = openWorkspaceFile(env.tmp.file('w.atw'), { verify: false });
  try {
    return read(workspace);
  } finally {
    workspace.close();
  }
}

function storedAdvisories(): Array<{ id: string; modified: string; summary: string }> {
  const rows = inWorkspace(({ db }) => db.prepare('SELECT id, modified, record FROM advisories ORDER BY id').all() as Array<{ id: string; modified: string; record: string }>);
  return rows.map((r) => ({ id: r.id, modified: r.modified, summary: (JSON.parse(r.record) as { summary: string }).summary }));
}

describe('advisory import job (worker thread)', () => {
  it('imports a real-shaped ecosystem zip in the background, with progress over its entries, and audits it', async () => {
    env = await testEngine();
    await env.call('createWorkspace', { path: env.tmp.file('w.atw') });
    const job = await importAdvisories('PyPI.zip', ecosystemZip(3_000));
    expect(job).toMatchObject({ state: 'succeeded', kind: 'import', result: { kind: 'import', value: [{ format: 'osv', counts: { advisories: 3_000, stored: 3_000 } }] } });
    expect(job.progress).toMatchObject({ done: 3_000, total: 3_000 });
    expect(storedAdvisories()).toHaveLength(3_000);
    expect(inWorkspace(({ db }) => auditOf(db, 'workspace', 'advisories'))).toMatchObject([{ actor: 'tester', via: 'test', after: '3000 of 3000 OSV records from PyPI.zip' }]);
  });

  it('refuses a record whose modified is not a date and keeps nothing of the file; the genuine record then imports', async () => {
    env = await testEngine();
    await env.call('createWorkspace', { path: env.tmp.file('w.atw') });
    const forged = await importAdvisories('forged.json', jsonFile([record('GHSA-aaaa-bbbb-cccc', '2025-01-01T00:00:00Z', 'other'), record('GHSA-1111-2222-3333', 'zzz', 'forged')]));
    expect(forged).toMatchObject({ state: 'failed', error: { code: 'import-invalid' } });
    expect(forged.error?.message).toBe(
      'forged.json[1] is not a valid OSV record (record "GHSA-1111-2222-3333"): modified: must be an RFC 3339 date-time such as 2024-05-01T12:00:00Z, not "zzz"; nothing was imported.',
    );
    expect(storedAdvisories()).toEqual([]);
    const genuine = await importAdvisories('genuine.json', jsonFile(record('GHSA-1111-2222-3333', '2025-02-01T00:00:00Z', 'genuine')));
    expect(genuine.state).toBe('succeeded');
    expect(storedAdvisories()).toEqual([{ id: 'GHSA-1111-2222-3333', modified: '2025-02-01T00:00:00Z', summary: 'genuine' }]);
  });

  it('a record stored before records were checked, with a modified that is no date, no longer blocks the genuine one', async () => {
    env = await testEngine();
    await env.call('createWorkspace', { path: env.tmp.file('w.atw') });
    const workspace = openWorkspaceFile(env.tmp.file('w.atw'), { verify: false });
    workspace.db
      .prepare('INSERT INTO advisories (id, modified, record, imported_at, source_file) VALUES (?, ?, ?, ?, ?)')
      .run('GHSA-1111-2222-3333', 'zzz', JSON.stringify(record('GHSA-1111-2222-3333', 'zzz', 'forged')), '2025-01-01T00:00:00Z', 'old.json');
    workspace.close();
    expect((await importAdvisories('genuine.json', jsonFile(record('GHSA-1111-2222-3333', '2025-02-01T00:00:00Z', 'genuine')))).result).toMatchObject({
      kind: 'import',
      value: [{ format: 'osv', counts: { advisories: 1, stored: 1 } }],
    });
    expect(storedAdvisories()).toEqual([{ id: 'GHSA-1111-2222-3333', modified: '2025-02-01T00:00:00Z', summary: 'genuine' }]);
  });

  it('keeps the copy modified later, comparing instants, not text', async () => {
    env = await testEngine();
    await env.call('createWorkspace', { path: env.tmp.file('w.atw') });
    // 09:00 at UTC-5 is 14:00Z: later than 12:00Z, though it sorts first as text.
    await importAdvisories('newer.json', jsonFile(record('GHSA-1111-2222-3333', '2025-05-01T09:00:00-05:00', 'newer')));
    const older = await importAdvisories('older.json', jsonFile(record('GHSA-1111-2222-3333', '2025-05-01T12:00:00Z', 'older')));
    expect(older.result).toMatchObject({ kind: 'import', value: [{ counts: { advisories: 1, stored: 0 } }] });
    expect(storedAdvisories().map((a) => a.summary)).toEqual(['newer']);
  });

  it('a zip bomb fails the job with the limit it crossed, and writes nothing', async () => {
    env = await testEngine();
    await env.call('createWorkspace', { path: env.tmp.file('w.atw') });
    const job = await importAdvisories('huge-entry.zip', OSV_BOMBS['huge-entry']());
    expect(job).toMatchObject({ state: 'failed', error: { code: 'import-invalid', message: expect.stringMatching(/^huge-entry\.zip was not unpacked: its entry .+ inflates to more than 8 MB/) } });
    // The genuine record before the bomb in the same zip was not kept either.
    expect(storedAdvisories()).toEqual([]);
  });

  it('cancelling a large import leaves the advisories as they were', async () => {
    env = await testEngine();
    await env.call('createWorkspace', { path: env.tmp.file('w.atw') });
    await importAdvisories('first.json', jsonFile(record('GHSA-0001-test-zzzz', '2020-01-01T00:00:00Z', 'before')));
    const { jobId } = await env.call('startImport', { files: [upload('npm.zip', ecosystemZip(30_000))] });
    for (let job = await env.call('getJob', { jobId }); job.progress.done === 0 && job.state === 'running'; job = await env.call('getJob', { jobId })) {
      await new Promise((r) => setTimeout(r, 5));
    }
    const cancelled = await env.call('cancelJob', { jobId });
    expect(cancelled.state).toBe('cancelled');
    expect(storedAdvisories()).toEqual([{ id: 'GHSA-0001-test-zzzz', modified: '2020-01-01T00:00:00Z', summary: 'before' }]);
  });
});
