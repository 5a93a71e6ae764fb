import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../store/test-workspace';
import { AppState } from './app-state';

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
const appStateModule = pathToFileURL(fileURLToPath(new URL('./app-state.ts', import.meta.url))).href;

/** A separate process remembering `count` workspaces, as back-to-back CLI runs do. */
function rememberInAnotherProcess(home: string, label: string, count: number): Promise<number | null> {
  const script = `const { AppState } = await import(${JSON.stringify(appStateModule)});
    const state = new AppState(${JSON.stringify(home)});
    for (let i = 0; i < ${count}; i++) state.rememberOpened('/tmp/${label}-' + i + '.atw');`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: projectRoot, stdio: ['ignore', 'ignore', 'inherit'] });
  return new Promise((done) => child.on('exit', (code) => done(code)));
}

describe('app state', () => {
  const tmp = tempDir('atw-state-');
  afterEach(() => tmp.cleanup());

  it('survives several processes saving at once, leaving no temporary files', async () => {
    const home = tmp.file('home');
    new AppState(home).rememberOpened('/tmp/first.atw');
    const codes = await Promise.all(['a', 'b', 'c'].map((label) => rememberInAnotherProcess(home, label, 200)));
    expect(codes).toEqual([0, 0, 0]);
    expect(readdirSync(home)).toEqual(['state.json']);
    const saved = JSON.parse(readFileSync(`${home}/state.json`, 'utf8')) as { recent: unknown[]; lastWorkspace: string };
    expect(saved.lastWorkspace).toMatch(/^\/tmp\/[abc]-199\.atw$/);
    expect(new AppState(home).recent()).toHaveLength(10);
  });
});
