import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TempDir {
  dir: string;
  file: (name: string) => string;
  cleanup: () => void;
}

/** A temp folder per test for real workspace files; removed by the returned cleanup. */
export function tempDir(prefix = 'atw-test-'): TempDir {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, file: (name) => join(dir, name), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
