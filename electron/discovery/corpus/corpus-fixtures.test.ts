import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { UNIT_KINDS } from '../../../shared/discovery';
import { walkTree } from '../walk/walk-tree';
import { loadCorpus } from './corpus-expectation';
import { agentKey } from './score';

const corpus = loadCorpus();

async function walkedPaths(root: string): Promise<{ paths: Set<string>; languages: Set<string> }> {
  const paths = new Set<string>();
  const languages = new Set<string>();
  await walkTree(root, {}, (file) => {
    paths.add(file.relPath);
    if (file.kind === 'code') languages.add(/\.py$/.test(file.relPath) ? 'python' : /\.tsx?$/.test(file.relPath) ? 'typescript' : 'javascript');
  });
  return { paths, languages };
}

describe('labelled corpus', () => {
  it('has at least 15 repos covering every unit kind, LLM calls and no-agent traps, in Python and TypeScript', async () => {
    expect(corpus.length).toBeGreaterThanOrEqual(15);
    const agents = corpus.flatMap((repo) => repo.expected.agents);
    // 'llm-usage' units come from usage logs, never from a repository scan.
    // Issue 13 work in progress: each kind leaves this list when its corpus repos land.
    const notYetInCorpus = new Set(['llm-usage']);
    expect(new Set(agents.map((a) => a.unitKind))).toEqual(new Set(UNIT_KINDS.filter((k) => !notYetInCorpus.has(k))));
    expect(agents.some((a) => a.classification === 'llm-call')).toBe(true);
    expect(corpus.filter((repo) => repo.expected.agents.length === 0).length).toBeGreaterThanOrEqual(3);
    const languages = new Set<string>();
    for (const repo of corpus) for (const language of (await walkedPaths(repo.root)).languages) languages.add(language);
    expect([...languages].sort()).toEqual(['javascript', 'python', 'typescript']);
  });

  it('describes every repo in corpus/README.md', () => {
    const readme = readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'README.md'), 'utf8');
    expect(corpus.map((repo) => repo.name).filter((name) => !readme.includes(`\`${name}\``))).toEqual([]);
  });

  describe.each(corpus.map((repo) => [repo.name, repo] as const))('%s', (_name, repo) => {
    it('labels each unit once, at a file that exists', () => {
      const keys = repo.expected.agents.map(agentKey);
      expect(new Set(keys).size).toBe(keys.length);
      for (const path of [...repo.expected.agents.map((a) => a.path), ...repo.expected.notAgents]) {
        expect(existsSync(join(repo.root, path)) && statSync(join(repo.root, path)).isFile(), `${path} exists`).toBe(true);
      }
    });

    it('is delivered by the walker: every labelled unit file, and nothing under vendor/', async () => {
      const { paths } = await walkedPaths(repo.root);
      expect(repo.expected.agents.map((a) => a.path).filter((path) => !paths.has(path))).toEqual([]);
      expect([...paths].filter((path) => path.startsWith('vendor/'))).toEqual([]);
    });
  });
});
