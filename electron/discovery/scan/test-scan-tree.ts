import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import type { DiscoveredAgent } from '../../../shared/discovery';
import { tempDir } from '../../store/test-workspace';
import { TEST_FINGERPRINT_KEY } from '../test-fingerprint-key';
import { AnalyzerPool } from './analyzer-pool';
import { scanFolder } from './scan-folder';

/**
 * What every scan-level test sets up: a scratch repository per test (`<tmp>/repo`), files written
 * into it as a repository would hold them, and the real scanner (two analyzer threads, shared by
 * the file's tests) over it. Call once at the top of a test file.
 */
export function scanTreeFixture(prefix: string) {
  let pool: AnalyzerPool;
  let tmp: ReturnType<typeof tempDir>;
  beforeAll(() => {
    pool = new AnalyzerPool(new Set(), TEST_FINGERPRINT_KEY, 2);
  });
  afterAll(() => pool.close());
  beforeEach(() => {
    tmp = tempDir(prefix);
  });
  afterEach(() => tmp.cleanup());

  const root = () => join(tmp.dir, 'repo');
  const write = (rel: string, content: string | Buffer): void => {
    const path = join(root(), rel);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, content);
  };
  return {
    /** The scratch folder of the running test (the repository is its `repo/`). */
    get dir(): string {
      return tmp.dir;
    },
    get pool(): AnalyzerPool {
      return pool;
    },
    root,
    write,
    writeAll: (files: Record<string, string>): void => {
      for (const [rel, content] of Object.entries(files)) write(rel, content);
    },
    /** Scans the repository as the app does, under the source label 'repo'. */
    scan: () => scanFolder(root(), { pool, label: 'repo', fingerprintKey: TEST_FINGERPRINT_KEY }),
  };
}

/** The item whose unit is named `name`; a test without it fails, listing the items there are. */
export function itemNamed(agents: readonly DiscoveredAgent[], name: string): DiscoveredAgent {
  const found = agents.find((a) => a.unit.name === name);
  if (!found) throw new Error(`no item ${name} in ${agents.map((a) => a.unit.name).join(', ')}`);
  return found;
}

/** The kinds of an item's capabilities, each once, sorted. */
export const capabilityKinds = (agent: DiscoveredAgent): string[] => [...new Set(agent.capabilities.map((c) => c.kind))].sort();

/** The names of an item's tools, each once, sorted. */
export const toolNamesOf = (agent: DiscoveredAgent): string[] => [...new Set(agent.tools.map((t) => t.name))].sort();
