import { readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BackendError } from '../../shared/errors';
import { createAgents } from '../agents/agents-repository';
import { APP_STALL_BUDGET_MS, CLI_STALL_BUDGET_MS } from '../api/host-stall-budget';
import { SCRATCH_FOLDER_PREFIX } from '../api/scratch-folder';
import { testEngine } from '../api/test-engine';
import { inlineJobContext } from '../jobs/job-context';
import { parseRegistryFile } from '../registry/parse-file';
import { createWorkspaceFile } from '../store/workspace-file';
import { runWorkspaceExport } from './export-job';
import { exportRunsOnHostThread } from './export-placement';
import { exportFormatById } from './formats';

/**
 * An export is written into a folder of the engine's own in the temp folder and handed over from
 * there. Whatever happens to it (taken, never taken, cancelled, failed) nothing of it is left once
 * the engine closes, and a write that cannot happen says what was wrong and what to do.
 * Each test file runs with a temp folder of its own (electron/testing/own-temp-folder.ts), so the
 * folders listed here are this file's alone.
 */

type Env = Awaited<ReturnType<typeof testEngine>>;
let env: Env | null = null;
afterEach(async () => {
  await env?.close();
  env = null;
});

const scratchFolders = () => readdirSync(tmpdir()).filter((name) => name.startsWith(SCRATCH_FOLDER_PREFIX));
const filesInScratch = () => scratchFolders().flatMap((folder) => readdirSync(join(tmpdir(), folder)));

/** An engine with a workspace of `count` agents open, named Acme. */
async function engineWithAgents(count: number, options: Parameters<typeof testEngine>[0] = {}): Promise<Env> {
  env = await testEngine(options);
  const path = env.tmp.file('Acme.atw');
  const ws = createWorkspaceFile(path);
  createAgents(
    ws.db,
    Array.from({ length: count }, (_, i) => ({ name: `agent ${String(i).padStart(5, '0')}`, owner: { name: `Person ${i}`, email: `p${i}@corp.example` }, dataAccess: [{ source: 'zendesk', access: 'read' as const }] })),
    { actor: 'tester', via: 'test' },
  );
  ws.close();
  await env.call('openWorkspace', { path });
  return env;
}

describe('the registry spreadsheet export', () => {
  it('is a job like every export: it counts every agent, hands over a workbook named after the workspace that imports back, and leaves no folder once the engine closes', async () => {
    const env = await engineWithAgents(120);
    const job = await env.finished((await env.call('startWorkspaceExport', { format: 'registry-xlsx' })).id);
    expect(job).toMatchObject({ state: 'succeeded', title: 'Export Agent registry (XLSX)', progress: { done: 122, total: 122, message: 'Wrote the Agent registry (XLSX)' } });
    const file = await env.call('takeWorkspaceExport', { jobId: job.id });
    expect(file.fileName).toMatch(/^acme-agent-registry-\d{4}-\d{2}-\d{2}\.xlsx$/);
    expect(file.mimeType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const parsed = await parseRegistryFile(file.fileName, Buffer.from(file.contentBase64, 'base64'));
    expect(parsed.rows).toHaveLength(120);
    expect(parsed.rows[7]!.fields).toMatchObject({ name: 'agent 00007', owner: { name: 'Person 7', email: 'p7@corp.example' } });
    // Taken: the file is gone from the engine's folder at once, and the folder goes with the engine.
    expect(filesInScratch()).toEqual([]);
    await env.close();
    expect(scratchFolders()).toEqual([]);
  });

  it('a cancel in the middle of a 10,000-agent workbook leaves no file, whole or partial, and says nothing was written', async () => {
    const env = await engineWithAgents(10_000);
    const { id } = await env.call('startWorkspaceExport', { format: 'registry-xlsx' });
    // Cancelled once the rows are being written: the part that takes the time.
    for (;;) {
      const job = await env.call('getJob', { jobId: id });
      expect(job.state).toBe('running');
      if (job.progress.message.startsWith('Read agent')) break;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const cancelled = await env.call('cancelJob', { jobId: id });
    expect(cancelled).toMatchObject({ state: 'cancelled', error: { code: 'cancelled' } });
    expect(filesInScratch()).toEqual([]);
    await expect(env.call('takeWorkspaceExport', { jobId: id })).rejects.toThrow(/The export cancelled/);
  });
});

describe('where an export runs', () => {
  it('a small registry runs on the host thread (no worker start-up for the CLI), a workbook for the app or a large one in a worker, the rest always in a worker', () => {
    const csv = exportFormatById('registry-csv')!;
    const xlsx = exportFormatById('registry-xlsx')!;
    expect(exportRunsOnHostThread(csv, 10, CLI_STALL_BUDGET_MS)).toBe(true);
    expect(exportRunsOnHostThread(csv, 10, APP_STALL_BUDGET_MS)).toBe(true);
    expect(exportRunsOnHostThread(csv, 10_000, APP_STALL_BUDGET_MS)).toBe(false);
    expect(exportRunsOnHostThread(csv, 10_000, CLI_STALL_BUDGET_MS)).toBe(true);
    // exceljs alone takes longer to load than the app may stall.
    expect(exportRunsOnHostThread(xlsx, 1, APP_STALL_BUDGET_MS)).toBe(false);
    expect(exportRunsOnHostThread(xlsx, 1_000, CLI_STALL_BUDGET_MS)).toBe(true);
    expect(exportRunsOnHostThread(xlsx, 10_000, CLI_STALL_BUDGET_MS)).toBe(false);
    for (const id of ['sarif', 'cyclonedx', 'manifest', 'json']) expect(exportRunsOnHostThread(exportFormatById(id)!, 1, Number.POSITIVE_INFINITY)).toBe(false);
  });

  it('on the host thread or in a worker, the job and its file are the same', async () => {
    const contents: string[] = [];
    for (const hostStallBudgetMs of [Number.POSITIVE_INFINITY, 0]) {
      const env = await engineWithAgents(5, { hostStallBudgetMs });
      const job = await env.finished((await env.call('startWorkspaceExport', { format: 'registry-csv' })).id);
      expect(job).toMatchObject({ state: 'succeeded', progress: { done: 7, total: 7 } });
      const csv = Buffer.from((await env.call('takeWorkspaceExport', { jobId: job.id })).contentBase64, 'base64').toString('utf8');
      // Each workspace gives its agents ids of its own: the rest of every row is the same.
      contents.push(csv.split('\r\n').map((line) => line.slice(line.indexOf(','))).join('\n'));
      expect(filesInScratch()).toEqual([]);
      await env.close();
    }
    expect(contents[0]).toContain(',agent 00004,candidate,unknown,,zendesk:read,,Person 4,p4@corp.example,');
    expect(contents[0]).toBe(contents[1]);
  });
});

describe('export files in the temp folder', () => {
  it('a file nobody took, a cancelled export and a finished one all go when the engine closes', async () => {
    const env = await engineWithAgents(3);
    const untaken = await env.finished((await env.call('startWorkspaceExport', { format: 'registry-csv' })).id);
    expect(untaken.state).toBe('succeeded');
    // Cancelled before its worker has started: the job's first step stops it.
    const started = await env.call('startWorkspaceExport', { format: 'json' });
    expect(await env.call('cancelJob', { jobId: started.id })).toMatchObject({ state: 'cancelled' });
    expect(filesInScratch()).toHaveLength(1);
    await env.close();
    expect(scratchFolders()).toEqual([]);
  });

  it('a temp folder that cannot be written to is refused at the click, naming the folder and what to do', async () => {
    const env = await engineWithAgents(1);
    const systemTemp = process.env.TMPDIR;
    // A file where the temp folder should be: no folder can be made in it, whoever runs the test (root included).
    const notAFolder = env.tmp.file('not-a-folder');
    writeFileSync(notAFolder, '');
    process.env.TMPDIR = notAFolder;
    try {
      const refused = await env.call('startWorkspaceExport', { format: 'registry-xlsx' }).catch((err: unknown) => err);
      expect(refused).toBeInstanceOf(BackendError);
      expect((refused as BackendError).message).toBe(
        `No file can be made: the temp folder ${notAFolder} cannot be written to (part of the path is a file, not a folder). Free some space there, or start the app with TMPDIR (TEMP on Windows) set to a folder you can write to, and try again.`,
      );
    } finally {
      process.env.TMPDIR = systemTemp;
    }
    // Once the folder is usable again, the export runs.
    expect((await env.finished((await env.call('startWorkspaceExport', { format: 'registry-xlsx' })).id)).state).toBe('succeeded');
  });

  it('a write that fails names where and why, and says what to do', async () => {
    env = await testEngine();
    const ws = createWorkspaceFile(env.tmp.file('Acme.atw'));
    try {
      const target = env.tmp.file('gone/export');
      await expect(runWorkspaceExport(inlineJobContext(ws), { format: 'registry-xlsx', workspaceName: 'Acme', toolVersion: '1', target })).rejects.toThrow(
        `The Agent registry (XLSX) could not be written to ${env.tmp.file('gone')}: no such file or folder. Nothing was saved. Free some space in the temp folder, or start the app with TMPDIR (TEMP on Windows) set to a folder you can write to, and export again.`,
      );
    } finally {
      ws.close();
    }
  });
});
