import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { BackendError } from '../../shared/errors';
import { testEngine } from '../api/test-engine';
import { openWorkspaceFile } from './workspace-file';

const secondProcess = fileURLToPath(new URL('./fixtures/second-process.ts', import.meta.url));
const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

/** Another host on the same workspace, as a separate OS process (SQLite's locks are per process). */
function runSecondProcess(workspace: string, label: string): { before: number; after: number } {
  const run = spawnSync(process.execPath, ['--import', 'tsx', secondProcess, workspace, label], { cwd: projectRoot, encoding: 'utf8', timeout: 60_000 });
  if (run.status !== 0) throw new Error(`second process failed (${run.status}): ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').at(-1)!) as { before: number; after: number };
}

/**
 * `sqlite3 FILE 'SELECT count(*) FROM agents'`: another program opening, reading and closing the
 * file. The Debian sqlite3 shell deletes the WAL on close when it believes it is the last user,
 * which is exactly what a process that lost its locks lets it believe. (.ci/run installs it.)
 */
function readOnceElsewhere(workspace: string): number {
  const run = spawnSync('sqlite3', [workspace, 'SELECT count(*) FROM agents'], { encoding: 'utf8', timeout: 30_000 });
  if (run.error) throw new Error(`this test needs the sqlite3 shell (Debian: apt-get install sqlite3): ${run.error.message}`);
  if (run.status !== 0) throw new Error(`sqlite3 failed: ${run.stderr}`);
  return Number(run.stdout.trim());
}

function csvFile(name: string): { fileName: string; contentBase64: string } {
  return { fileName: `${name}.csv`, contentBase64: Buffer.from(`Name,Trigger\n${name},cron\n`).toString('base64') };
}

describe('a workspace open in two processes', () => {
  it('keeps every committed row of both after a job ran in the first and the second came and went', async () => {
    const env = await testEngine();
    const path = env.tmp.file('shared.atw');
    try {
      await env.call('createWorkspace', { path });
      await env.call('createAgent', { draft: { name: 'first-direct' } });
      // Any job opens the workspace in a worker thread of this process: that must not cost the
      // process its SQLite locks, or the next process to close the file deletes our WAL.
      const job = await env.startFileImport(csvFile('first-job'));
      expect((await env.finished(job.jobId)).state).toBe('succeeded');

      // Any program reading the file once (sqlite3, a viewer) and closing it: with our locks gone
      // it believes it is the last user and deletes the live WAL.
      expect(readOnceElsewhere(path)).toBe(2);
      const seen = runSecondProcess(path, 'second');
      expect(seen).toEqual({ before: 2, after: 4 });

      // Written by the first process after the second closed: must land in the live file.
      await env.call('createAgent', { draft: { name: 'first-after' } });
      const concurrent = await env.startFileImport(csvFile('first-concurrent'));
      const third = runSecondProcess(path, 'third');
      expect((await env.finished(concurrent.jobId)).state).toBe('succeeded');
      // The first process's job may commit while the third counts: at least the third's own two rows.
      expect(third.after - third.before).toBeGreaterThanOrEqual(2);
    } finally {
      await env.engine.close();
    }
    const reopened = openWorkspaceFile(path);
    try {
      const names = (reopened.db.prepare('SELECT name FROM agents ORDER BY name').all() as Array<{ name: string }>).map((r) => r.name);
      expect(names).toEqual(['first-after', 'first-concurrent', 'first-direct', 'first-job', 'second-direct', 'second-imported', 'third-direct', 'third-imported']);
      expect(reopened.db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      reopened.close();
      env.tmp.cleanup();
    }
  }, 120_000);
});

/** Another process that keeps the workspace open (as a second app window would) until told to stop. */
async function holdOpenElsewhere(workspace: string): Promise<{ pid: number; release: () => Promise<number> }> {
  const script = `const D = require('better-sqlite3'); const db = new D(process.argv[1], { fileMustExist: true });
    db.pragma('journal_mode = WAL'); db.prepare('SELECT count(*) FROM agents').get(); process.stdout.write('ready\\n');
    process.stdin.on('end', () => { const n = db.prepare('SELECT count(*) AS n FROM agents').get().n; db.close(); process.stdout.write(String(n)); });
    process.stdin.resume();`;
  const child = spawn(process.execPath, ['-e', script, workspace], { cwd: projectRoot, stdio: ['pipe', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  await new Promise<void>((ready, fail) => {
    child.stdout.on('data', () => out.includes('ready') && ready());
    child.on('exit', (code) => fail(new Error(`holder exited early (${code})`)));
  });
  return {
    pid: child.pid!,
    release: async () => {
      const exited = new Promise<void>((done) => child.on('exit', () => done()));
      child.stdin.end();
      await exited;
      return Number(out.replace('ready', '').trim());
    },
  };
}

describe('replacing a workspace another process has open', () => {
  it('is refused with the holding process named, and the holder keeps its file', async () => {
    const env = await testEngine();
    const held = env.tmp.file('held.atw');
    try {
      await env.call('createWorkspace', { path: held });
      await env.call('createAgent', { draft: { name: 'kept' } });
      await env.call('createWorkspace', { path: env.tmp.file('other.atw') });
      const holder = await holdOpenElsewhere(held);
      const refusal = (promise: Promise<unknown>) => promise.then(() => null, (err: BackendError) => `${err.code}: ${err.message}`);

      const overwrite = await refusal(env.call('createWorkspace', { path: held, overwrite: true }));
      expect(overwrite).toMatch(/^conflict: .*held\.atw is open in another program/);
      expect(overwrite).toContain(`process ${holder.pid}`);
      expect(await refusal(env.call('saveWorkspaceAs', { path: held, overwrite: true }))).toMatch(/^conflict: .*open in another program/);
      // The refused commands left this process where it was.
      expect((await env.call('currentWorkspace', {}))?.name).toBe('other');
      expect(await holder.release()).toBe(1);

      // Once nobody holds it, the person's explicit overwrite goes ahead.
      await env.call('saveWorkspaceAs', { path: held, overwrite: true });
      expect((await env.call('listAgents', {})).workspaceTotal).toBe(0);
    } finally {
      await env.close();
    }
  }, 60_000);
});
