import { accuracyBench } from './accuracy-bench';
import { blastLayoutBench } from './blast-layout-bench';
import { cliBench } from './cli-bench';
import { discoveryBench } from './discovery-bench';
import { fuzzBench } from './fuzz-bench';
import { iamBench } from './iam-bench';
import { largeImportBench } from './large-import-bench';
import { registryBench } from './registry-bench';
import { usageBench } from './usage-bench';
import { triageBench } from './triage-bench';
import { reportBench } from './report-bench';

/** `npm run bench`: prints figures; targets are shown beside them, never asserted. */
const suites: Record<string, () => Promise<void>> = {
  registry: registryBench,
  accuracy: accuracyBench,
  discovery: discoveryBench,
  fuzz: fuzzBench,
  'blast-layout': blastLayoutBench,
  iam: iamBench,
  'large-import': largeImportBench,
  usage: usageBench,
  triage: triageBench,
  report: reportBench,
  cli: cliBench,
};
const wanted = process.argv.slice(2);
for (const [name, suite] of Object.entries(suites)) {
  if (wanted.length === 0 || wanted.includes(name)) await suite();
}
