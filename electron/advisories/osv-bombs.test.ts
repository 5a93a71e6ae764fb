import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runMemoryProbe } from '../archives/memory-probe';
import { tempDir } from '../store/test-workspace';
import { OSV_BOMBS, type OsvBomb } from './osv-bombs';
import { readOsvRecords } from './osv-record';
import { backendErrorOf as refusal } from '../testing/backend-errors';

const ADVICE = "Import an ecosystem's zip as osv.dev publishes it (e.g. PyPI/all.zip), or split the records into smaller files.";
const REFUSALS: Record<OsvBomb, string> = {
  'huge-entry': `huge-entry.zip was not unpacked: its entry PyPI/GHSA-9999-9999-9999.json inflates to more than 8 MB, the most one entry of an OSV advisory zip may hold. ${ADVICE}`,
  'many-entries': `many-entries.zip was not unpacked: it has more than 500,000 entries, more than an OSV advisory zip holds. ${ADVICE}`,
  'high-ratio': `high-ratio.zip was not unpacked: its entry PyPI/GHSA-9999-9999-9999.json inflates to more than 100 times its compressed size, as zip bombs do. ${ADVICE}`,
  'nested-zip': `nested-zip.zip was not unpacked: its entry npm.zip is itself an archive, which an OSV advisory zip does not hold. ${ADVICE}`,
};
const BOMBS = Object.keys(REFUSALS) as OsvBomb[];
const MEMORY_BUDGET_KB = 256 * 1024;

describe('hostile OSV zips', () => {
  it.each(BOMBS)('%s is refused by the archive limits, naming the file, the limit and what to do', (bomb) => {
    const error = refusal(() => {
      for (const read of readOsvRecords(`${bomb}.zip`, OSV_BOMBS[bomb]())) void read;
    });
    expect(error.code).toBe('import-invalid');
    expect(error.message).toBe(REFUSALS[bomb]);
  });

  it('every one is refused within 256 MB of process memory (measured in a child process)', () => {
    // Written to files first, so the child's peak memory is the import's and not the bombs' making.
    const dir = tempDir('atw-osv-bombs-');
    try {
      const files = BOMBS.map((bomb) => {
        writeFileSync(dir.file(`${bomb}.zip`), OSV_BOMBS[bomb]());
        return dir.file(`${bomb}.zip`);
      });
      const outcomes = runMemoryProbe(fileURLToPath(new URL('./osv-bomb-probe.ts', import.meta.url)), files);
      expect(outcomes.map(({ code, message }) => ({ code, message }))).toEqual(BOMBS.map((name) => ({ code: 'import-invalid', message: REFUSALS[name] })));
      for (const outcome of outcomes) expect(outcome.maxRssKb, outcome.name).toBeLessThan(MEMORY_BUDGET_KB);
    } finally {
      dir.cleanup();
    }
  });
});
