import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SCRATCH_FOLDER_PREFIX, ScratchFolder } from './scratch-folder';

const made: string[] = [];
const folder = (name: string, file = 'registry.xlsx') => {
  const dir = join(tmpdir(), name);
  mkdirSync(dir);
  writeFileSync(join(dir, file), 'half-written');
  made.push(dir);
  return dir;
};

afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("the engine's scratch folder", () => {
  it('removes the folders an engine killed before it could close left behind, never a running one\'s', async () => {
    // A process that has ended: its id no longer runs.
    const ended = spawnSync(process.execPath, ['-e', '']).pid!;
    const running = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    try {
      const killed = folder(`${SCRATCH_FOLDER_PREFIX}${ended}-a1B2c3`, 'report.pdf');
      const alive = folder(`${SCRATCH_FOLDER_PREFIX}${running.pid}-d4E5f6`);
      const older = folder(`${SCRATCH_FOLDER_PREFIX}g7H8i9`);
      const scratch = new ScratchFolder();
      const path = scratch.path('agents.csv');
      try {
        expect(existsSync(killed)).toBe(false);
        expect(existsSync(alive)).toBe(true);
        // From before folders were named after their process: whose it is cannot be told, so it stays.
        expect(existsSync(older)).toBe(true);
        expect(dirname(path).startsWith(join(tmpdir(), `${SCRATCH_FOLDER_PREFIX}${process.pid}-`))).toBe(true);
      } finally {
        scratch.remove();
      }
      expect(readdirSync(tmpdir()).filter((name) => name.startsWith(`${SCRATCH_FOLDER_PREFIX}${process.pid}-`))).toEqual([]);
    } finally {
      running.kill();
    }
  });
});
