import { describe, expect, it } from 'vitest';
import type { OsvRange, OsvRecord } from './osv-record';
import { isAffected } from './version-match';

type Events = OsvRange['events'];
const recordFor = (ecosystem: string, name: string, ranges: OsvRange[], versions?: string[]): OsvRecord => ({
  id: 'TEST-1',
  modified: '2025-01-01T00:00:00Z',
  affected: [{ package: { ecosystem, name }, ranges, ...(versions ? { versions } : {}) }],
});
const pypi = (events: Events) => recordFor('PyPI', 'langchain', [{ type: 'ECOSYSTEM', events }]);
const affectedVersions = (record: OsvRecord, ecosystem: 'PyPI' | 'npm' | 'Go', name: string, versions: string[]) =>
  versions.filter((version) => isAffected(record, ecosystem, name, version).affected);

describe('isAffected: events', () => {
  it('introduced 0 + fixed: everything below the fix, with the fix named', () => {
    const record = pypi([{ introduced: '0' }, { fixed: '0.0.233' }]);
    expect(isAffected(record, 'PyPI', 'langchain', '0.0.232')).toEqual({ affected: true, range: '<0.0.233', fixed: '0.0.233' });
    expect(isAffected(record, 'PyPI', 'langchain', '0.0.233')).toEqual({ affected: false });
    expect(isAffected(record, 'PyPI', 'langchain', '0.1.0')).toEqual({ affected: false });
  });

  it('introduced without fixed: still affected, no fix to offer', () => {
    const record = pypi([{ introduced: '1.2.0' }]);
    expect(isAffected(record, 'PyPI', 'langchain', '1.1.9').affected).toBe(false);
    expect(isAffected(record, 'PyPI', 'langchain', '1.2.0')).toEqual({ affected: true, range: '>=1.2.0' });
    expect(isAffected(record, 'PyPI', 'langchain', '99.0')).toEqual({ affected: true, range: '>=1.2.0' });
    expect(isAffected(pypi([{ introduced: '0' }]), 'PyPI', 'langchain', '0.0.1')).toEqual({ affected: true, range: 'all versions' });
  });

  it('last_affected is inclusive', () => {
    const record = pypi([{ introduced: '0' }, { last_affected: '2.1.214' }]);
    expect(isAffected(record, 'PyPI', 'langchain', '2.1.214')).toEqual({ affected: true, range: '<=2.1.214' });
    expect(isAffected(record, 'PyPI', 'langchain', '2.1.215').affected).toBe(false);
  });

  it('several intervals in one range and several ranges, events in any order', () => {
    const record = recordFor('PyPI', 'langchain', [
      { type: 'ECOSYSTEM', events: [{ fixed: '3.2.5' }, { introduced: '1.0.0' }, { fixed: '1.0.2' }, { introduced: '3.0.0' }] },
      { type: 'ECOSYSTEM', events: [{ introduced: '5.0' }, { fixed: '5.1' }] },
    ]);
    expect(affectedVersions(record, 'PyPI', 'langchain', ['0.9', '1.0.0', '1.0.1', '1.0.2', '2.0', '3.0.0', '3.2.4', '3.2.5', '5.0.1', '5.1'])).toEqual([
      '1.0.0',
      '1.0.1',
      '3.0.0',
      '3.2.4',
      '5.0.1',
    ]);
    expect(isAffected(record, 'PyPI', 'langchain', '3.1')).toEqual({ affected: true, range: '>=3.0.0, <3.2.5', fixed: '3.2.5' });
  });

  it('limit caps a range: versions at or above every limit are not affected', () => {
    const record = pypi([{ introduced: '1.0' }, { limit: '2.0' }]);
    expect(affectedVersions(record, 'PyPI', 'langchain', ['0.9', '1.0', '1.9', '2.0', '3.0'])).toEqual(['1.0', '1.9']);
    expect(isAffected(pypi([{ introduced: '1.0' }, { limit: '*' }]), 'PyPI', 'langchain', '9.0').affected).toBe(true);
  });
});

describe('isAffected: PEP 440 ordering for PyPI', () => {
  const record = pypi([{ introduced: '0' }, { fixed: '0.0.233' }]);

  it('pre-releases and dev releases of the fixed version come before it', () => {
    expect(affectedVersions(record, 'PyPI', 'langchain', ['0.0.233rc1', '0.0.233a2', '0.0.233b1', '0.0.233.dev3', '0.0.233'])).toEqual([
      '0.0.233rc1',
      '0.0.233a2',
      '0.0.233b1',
      '0.0.233.dev3',
    ]);
  });

  it('post releases follow their release and local versions sit with theirs', () => {
    expect(affectedVersions(record, 'PyPI', 'langchain', ['0.0.232.post1', '0.0.232+ubuntu1', '0.0.233.post1', '0.0.233+local'])).toEqual([
      '0.0.232.post1',
      '0.0.232+ubuntu1',
    ]);
  });

  it('compares numerically, not as text, and treats 1.0 and 1.0.0 alike', () => {
    const tenth = pypi([{ introduced: '0.9' }, { fixed: '0.10' }]);
    expect(affectedVersions(tenth, 'PyPI', 'langchain', ['0.9', '0.9.9', '0.10', '0.10.0', '0.11'])).toEqual(['0.9', '0.9.9']);
  });

  it('matches names the PEP 503 way', () => {
    const record = recordFor('PyPI', 'LangChain_Experimental', [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '0.0.61' }] }]);
    expect(isAffected(record, 'PyPI', 'langchain.experimental', '0.0.60').affected).toBe(true);
  });
});

describe('isAffected: semver for npm and Go', () => {
  it('Go: v-prefixed lockfile versions against un-prefixed OSV events, pseudo-versions and +incompatible', () => {
    const record = recordFor('Go', 'github.com/example/mcp-go', [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '0.8.1' }] }]);
    expect(affectedVersions(record, 'Go', 'github.com/example/mcp-go', ['v0.8.0', 'v0.8.1', 'v0.0.0-20240101000000-abcdef123456', 'v0.9.0'])).toEqual([
      'v0.8.0',
      'v0.0.0-20240101000000-abcdef123456',
    ]);
    const docker = recordFor('Go', 'github.com/docker/docker', [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '25.0.0' }] }]);
    expect(isAffected(docker, 'Go', 'github.com/docker/docker', 'v24.0.7+incompatible')).toEqual({ affected: true, range: '<25.0.0', fixed: '25.0.0' });
  });

  it('npm: ECOSYSTEM ranges order by semver, pre-releases before their release', () => {
    const record = recordFor('npm', '@modelcontextprotocol/sdk', [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '1.24.0' }] }]);
    expect(affectedVersions(record, 'npm', '@modelcontextprotocol/sdk', ['1.9.0', '1.23.9', '1.24.0-beta.1', '1.24.0', '1.100.0'])).toEqual(['1.9.0', '1.23.9', '1.24.0-beta.1']);
  });

  it('npm names are case-sensitive', () => {
    const record = recordFor('npm', 'JSONStream', [{ type: 'SEMVER', events: [{ introduced: '0' }] }]);
    expect(isAffected(record, 'npm', 'jsonstream', '1.0.0').affected).toBe(false);
    expect(isAffected(record, 'npm', 'JSONStream', '1.0.0').affected).toBe(true);
  });
});

describe('isAffected: versions lists, GIT ranges and what cannot be judged', () => {
  it('matches an explicitly listed version, in the ecosystem\'s own equality', () => {
    const record = recordFor('PyPI', 'llama-index', [], ['0.7.13', '1.0']);
    expect(isAffected(record, 'PyPI', 'llama-index', '0.7.13')).toEqual({ affected: true, range: 'listed: 0.7.13' });
    expect(isAffected(record, 'PyPI', 'llama-index', '1.0.0')).toEqual({ affected: true, range: 'listed: 1.0' });
    expect(isAffected(record, 'PyPI', 'llama-index', '0.7.14').affected).toBe(false);
  });

  it('ignores GIT ranges (commits cannot be placed among versions offline) but still uses versions[]', () => {
    const gitOnly = recordFor('PyPI', 'langflow', [{ type: 'GIT', repo: 'https://github.com/langflow-ai/langflow', events: [{ introduced: '0' }, { fixed: 'a1b2c3d' }] }]);
    expect(isAffected(gitOnly, 'PyPI', 'langflow', '1.2.0').affected).toBe(false);
    const withList = { ...gitOnly, affected: [{ ...gitOnly.affected[0]!, versions: ['1.2.0'] }] };
    expect(isAffected(withList, 'PyPI', 'langflow', '1.2.0').affected).toBe(true);
  });

  it('does not match another ecosystem or package', () => {
    const record = pypi([{ introduced: '0' }]);
    expect(isAffected(record, 'npm', 'langchain', '0.1.0').affected).toBe(false);
    expect(isAffected(record, 'PyPI', 'langchain-core', '0.1.0').affected).toBe(false);
  });

  it('does not guess when the version or an event is not a version of the ecosystem', () => {
    expect(isAffected(pypi([{ introduced: '0' }]), 'PyPI', 'langchain', 'not-a-version').affected).toBe(false);
    const npmRecord = recordFor('npm', 'ai', [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: 'next' }] }]);
    expect(isAffected(npmRecord, 'npm', 'ai', '1.0.0').affected).toBe(false);
  });
});
