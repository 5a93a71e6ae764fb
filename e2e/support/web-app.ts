import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { test as base } from '@playwright/test';

export interface WebApp {
  /** The URL the CLI printed, token included. */
  url: string;
  /** AGENT_TRIAGE_HOME of this server: demo workspace, recent list, state. */
  home: string;
  /** A scratch folder for files the test writes (workspaces, downloads). */
  scratch: string;
  /** The server's temp folder (its TMPDIR): where the engine keeps exports until they are taken. */
  serverTemp: string;
}

const ROOT = resolve(import.meta.dirname, '..', '..');

/**
 * Starts the built app the way a user does (`agent-triage serve`), on a fresh home folder so
 * every test sees a first launch, and reads the URL with its token from the --json line.
 */
async function startServer(home: string, serverTemp: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'agent-triage.mjs'), 'serve', '--json'], {
    cwd: ROOT,
    // A temp folder of its own: a test can see what the engine leaves there, and nothing it leaves outlives the test.
    env: { ...process.env, AGENT_TRIAGE_HOME: home, TMPDIR: serverTemp, TEMP: serverTemp, TMP: serverTemp },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const lines = createInterface({ input: child.stdout! });
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start in 30 s: ${stderr}`)), 30_000);
    lines.once('line', (line) => {
      clearTimeout(timer);
      const parsed = JSON.parse(line) as { ok: boolean; value?: { url: string } };
      if (!parsed.ok || !parsed.value) reject(new Error(`serve failed: ${line} ${stderr}`));
      else resolveUrl(parsed.value.url);
    });
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${stderr}`)));
  });
  return { url, child };
}

export const test = base.extend<{ app: WebApp }>({
  // Playwright requires the fixtures argument to be a destructuring pattern, even when empty.
  // eslint-disable-next-line no-empty-pattern
  app: async ({}, use) => {
    const home = mkdtempSync(join(tmpdir(), 'atw-e2e-home-'));
    const scratch = mkdtempSync(join(tmpdir(), 'atw-e2e-files-'));
    const serverTemp = mkdtempSync(join(tmpdir(), 'atw-e2e-tmp-'));
    const { url, child } = await startServer(home, serverTemp);
    try {
      await use({ url, home, scratch, serverTemp });
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      for (const dir of [home, scratch, serverTemp]) rmSync(dir, { recursive: true, force: true });
    }
  },
});

export { expect } from '@playwright/test';
export const FIXTURES = join(ROOT, 'electron', 'registry', 'fixtures');
