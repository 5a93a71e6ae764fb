import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { allFuzzTargets, fuzzImporter } from '../electron/fuzz/fuzz-importers';
import { FULL_FUZZ } from '../electron/fuzz/mutations';
import { row } from './stats';

/** Per importer at full size (huge cells, deep JSON, many entries); `npm test` runs 1,000 small ones. */
const INPUTS = 1_000;

/**
 * `npm run bench fuzz`: every importer against generated bad input at full size, on a real
 * workspace file. Prints counts; crashes and partial writes are listed with the input's number
 * and what was done to it, so each can be replayed from the seed.
 */
export async function fuzzBench(): Promise<void> {
  console.log(`\nFuzzing importers (${INPUTS.toLocaleString('en-US')} generated inputs each, full size)`);
  const dir = mkdtempSync(join(tmpdir(), 'atw-fuzz-bench-'));
  try {
    const targets = allFuzzTargets({ registryFixtures: 'electron/registry/fixtures', curatedAdvisories: 'resources/advisories/curated', iamFixtures: 'electron/iam', demoIam: 'resources/demo/iam', usageFixtures: 'electron/usage/formats/fixtures' });
    for (const target of targets) {
      const report = await fuzzImporter(target, dir, { count: INPUTS, seed: 7, size: FULL_FUZZ });
      row(`${target.name}: inputs / accepted / refused`, `${report.inputs} / ${report.accepted} / ${report.refused}`);
      row(`${target.name}: crashes / partial writes / unhelpful refusals`, `${report.crashes} / ${report.partialWrites} / ${report.unhelpfulRefusals}`, '0 / 0 / 0');
      row(`${target.name}: workspace files failing quick_check`, String(report.damagedWorkspaces), '0');
      row(`${target.name}: time, peak RSS so far`, `${(report.milliseconds / 1000).toFixed(1)} s, ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
      for (const failure of report.failures.slice(0, 10)) console.log(`    #${failure.input} ${failure.kind} (${failure.how}): ${failure.detail.split('\n')[0]}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
