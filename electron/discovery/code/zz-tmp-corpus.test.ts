import { it } from 'vitest';
import type { DiscoveredAgent } from '../../../shared/discovery';
import { loadCorpus } from '../corpus/corpus-expectation';
import { scoreCorpus } from '../corpus/score';
import { AnalyzerPool } from '../scan/analyzer-pool';
import { scanFolder } from '../scan/scan-folder';
it('tmp', async () => {
  const corpus = loadCorpus();
  const pool = new AnalyzerPool(new Set(), 2);
  const predicted: Record<string, DiscoveredAgent[]> = {};
  for (const repo of corpus) predicted[repo.name] = (await scanFolder(repo.root, { pool, label: repo.name })).agents;
  const score = scoreCorpus(Object.fromEntries(corpus.map((r) => [r.name, r.expected])), predicted);
  console.log(JSON.stringify(score.capabilities), JSON.stringify(score.perRepo.flatMap((r) => r.capabilityErrors.map((e) => ({ repo: r.repo, ...e }))), null, 1));
  pool.close();
}, 120000);
