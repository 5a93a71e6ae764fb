import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePackageLockJson } from './package-lock-json';

const read = (path: string) => readFileSync(new URL(`fixtures/${path}`, import.meta.url), 'utf8');
const summary = (text: string) => parsePackageLockJson('package-lock.json', text).packages.map((p) => `${p.name}@${p.version}`);

describe('parsePackageLockJson', () => {
  it('v3: names packages by their node_modules path (nested and scoped), follows aliases, skips workspaces and links', () => {
    expect(summary(read('npm-v3/package-lock.json'))).toEqual([
      '@modelcontextprotocol/sdk@1.23.0',
      'ai@3.4.33',
      'zod@3.22.4',
      'zod@3.23.8',
      'string-width@4.2.3',
      'openai@4.20.1',
      'private-fork@2.0.0',
    ]);
  });

  it('v1: walks nested dependencies, resolves npm: aliases, skips git and file dependencies', () => {
    expect(summary(read('npm-v1/package-lock.json'))).toEqual(['@langchain/core@0.1.10', 'p-retry@6.2.0', 'lodash@4.17.20', 'JSONStream@1.3.5', 'p-retry@4.6.2']);
  });

  it('turns a truncated lockfile into a warning', () => {
    const text = read('npm-v3/package-lock.json');
    expect(parsePackageLockJson('package-lock.json', text.slice(0, text.length / 2))).toEqual({
      packages: [],
      warning: 'invalid JSON: the file ends in the middle of the JSON at line 35 (truncated?)',
    });
  });

  it('warns about JSON that is not an npm lockfile', () => {
    expect(parsePackageLockJson('package-lock.json', '[1, 2]').warning).toBe('expected an npm lockfile object with "packages" (v2/v3) or "dependencies" (v1)');
  });

  // Speed is npm run bench's to measure; a test only proves every package of a big file is read.
  it('reads every package of a 30 MB lockfile (about 78,000 packages)', () => {
    const { packages } = parsePackageLockJson('package-lock.json', syntheticLockfile(30 * 1024 * 1024));
    expect(packages.length).toBeGreaterThan(70_000);
  });
});

/** A v3 lockfile shaped like a large monorepo's: scoped and nested packages with the usual fields. */
function syntheticLockfile(targetBytes: number): string {
  const packages: Record<string, unknown> = { '': { name: 'big-monorepo', version: '1.0.0' } };
  let bytes = 0;
  for (let i = 0; bytes < targetBytes; i++) {
    const name = i % 3 === 0 ? `@scope${i % 50}/package-${i}` : `package-${i}`;
    const key = i % 4 === 0 ? `node_modules/host-${i % 97}/node_modules/${name}` : `node_modules/${name}`;
    const entry = {
      version: `${i % 20}.${i % 7}.${i % 11}`,
      resolved: `https://registry.npmjs.org/${name}/-/${name.split('/').at(-1)}-${i % 20}.${i % 7}.${i % 11}.tgz`,
      integrity: `sha512-${'A'.repeat(86)}==`,
      dev: i % 5 === 0,
      dependencies: { [`package-${i + 1}`]: '^1.0.0', [`package-${i + 2}`]: '~2.3.0' },
    };
    packages[key] = entry;
    bytes += key.length + JSON.stringify(entry, null, 6).length;
  }
  return JSON.stringify({ name: 'big-monorepo', version: '1.0.0', lockfileVersion: 3, requires: true, packages }, null, 2);
}
