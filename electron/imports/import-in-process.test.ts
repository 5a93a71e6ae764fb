import { afterEach, describe, expect, it } from 'vitest';
import { testEngine } from '../api/test-engine';

/**
 * Small imports run on the host's thread, large ones in a job worker (EngineOptions.hostStallBudgetMs).
 * Where it runs must never show: the same file gives the same agents, audit trail, preview,
 * skipped rows and cancel either way.
 */

type Env = Awaited<ReturnType<typeof testEngine>>;
const envs: Env[] = [];
afterEach(async () => {
  for (const env of envs.splice(0)) await env.close();
});

/** One engine that imports everything in-process, one that sends everything to a worker. */
async function engines(): Promise<Array<[string, Env]>> {
  const inProcess = await testEngine({ hostStallBudgetMs: Number.POSITIVE_INFINITY });
  const inWorker = await testEngine({ hostStallBudgetMs: 0 });
  envs.push(inProcess, inWorker);
  for (const env of [inProcess, inWorker]) await env.call('createWorkspace', { path: env.tmp.file('w.atw') });
  return [
    ['in-process', inProcess],
    ['worker', inWorker],
  ];
}

const csv = (rows: string[]) => Buffer.from(['name,status,owner,owner email,data access', ...rows].join('\n')).toString('base64');
const goodRows = Array.from({ length: 40 }, (_, i) => `agent ${i},confirmed,Person ${i},p${i}@corp.example,db.orders:${i % 2 ? 'read' : 'write'}`);

describe('an import in-process or in a worker', () => {
  it('previews, imports with the rows the person skipped left out, and audits every created agent the same way', async () => {
    const outcomes = [];
    for (const [, env] of await engines()) {
      const file = { fileName: 'registry.csv', contentBase64: csv([...goodRows, 'agent 3,confirmed,,,']) };
      const preview = await env.previewRegistry(file);
      expect(preview.invalidRows).toEqual([42]);
      const { jobId } = await env.startFileImport(file, preview.invalidRows);
      const job = await env.finished(jobId);
      expect(job.state).toBe('succeeded');
      const list = await env.call('listAgents', {});
      const audit = await env.call('agentAudit', { id: list.rows[0]!.id });
      outcomes.push({
        counts: job.result?.kind === 'import' ? job.result.value[0]?.counts : null,
        names: list.rows.map((r) => r.name).sort(),
        audit: audit.map((a) => ({ field: a.field, actor: a.actor, via: a.via })),
      });
    }
    expect(outcomes[0]).toEqual(outcomes[1]);
    expect(outcomes[0]!.counts).toMatchObject({ created: 40, skipped: 1 });
  });

  it('plans again at the go-ahead when the workspace changed after the preview, so no agent is created twice', async () => {
    for (const [where, env] of await engines()) {
      const file = { fileName: 'registry.csv', contentBase64: csv(goodRows.slice(0, 2)) };
      const preview = await env.previewRegistry(file);
      expect(preview.totals.create, where).toBe(2);
      // Someone adds one of the file's agents by hand before the person confirms the import.
      await env.call('createAgent', { draft: { name: 'agent 1' } });
      const job = await env.finished((await env.startFileImport(file)).jobId);
      expect(job.result?.kind === 'import' && job.result.value[0]?.counts, where).toMatchObject({ created: 1, updated: 1 });
      expect((await env.call('listAgents', {})).rows.map((r) => r.name).sort(), where).toEqual(['agent 0', 'agent 1']);
    }
  });

  it('refuses a file with errors, naming the rows, and writes nothing', async () => {
    for (const [where, env] of await engines()) {
      const { jobId } = await env.startFileImport({ fileName: 'bad.csv', contentBase64: csv(['ok agent,confirmed,,,', ',confirmed,,,']) });
      const job = await env.finished(jobId);
      expect(job.state, where).toBe('failed');
      expect(job.error?.message, where).toMatch(/^bad\.csv has 1 problem in 1 row; nothing was imported/);
      expect((await env.call('listAgents', {})).workspaceTotal, where).toBe(0);
    }
  });

  it('a preview nobody imports is let go when the person checks other files, and nothing is written', async () => {
    for (const [where, env] of await engines()) {
      await env.previewRegistry({ fileName: 'first.csv', contentBase64: csv(goodRows) });
      // Checking other files drops the first preview's waiting job (cancelled), then previews these.
      const second = await env.previewRegistry({ fileName: 'second.csv', contentBase64: csv(goodRows.slice(0, 3)) });
      expect(second.totals.create, where).toBe(3);
      expect((await env.call('listAgents', {})).workspaceTotal, where).toBe(0);
    }
  });
});
