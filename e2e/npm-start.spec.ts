import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { electronRuntimeAvailable } from './electron/electron-app';

const ROOT = resolve(import.meta.dirname, '..');
const FALLBACK_LINE = 'Electron runtime not installed here; serving the app on 127.0.0.1 instead.';
const URL_LINE = /^Agent Triage Workstation is serving .+ at (http:\/\/127\.0\.0\.1:\d+\/\?token=([\w-]+))$/m;

test.skip(process.platform === 'win32', 'Stops `npm start` through its POSIX process group');
test.skip(electronRuntimeAvailable(), 'Electron runtime installed here: `npm start` opens the desktop app (e2e/electron covers it) instead of printing a URL');

test('npm start without the Electron runtime serves the app and prints its URL with the token', async ({ page, request }) => {
  const home = mkdtempSync(join(tmpdir(), 'atw-npm-start-'));
  // The real script as a person types it, in its own process group: npm, the shell, the build,
  // scripts/start.mjs and the server it starts all stop together, as on Ctrl+C in a terminal.
  const npmStart = spawn('npm', ['start'], { cwd: ROOT, env: { ...process.env, AGENT_TRIAGE_HOME: home }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const group = npmStart.pid!;
  let output = '';
  npmStart.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  npmStart.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolveExit) => npmStart.once('exit', () => resolveExit()));
  try {
    // `npm start` builds first (electron-vite build, a few seconds), then serves.
    await expect.poll(() => URL_LINE.test(output), { message: `npm start printed no URL:\n${output}`, timeout: 45_000 }).toBe(true);
    const [, url, token] = URL_LINE.exec(output)!;
    expect(output).toContain(FALLBACK_LINE);

    const pageResponse = await request.get(url!);
    expect(pageResponse.status()).toBe(200);
    expect(await pageResponse.text()).toContain('<title>Agent Triage Workstation</title>');
    const origin = new URL(url!).origin;
    const withToken = await request.post(`${origin}/api/currentWorkspace`, { headers: { Authorization: `Bearer ${token}` }, data: {} });
    expect(await withToken.json()).toMatchObject({ ok: true, value: { name: 'Northwind Pay (demo)', isDemo: true } });

    await page.goto(url!);
    await expect(page.getByText('Northwind Pay (demo)')).toBeVisible();

    process.kill(-group, 'SIGTERM');
    await exited;
    // Every process of the group has gone, and with them the server.
    await expect.poll(() => groupAlive(group), { timeout: 10_000 }).toBe(false);
    await expect(fetch(url!)).rejects.toThrow();
  } finally {
    if (groupAlive(group)) process.kill(-group, 'SIGKILL');
    rmSync(home, { recursive: true, force: true });
  }
});

function groupAlive(group: number): boolean {
  try {
    process.kill(-group, 0);
    return true;
  } catch {
    return false;
  }
}
