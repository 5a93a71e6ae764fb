import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron, type ElectronApplication, type Page } from '@playwright/test';

const projectRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..');

/** The Electron binary, or null where npm install could not fetch the runtime (or was told not to). */
export function electronExecutable(): string | null {
  try {
    // Under plain Node the electron package exports its binary's path, and throws when it has none.
    const binary: unknown = createRequire(import.meta.url)('electron');
    return typeof binary === 'string' && existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

export function electronRuntimeAvailable(): boolean {
  return electronExecutable() !== null;
}

/** better-sqlite3 built for Electron's ABI, made (once, cached) by the same script `npm start` uses. */
function electronSqliteBinding(): string {
  const output = execFileSync(process.execPath, [join(projectRoot, 'scripts', 'start.mjs'), '--prepare-native'], { encoding: 'utf8' });
  return output.trim().split('\n').at(-1) ?? '';
}

export interface LaunchedApp {
  app: ElectronApplication;
  page: Page;
  close(): Promise<void>;
}

/** Starts the built app (out/) with its own empty home folder, so it opens the demo as on a first launch. */
export async function launchApp(): Promise<LaunchedApp> {
  const executablePath = electronExecutable();
  if (executablePath === null) throw new Error('Electron runtime not installed');
  const home = mkdtempSync(join(tmpdir(), 'agent-triage-electron-e2e-'));
  const app = await _electron.launch({
    executablePath,
    // The project folder: Electron reads package.json (main: out/main/index.js) as an installed app would.
    // Chromium refuses to start as root with its OS sandbox (CI containers run as root); the
    // renderer is still sandboxed by Electron (no Node in the page or the preload).
    args: [projectRoot, ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
    cwd: projectRoot,
    env: { ...process.env, AGENT_TRIAGE_HOME: home, AGENT_TRIAGE_SQLITE_BINDING: electronSqliteBinding(), ELECTRON_RUN_AS_NODE: '' },
  });
  const page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
  return {
    app,
    page,
    close: async () => {
      await app.close();
      rmSync(home, { recursive: true, force: true });
    },
  };
}
