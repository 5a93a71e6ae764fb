import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { BackendError } from '../../shared/errors';
import { tempDir } from '../store/test-workspace';
import { allFuzzTargets, fuzzImporter, type FuzzReport, type FuzzTarget } from './fuzz-importers';
import { SMALL_FUZZ } from './mutations';

const registryFixtures = fileURLToPath(new URL('../registry/fixtures', import.meta.url));
const curatedAdvisories = fileURLToPath(new URL('../../resources/advisories/curated', import.meta.url));

/** `npm run bench fuzz` runs the same targets at full size; here each gets 1,000 small inputs, or its `testInputs`. */
const INPUTS_PER_IMPORTER = 1_000;

const iamFixtures = fileURLToPath(new URL('../iam', import.meta.url));
const demoIam = fileURLToPath(new URL('../../resources/demo/iam', import.meta.url));

const usageFixtures = fileURLToPath(new URL('../usage/formats/fixtures', import.meta.url));

const targets = allFuzzTargets({ registryFixtures, curatedAdvisories, iamFixtures, demoIam, usageFixtures });

function summary(report: FuzzReport): string {
  return `${report.target}: ${report.inputs} inputs, ${report.accepted} accepted, ${report.refused} refused, ${report.crashes} crashes, ${report.partialWrites} partial writes\n${report.failures
    .slice(0, 5)
    .map((f) => `  #${f.input} ${f.kind} (${f.how}): ${f.detail}`)
    .join('\n')}`;
}

describe('fuzzing every importer with generated bad input', () => {
  const tmp = tempDir('atw-fuzz-');
  afterAll(() => tmp.cleanup());

  it.each(targets.map((t) => [t.name, t] as const))('%s: no crash, no partial write, every refusal names the file', async (_name, target) => {
    const count = target.testInputs ?? INPUTS_PER_IMPORTER;
    const report = await fuzzImporter(target, tmp.dir, { count, seed: 20261206, size: SMALL_FUZZ });
    expect(report.inputs).toBe(count);
    // Most generated inputs must really be bad: a fuzzer that only makes valid files tests nothing.
    expect(report.refused).toBeGreaterThan(count / 4);
    expect(report.crashes, summary(report)).toBe(0);
    expect(report.partialWrites, summary(report)).toBe(0);
    expect(report.unhelpfulRefusals, summary(report)).toBe(0);
    expect(report.damagedWorkspaces).toBe(0);
  }, 300_000);
});

describe('the fuzz harness', () => {
  it('counts a crash, a partial write and a refusal that does not name the file', async () => {
    const tmp = tempDir('atw-fuzz-self-');
    let call = 0;
    const faulty: FuzzTarget = {
      name: 'faulty',
      seeds: async () => [{ fileName: 'seed.csv', bytes: new Uint8Array([1]) }],
      mutate: (_random, seed) => ({ ...seed, how: 'as is' }),
      importFile: async (ws, input) => {
        call++;
        if (call === 1) throw new TypeError('cannot read properties of undefined');
        if (call === 2) {
          ws.db.prepare(`INSERT INTO workspace_meta (key, value) VALUES ('half', 'written')`).run();
          throw new BackendError('import-invalid', `${input.fileName} is broken in row 3 and was (supposedly) not imported.`);
        }
        throw new BackendError('import-invalid', 'invalid');
      },
    };
    try {
      const report = await fuzzImporter(faulty, tmp.dir, { count: 3, seed: 1, size: SMALL_FUZZ });
      expect([report.crashes, report.partialWrites, report.unhelpfulRefusals]).toEqual([1, 1, 1]);
      expect(report.failures.map((f) => f.kind)).toEqual(['crash', 'partial write', 'unhelpful refusal']);
    } finally {
      tmp.cleanup();
    }
  });
});
