import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseGoSum } from './go-sum';

const fixture = readFileSync(new URL('fixtures/go/go.sum', import.meta.url), 'utf8');

describe('parseGoSum', () => {
  it('lists each compiled module version once, keeping the v prefix, pseudo-versions and +incompatible', () => {
    const result = parseGoSum('go.sum', fixture);
    expect(result.packages.map((p) => `${p.name}@${p.version}`)).toEqual([
      'github.com/google/uuid@v1.6.0',
      'github.com/mark3labs/mcp-go@v0.8.0',
      'github.com/stretchr/testify@v1.9.0',
      'golang.org/x/net@v0.0.0-20220722155237-a158d28d115b',
      'github.com/docker/docker@v24.0.7+incompatible',
    ]);
    expect(result.packages[0]).toMatchObject({ ecosystem: 'Go', lockfile: 'go.sum' });
  });

  it('leaves out versions seen only through /go.mod: they took part in version selection but were not built', () => {
    expect(parseGoSum('go.sum', fixture).packages.some((p) => p.version === 'v1.8.4')).toBe(false);
  });

  it('warns about a line cut in half', () => {
    const result = parseGoSum('go.sum', fixture.slice(0, fixture.indexOf('h1:TIyPZ')));
    expect(result.packages.map((p) => p.name)).toEqual(['github.com/google/uuid']);
    expect(result.warning).toBe('line 2 is not "module version h1:hash"');
  });
});
