import { afterEach, beforeEach } from 'vitest';
import { tempDir, type TempDir } from './test-workspace';

/**
 * A fresh temp folder for each test of the file that calls this (at its top level or in a
 * describe), made before the test and removed after it: `dir` and `file` are the running test's.
 * Made per test rather than once at load, so no folder is made that no test removes.
 */
export function tempDirPerTest(prefix = 'atw-test-'): Pick<TempDir, 'dir' | 'file'> {
  let current: TempDir | null = null;
  beforeEach(() => {
    current = tempDir(prefix);
  });
  afterEach(() => {
    current?.cleanup();
    current = null;
  });
  const running = (): TempDir => {
    if (!current) throw new Error('The per-test temp folder exists only while a test runs.');
    return current;
  };
  return {
    get dir() {
      return running().dir;
    },
    file: (name) => running().file(name),
  };
}
