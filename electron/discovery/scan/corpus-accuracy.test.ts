import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DiscoveredAgent } from '../../../shared/discovery';
import { loadCorpus } from '../corpus/corpus-expectation';
import { scoreCorpus, type CorpusScore } from '../corpus/score';
import { TEST_FINGERPRINT_KEY } from '../test-fingerprint-key';
import { AnalyzerPool } from './analyzer-pool';
import { scanFolder } from './scan-folder';

/**
 * The accuracy bar of repository discovery: the real scanner over the labelled corpus
 * (electron/discovery/corpus/README.md) must reach 0.95 precision and recall for agents (and
 * the other items it reports: MCP servers, remote callers) and for the links between them, 0.9
 * for their capabilities, and 0.95 for the outside content they read.
 */
const corpus = loadCorpus();
let score: CorpusScore;
let pool: AnalyzerPool;

beforeAll(async () => {
  pool = new AnalyzerPool(new Set(), TEST_FINGERPRINT_KEY, 2);
  const predicted: Record<string, DiscoveredAgent[]> = {};
  for (const repo of corpus) predicted[repo.name] = (await scanFolder(repo.root, { pool, label: repo.name, fingerprintKey: TEST_FINGERPRINT_KEY })).agents;
  score = scoreCorpus(Object.fromEntries(corpus.map((r) => [r.name, r.expected])), predicted);
}, 120_000);
afterAll(() => pool?.close());

describe('discovery accuracy over the labelled corpus', () => {
  it('finds agents with precision and recall of at least 0.95', () => {
    const misses = score.perRepo
      .filter((r) => r.missed.length || r.unexpected.length || r.wrongClassification.length)
      .map((r) => ({ repo: r.repo, missed: r.missed, unexpected: r.unexpected, wrong: r.wrongClassification }));
    // The misses are in the failure message, so a regression says which repo and unit.
    expect({ precision: score.agents.precision >= 0.95, recall: score.agents.recall >= 0.95, misses }).toMatchObject({ precision: true, recall: true });
  });

  it('finds their capabilities with precision and recall of at least 0.9', () => {
    const errors = score.perRepo.flatMap((r) => r.capabilityErrors.map((e) => ({ repo: r.repo, ...e })));
    expect({ precision: score.capabilities.precision >= 0.9, recall: score.capabilities.recall >= 0.9, errors }).toMatchObject({ precision: true, recall: true });
  });

  it('finds the outside content they read with precision and recall of at least 0.95', () => {
    const errors = score.perRepo.flatMap((r) => r.untrustedInputErrors.map((e) => ({ repo: r.repo, ...e })));
    expect({ precision: score.untrustedInputs.precision >= 0.95, recall: score.untrustedInputs.recall >= 0.95, errors }).toMatchObject({ precision: true, recall: true });
  });

  it('links sub-agents, handoffs, MCP servers and remote agents with precision and recall of at least 0.95', () => {
    const errors = score.perRepo.flatMap((r) => r.linkErrors.map((e) => ({ repo: r.repo, ...e })));
    expect({ precision: score.links.precision >= 0.95, recall: score.links.recall >= 0.95, errors }).toMatchObject({ precision: true, recall: true });
  });
});
