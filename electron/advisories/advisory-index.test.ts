import { describe, expect, it } from 'vitest';
import type { PackageVersion } from '../../shared/discovery';
import { buildAdvisoryIndex } from './advisory-index';
import type { OsvRecord } from './osv-record';

const pkg = (name: string, version: string, ecosystem: PackageVersion['ecosystem'] = 'PyPI'): PackageVersion => ({ ecosystem, name, version, lockfile: 'uv.lock' });
const record = (id: string, name: string, fixed: string, extra: Partial<OsvRecord> = {}): OsvRecord => ({
  id,
  modified: '2025-01-01T00:00:00Z',
  aliases: [`CVE-${id}`],
  summary: `${name} problem`,
  affected: [{ package: { ecosystem: 'PyPI', name }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed }] }] }],
  ...extra,
});

describe('buildAdvisoryIndex', () => {
  it('returns each affecting advisory with its ids, summary, severity, range and fix', () => {
    const severity = [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' }];
    const index = buildAdvisoryIndex([record('A', 'mcp', '1.23.0', { severity }), record('B', 'mcp', '1.10.0'), record('C', 'langflow', '1.3.0')]);
    expect(index.match(pkg('mcp', '1.9.4'))).toEqual([
      { id: 'A', aliases: ['CVE-A'], summary: 'mcp problem', severity, range: '<1.23.0', fixed: '1.23.0' },
      { id: 'B', aliases: ['CVE-B'], summary: 'mcp problem', severity: [], range: '<1.10.0', fixed: '1.10.0' },
    ]);
    expect(index.match(pkg('mcp', '1.23.0'))).toEqual([]);
    expect(index.match(pkg('fastapi', '0.1.0'))).toEqual([]);
  });

  it('looks packages up by normalised name and ecosystem', () => {
    const index = buildAdvisoryIndex([record('A', 'Langchain_Experimental', '0.0.61')]);
    expect(index.match(pkg('langchain-experimental', '0.0.60')).map((m) => m.id)).toEqual(['A']);
    expect(index.match(pkg('langchain-experimental', '0.0.60', 'npm'))).toEqual([]);
  });

  it('keeps the most recently modified copy of a record id', () => {
    const curated = record('GHSA-1', 'langflow', '1.3.0', { modified: '2025-04-01T00:00:00Z' });
    const imported = record('GHSA-1', 'langflow', '1.4.0', { modified: '2025-06-01T00:00:00Z', summary: 'updated' });
    for (const order of [[curated, imported], [imported, curated]]) {
      expect(buildAdvisoryIndex(order).match(pkg('langflow', '1.3.5'))).toMatchObject([{ id: 'GHSA-1', summary: 'updated', fixed: '1.4.0' }]);
    }
  });

  it('never matches withdrawn records', () => {
    expect(buildAdvisoryIndex([record('A', 'mcp', '2.0.0', { withdrawn: '2025-02-01T00:00:00Z' })]).match(pkg('mcp', '1.0.0'))).toEqual([]);
  });

  it('reports one match per record even when it lists the package twice', () => {
    const twice = record('A', 'mcp', '1.0.0');
    twice.affected.push({ package: { ecosystem: 'PyPI', name: 'mcp' }, versions: ['0.5.0'] });
    expect(buildAdvisoryIndex([twice]).match(pkg('mcp', '0.5.0'))).toHaveLength(1);
  });

  it('falls back to the first line of details and to per-package severity', () => {
    const severity = [{ type: 'Ubuntu', score: 'medium' }];
    const pysec = record('PYSEC-1', 'mcp', '1.0.0', { summary: undefined, details: '\nAn issue in mcp allows things.\n\nMore text.' });
    pysec.affected[0]!.severity = severity;
    expect(buildAdvisoryIndex([pysec]).match(pkg('mcp', '0.1.0'))).toMatchObject([{ summary: 'An issue in mcp allows things.', severity }]);
  });

  it('matches 50,000 packages against 5,000 records', () => {
    const records = Array.from({ length: 5_000 }, (_, i) =>
      record(`R-${i}`, `package-${i % 2_500}`, `${(i % 9) + 1}.0.0`, {
        affected: [
          {
            package: { ecosystem: i % 2 ? 'PyPI' : 'npm', name: `package-${i % 2_500}` },
            ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: `${(i % 9) + 1}.0.0` }, { introduced: '10.0.0' }, { last_affected: '10.2.0' }] }],
          },
        ],
      }),
    );
    const packages = Array.from({ length: 50_000 }, (_, i) => pkg(`package-${i % 10_000}`, `${i % 12}.${i % 5}.0`, i % 2 ? 'PyPI' : 'npm'));
    const index = buildAdvisoryIndex(records);
    const matches = packages.reduce((count, p) => count + index.match(p).length, 0);
    expect(matches).toBeGreaterThan(0);
  });
});
