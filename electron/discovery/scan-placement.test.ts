import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { APP_STALL_BUDGET_MS, CLI_STALL_BUDGET_MS } from '../api/host-stall-budget';
import { tempDir, type TempDir } from '../store/test-workspace';
import { predictedScanMs, scanRunsOnHostThread } from './scan-placement';

/**
 * Where a scan runs: a folder of a few files on the command line's own thread (a job worker would
 * load the walk, the analyzers and the rule packs again first, most of such a scan's wait); a
 * repository, or anything from the app, in a job worker.
 */

let tmp: TempDir;
beforeEach(() => (tmp = tempDir()));
afterEach(() => tmp.cleanup());

function folderOf(files: number, sub = ''): string {
  const dir = join(tmp.dir, 'repo', sub);
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < files; i++) writeFileSync(join(dir, `f${i}.py`), 'print(1)\n');
  return join(tmp.dir, 'repo');
}

describe('where a scan runs', () => {
  it('scans a folder of one script on the command line thread, and from the app in a worker', () => {
    const root = folderOf(1);
    expect(scanRunsOnHostThread([root], CLI_STALL_BUDGET_MS)).toBe(true);
    expect(scanRunsOnHostThread([root], APP_STALL_BUDGET_MS)).toBe(false);
  });

  it('counts files in sub-folders and every root named', () => {
    folderOf(10);
    const root = folderOf(10, 'src/agents');
    const other = join(tmp.dir, 'other');
    mkdirSync(other);
    for (let i = 0; i < 30; i++) writeFileSync(join(other, `g${i}.ts`), '');
    expect(predictedScanMs([root])).toBeLessThan(predictedScanMs([root, other]));
    expect(scanRunsOnHostThread([root], CLI_STALL_BUDGET_MS)).toBe(true);
    expect(scanRunsOnHostThread([root, other], CLI_STALL_BUDGET_MS)).toBe(false);
  });

  it('sends a repository of more files than it looks at to a worker, whatever its size', () => {
    const root = folderOf(60);
    expect(predictedScanMs([root])).toBe(Infinity);
    expect(scanRunsOnHostThread([root], CLI_STALL_BUDGET_MS)).toBe(false);
  });

  it('leaves a folder it cannot read to the scan, which says why', () => {
    expect(scanRunsOnHostThread([join(tmp.dir, 'missing')], CLI_STALL_BUDGET_MS)).toBe(true);
  });
});
