import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeLockfile } from '../discovery/lockfiles';
import { buildAdvisoryIndex } from './advisory-index';
import { readCuratedAdvisories } from './curated-advisories';
import { ecosystemOfOsv } from './osv-record';
import { isAffected } from './version-match';

const curated = readCuratedAdvisories();

/** For each curated record: a version just below its fix (affected) and the fix (not affected). */
const EXPECTED = {
  'GHSA-prgp-w7vf-ch62': { below: '0.0.324', fixed: '0.0.325' },
  'GHSA-wmvm-9vqv-5qpp': { below: '0.0.60', fixed: '0.0.61' },
  'GHSA-wwqv-p2pp-99h5': { below: '2.1.2', fixed: '3.0.0' },
  'GHSA-2xxc-73fv-36f7': { below: '0.9.13', fixed: '0.9.14' },
  'GHSA-9h52-p55h-vw2f': { below: '1.22.0', fixed: '1.23.0' },
  'GHSA-w48q-cv73-mx4w': { below: '1.23.1', fixed: '1.24.0' },
  'GHSA-rvqx-wpfh-mfx7': { below: '1.2.0', fixed: '1.3.0' },
} as const;

describe('curated advisories', () => {
  it('are exactly the documented set, each with a CVE alias and a one-line summary', () => {
    expect(curated.map((r) => r.id).sort()).toEqual(Object.keys(EXPECTED).sort());
    for (const record of curated) {
      expect(record.aliases?.some((alias) => /^CVE-\d{4}-\d+$/.test(alias))).toBe(true);
      expect(record.summary).toMatch(/^[^\n]{20,160}$/);
    }
  });

  it.each(Object.entries(EXPECTED))('%s matches %o below the fix and not the fix', (id, { below, fixed }) => {
    const record = curated.find((r) => r.id === id)!;
    const { ecosystem: osvEcosystem, name } = record.affected[0]!.package;
    const ecosystem = ecosystemOfOsv(osvEcosystem)!;
    expect(isAffected(record, ecosystem, name, below)).toMatchObject({ affected: true, fixed });
    expect(isAffected(record, ecosystem, name, fixed)).toEqual({ affected: false });
  });

  it('flags the agent runtimes pinned in the lockfile fixtures', () => {
    const index = buildAdvisoryIndex(curated);
    const fixture = (path: string) => readFileSync(new URL(`../discovery/lockfiles/fixtures/${path}`, import.meta.url), 'utf8');
    const found = ['requirements/requirements.txt', 'uv/uv.lock', 'poetry/poetry.lock', 'npm-v3/package-lock.json', 'pnpm-v9/pnpm-lock.yaml'].flatMap((path) =>
      analyzeLockfile(path, fixture(path))!.findings.packages.flatMap((pkg) => index.match(pkg).map((match) => `${pkg.lockfile}: ${pkg.name}@${pkg.version} ${match.id}`)),
    );
    expect(found).toEqual([
      'requirements/requirements.txt: langchain@0.0.232 GHSA-prgp-w7vf-ch62',
      'requirements/requirements.txt: langchain-experimental@0.0.60 GHSA-wmvm-9vqv-5qpp',
      'requirements/requirements.txt: llama-index@0.7.13 GHSA-2xxc-73fv-36f7',
      'requirements/requirements.txt: mcp@1.22.0 GHSA-9h52-p55h-vw2f',
      'uv/uv.lock: mcp@1.22.0 GHSA-9h52-p55h-vw2f',
      'uv/uv.lock: langflow@1.2.0 GHSA-rvqx-wpfh-mfx7',
      'poetry/poetry.lock: langchain@0.0.232 GHSA-prgp-w7vf-ch62',
      'poetry/poetry.lock: langgraph-checkpoint@2.1.1 GHSA-wwqv-p2pp-99h5',
      'npm-v3/package-lock.json: @modelcontextprotocol/sdk@1.23.0 GHSA-w48q-cv73-mx4w',
      'pnpm-v9/pnpm-lock.yaml: @modelcontextprotocol/sdk@1.22.0 GHSA-w48q-cv73-mx4w',
    ]);
  });

  it('counts a release candidate of the NVD-named fix as affected (0.0.233rc1 < 0.0.233)', () => {
    const record = curated.find((r) => r.id === 'GHSA-prgp-w7vf-ch62')!;
    expect(isAffected(record, 'PyPI', 'langchain', '0.0.233rc1').affected).toBe(true);
  });
});
