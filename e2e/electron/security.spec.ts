import { expect, test } from '@playwright/test';
import { METHOD_NAMES, type WorkspaceInfo } from '../../shared/contract';
import type { ApiResult } from '../../shared/errors';
import type { ElectronBridge } from '../../shared/wire';
import { electronRuntimeAvailable, launchApp, type LaunchedApp } from './electron-app';

test.skip(!electronRuntimeAvailable(), 'Electron runtime not installed on this machine (npm install could not download it); these run where it is');

// One app for the file: launching Electron costs seconds, and no test here changes the workspace
// in a way another depends on.
test.describe.configure({ mode: 'serial' });

let launched: LaunchedApp;
test.beforeAll(async () => {
  launched = await launchApp();
});
test.afterAll(async () => {
  await launched?.close();
});

test('the window opens on the demo workspace', async () => {
  const { page } = launched;
  const current = await page.evaluate(() => window.agentTriage!.currentWorkspace({}));
  expect(current.ok).toBe(true);
  const demo = (current as { ok: true; value: WorkspaceInfo | null }).value;
  expect(demo?.isDemo).toBe(true);
  await expect(page.getByText(demo!.name).first()).toBeVisible();

  const info = await page.evaluate(() => window.agentTriage!.appInfo({}));
  expect(info).toMatchObject({ ok: true, value: { host: 'electron', nativeDialogs: true } });
});

test('the page runs isolated from Node and Electron', async () => {
  const { page } = launched;
  // contextBridge hands the page native proxies of the preload's functions, never the functions
  // themselves; without context isolation the preload's source would show here.
  expect(await page.evaluate(() => String(window.agentTriage!.appInfo))).toContain('[native code]');
  expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
  expect(await page.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
  expect(await page.evaluate(() => typeof (globalThis as { module?: unknown }).module)).toBe('undefined');
});

test('the bridge offers exactly the contract methods and onWorkspaceChanged, all functions', async () => {
  const { page } = launched;
  const bridge = await page.evaluate(() => Object.entries(window.agentTriage ?? {}).map(([name, value]) => [name, typeof value] as const));
  expect(bridge.map(([name]) => name).sort()).toEqual([...METHOD_NAMES, 'onWorkspaceChanged'].sort());
  expect(new Set(bridge.map(([, type]) => type))).toEqual(new Set(['function']));
  // Nothing generic leaks through: no way to name another IPC channel.
  expect(await page.evaluate(() => 'ipcRenderer' in window || 'electron' in window)).toBe(false);
});

test('the engine validates what the page sends before anything runs', async () => {
  const { page } = launched;
  const result = await page.evaluate(() => {
    const call = (window.agentTriage as unknown as Record<string, (input: unknown) => Promise<ApiResult<unknown>>>).getAgent;
    return call!({ id: '' });
  });
  expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
});

test('navigation away from the app is blocked', async () => {
  const { page } = launched;
  const appUrl = page.url();
  const navigated = page.waitForEvent('framenavigated', { timeout: 2_000 }).then(
    () => true,
    () => false,
  );
  await page.evaluate(() => {
    window.location.href = 'https://example.com/';
  });
  expect(await navigated).toBe(false);
  expect(page.url()).toBe(appUrl);
});

test('new windows are refused', async () => {
  const { app, page } = launched;
  // Not http(s): those are handed to the OS browser, which a test must not open.
  expect(await page.evaluate(() => window.open('about:blank') === null)).toBe(true);
  expect(await page.evaluate(() => window.open('file:///etc/hosts') === null)).toBe(true);
  expect(app.windows()).toHaveLength(1);
});

test('remote content cannot be loaded', async () => {
  const { page } = launched;
  const outcome = await page.evaluate(async () => {
    try {
      await fetch('https://example.com/');
      return 'loaded';
    } catch {
      return 'blocked';
    }
  });
  expect(outcome).toBe('blocked');
});

test('File ▸ Open Demo switches through the engine and tells the page', async () => {
  const { app, page } = launched;
  await page.evaluate(() => {
    const flag = window as unknown as { workspaceChanges: number };
    flag.workspaceChanges = 0;
    (window.agentTriage as ElectronBridge).onWorkspaceChanged(() => {
      flag.workspaceChanges += 1;
    });
  });
  const fileMenu = await app.evaluate(({ Menu }) =>
    ['new-workspace', 'open-workspace', 'open-recent', 'open-demo', 'save-workspace-as'].map((id) => Menu.getApplicationMenu()?.getMenuItemById(id)?.label ?? null),
  );
  expect(fileMenu).toEqual(['New Workspace…', 'Open Workspace…', 'Open Recent', 'Open Demo', 'Save Workspace As…']);

  await app.evaluate(({ Menu }) => Menu.getApplicationMenu()?.getMenuItemById('open-demo')?.click());
  await expect.poll(() => page.evaluate(() => (window as unknown as { workspaceChanges: number }).workspaceChanges)).toBe(1);
});
