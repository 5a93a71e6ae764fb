/**
 * Child-process entry of workbook-bombs.test.ts: imports each workbook file named on the command
 * line through the registry reader, in a process of its own, and reports how each was refused
 * with the peak memory the process reached.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { reportProbeOutcomes } from '../archives/memory-probe';
import { parseRegistryFile } from './parse-file';

await reportProbeOutcomes(process.argv.slice(2).map((path) => ({ name: basename(path), run: () => parseRegistryFile(basename(path), readFileSync(path)) })));
