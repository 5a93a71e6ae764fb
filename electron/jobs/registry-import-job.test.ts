import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { testEngine } from '../api/test-engine';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, '..', 'registry', 'fixtures', name)).toString('base64');

let env: Awaited<ReturnType<typeof testEngine>>;
afterEach(async () => env?.close());

const finished = (jobId: string) => env.finished(jobId);

describe('registry import job (worker thread)', () => {
  it('imports a good file in the background and the rows appear, with audit entries by the importer', async () => {
    env = await testEngine();
    await env.call('createWorkspace', { path: env.tmp.file('w.atw') });
    await env.call('setActor', { actor: 'Dana Consultant' });
    const { jobId } = await env.call('startRegistryImport', { fileName: 'registry-fixed.csv', contentBase64: fixture('registry-fixed.csv') });
    const job = await finished(jobId);
    expect(job).toMatchObject({ state: 'succeeded', result: { kind: 'registry-import', value: { created: 6, updated: 0 } } });
    expect(job.progress).toMatchObject({ done: 6, total: 6 });
    const list = await env.call('listAgents', {});
    expect(list.rows.map((r) => r.name)).toContain('Fraud Alert Enricher');
    const audit = await env.call('agentAudit', { id: list.rows[0]!.id });
    expect(audit.every((e) => e.actor === 'Dana Consultant' && e.via === 'test')).toBe(true);
  });

  it('a file with bad rows fails with the row errors and writes nothing', async () => {
    env = await testEngine();
    await env.call('createWorkspace', { path: env.tmp.file('w.atw') });
    const { jobId } = await env.call('startRegistryImport', { fileName: 'registry-two-bad-rows.csv', contentBase64: fixture('registry-two-bad-rows.csv') });
    const job = await finished(jobId);
    expect(job.state).toBe('failed');
    expect(job.error?.message).toMatch(/nothing was imported/);
    expect((await env.call('listAgents', {})).workspaceTotal).toBe(0);
  });

  it('cancelling a large import leaves the workspace as it was', async () => {
    env = await testEngine();
    await env.call('createWorkspace', { path: env.tmp.file('w.atw') });
    await env.call('createAgent', { draft: { name: 'existing' } });
    const rows = Array.from({ length: 30_000 }, (_, i) => `bulk-agent-${i},confirmed,cron: 0 * * * *,db.t${i}:write,KEY_${i},Person ${i},p${i}@x.example,2026-01-01,Stop it`);
    const csv = ['name,status,trigger,data access,credentials,owner,owner email,last reviewed,rollback', ...rows].join('\n');
    const { jobId } = await env.call('startRegistryImport', { fileName: 'bulk.csv', contentBase64: Buffer.from(csv).toString('base64') });
    // Wait until rows are being written inside the transaction, then cancel.
    for (let job = await env.call('getJob', { jobId }); job.progress.done === 0 && job.state === 'running'; job = await env.call('getJob', { jobId })) {
      await new Promise((r) => setTimeout(r, 5));
    }
    const cancelled = await env.call('cancelJob', { jobId });
    expect(cancelled.state).toBe('cancelled');
    const list = await env.call('listAgents', {});
    expect(list.rows.map((r) => r.name)).toEqual(['existing']);
  });
});
