import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DiscoveredAgent } from '../../../shared/discovery';
import { loadCorpus } from '../corpus/corpus-expectation';
import { scoreCorpus, type CorpusScore } from '../corpus/score';
import { TEST_FINGERPRINT_KEY } from '../test-fingerprint-key';
import { AnalyzerPool } from './analyzer-pool';
import { scanFolder } from './scan-folder';

/**
 * The labelled corpus again, as a consultant scans it: every repository a folder of one checkout
 * folder (with its .git), all scanned at once. The accuracy test scans each repository from its
 * own top, where a path resolved from the scanned root and one resolved from the repository's top
 * are the same; here they are not, and a repository's commands, imports and configs must still
 * reach only its own files. Scores must equal those from each repository's own top.
 */
const corpus = loadCorpus();
let score: CorpusScore;
let pool: AnalyzerPool;
let checkout: string;

beforeAll(async () => {
  checkout = mkdtempSync(join(tmpdir(), 'atw-corpus-checkout-'));
  for (const repo of corpus) {
    cpSync(repo.root, join(checkout, repo.name), { recursive: true });
    mkdirSync(join(checkout, repo.name, '.git'), { recursive: true });
    writeFileSync(join(checkout, repo.name, '.git', 'HEAD'), 'ref: refs/heads/main\n');
  }
  pool = new AnalyzerPool(new Set(), TEST_FINGERPRINT_KEY, 2);
  const { agents } = await scanFolder(checkout, { pool, label: 'checkout', fingerprintKey: TEST_FINGERPRINT_KEY });
  const predicted: Record<string, DiscoveredAgent[]> = {};
  for (const repo of corpus) {
    const prefix = `${repo.name}/`;
    // Each repository's items, read as if scanned from its own top: its folder name taken off every path.
    const own = agents.filter((agent) => agent.unit.path.startsWith(prefix));
    predicted[repo.name] = JSON.parse(JSON.stringify(own).replaceAll(`"${prefix}`, '"').replaceAll(`/${prefix}`, '/')) as DiscoveredAgent[];
  }
  score = scoreCorpus(Object.fromEntries(corpus.map((r) => [r.name, r.expected])), predicted);
}, 120_000);
afterAll(async () => {
  await pool?.close();
  rmSync(checkout, { recursive: true, force: true });
});

describe('the labelled corpus scanned as one folder of many repositories', () => {
  it('gives every repository the items, capabilities, inputs and links it gives when scanned alone', () => {
    const errors = score.perRepo
      .filter((r) => r.missed.length || r.unexpected.length || r.wrongClassification.length || r.capabilityErrors.length || r.linkErrors.length || r.untrustedInputErrors.length)
      .map((r) => ({ repo: r.repo, missed: r.missed, unexpected: r.unexpected, wrong: r.wrongClassification, capabilities: r.capabilityErrors, links: r.linkErrors, inputs: r.untrustedInputErrors }));
    expect(errors).toEqual([]);
  });
});
