import { randomBytes } from 'node:crypto';
import type { DiscoveredAgent } from '../shared/discovery';
import { loadCorpus } from '../electron/discovery/corpus/corpus-expectation';
import { scoreCorpus } from '../electron/discovery/corpus/score';
import { AnalyzerPool } from '../electron/discovery/scan/analyzer-pool';
import { scanFolder } from '../electron/discovery/scan/scan-folder';
import { row } from './stats';

/**
 * The accuracy table of repository discovery over the labelled corpus (the same figures the
 * corpus accuracy test asserts: 0.95 for agents, links and untrusted inputs, 0.9 for capabilities),
 * per repository and in total.
 */
export async function accuracyBench(): Promise<void> {
  const corpus = loadCorpus();
  const fingerprintKey = randomBytes(32);
  const pool = new AnalyzerPool(new Set(), fingerprintKey, 2);
  try {
    const predicted: Record<string, DiscoveredAgent[]> = {};
    for (const repo of corpus) predicted[repo.name] = (await scanFolder(repo.root, { pool, label: repo.name, fingerprintKey })).agents;
    const score = scoreCorpus(Object.fromEntries(corpus.map((r) => [r.name, r.expected])), predicted);
    console.log(`\nDiscovery accuracy over the labelled corpus (${corpus.length} repositories)`);
    const counts = (t: { tp: number; fp: number; fn: number }) => `${t.tp}/${t.fp}/${t.fn}`;
    console.log(`  ${'repository'.padEnd(34)} ${'agents tp/fp/fn'.padStart(16)} ${'capabilities tp/fp/fn'.padStart(22)} ${'untrusted inputs tp/fp/fn'.padStart(26)} ${'links tp/fp/fn'.padStart(15)}`);
    for (const r of score.perRepo) {
      console.log(`  ${r.repo.padEnd(34)} ${counts(r.agents).padStart(16)} ${counts(r.capabilities).padStart(22)} ${counts(r.untrustedInputs).padStart(26)} ${counts(r.links).padStart(15)}`);
    }
    const pct = (n: number) => n.toFixed(3);
    row('agents: precision / recall', `${pct(score.agents.precision)} / ${pct(score.agents.recall)}`, '>= 0.95');
    row('capabilities: precision / recall', `${pct(score.capabilities.precision)} / ${pct(score.capabilities.recall)}`, '>= 0.9');
    row('untrusted inputs: precision / recall', `${pct(score.untrustedInputs.precision)} / ${pct(score.untrustedInputs.recall)}`, '>= 0.95');
    row('links: precision / recall', `${pct(score.links.precision)} / ${pct(score.links.recall)}`, '>= 0.95');
  } finally {
    await pool.close();
  }
}
