import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

/**
 * Every test file runs with a system temp folder of its own, and fails when it leaves anything
 * in it. Tests, and the engine code they run (an export's scratch folder, a fuzz run's files),
 * that made temp folders and never removed them had filled /tmp with hundreds.
 *
 * Listed in vitest.config.ts's setupFiles, so its afterAll is registered before the file's own
 * and runs after them (vitest runs after-hooks in reverse): what a file removes in its afterAll
 * is gone by then.
 */
// The system's folder, kept apart: a fork that runs several files must not nest inside a removed one.
const systemTemp = (process.env.ATW_SYSTEM_TMPDIR ??= tmpdir());
const own = mkdtempSync(join(systemTemp, 'atw-vitest-'));
// tsx (which loads the engine's workers from source under the tests) keeps its compile cache in
// the temp folder as tsx-<uid>: the link keeps it the one in the system's folder, shared by every
// file and run, instead of a cold cache per file.
const tsxCache = `tsx-${process.geteuid ? process.geteuid() : userInfo().username}`;
mkdirSync(join(systemTemp, tsxCache), { recursive: true });
symlinkSync(join(systemTemp, tsxCache), join(own, tsxCache), 'junction');
// os.tmpdir() reads TMPDIR on POSIX and TEMP/TMP on Windows; workers and child processes inherit them.
for (const name of ['TMPDIR', 'TEMP', 'TMP']) process.env[name] = own;

afterAll(() => {
  const left = readdirSync(own).filter((name) => name !== tsxCache);
  // The link goes, not the cache it points to: rm does not follow links.
  rmSync(own, { recursive: true, force: true });
  if (left.length > 0) {
    throw new Error(`This test file left ${left.join(', ')} in the temp folder. Remove what the tests make (tempDirPerTest, or afterEach/afterAll or try/finally around tempDir) and close every engine they start.`);
  }
});
