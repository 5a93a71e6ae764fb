/**
 * Child-process entry of osv-bombs.test.ts: reads each advisory file named on the command line,
 * in a process of its own, and reports how each was refused with the peak memory reached.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { reportProbeOutcomes } from '../archives/memory-probe';
import { readOsvRecords } from './osv-record';

await reportProbeOutcomes(
  process.argv.slice(2).map((path) => ({
    name: basename(path),
    run: () => {
      for (const read of readOsvRecords(basename(path), readFileSync(path))) void read;
    },
  })),
);
