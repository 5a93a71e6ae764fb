import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeLockfile, isLockfile, normalizePackageName } from './index';

const read = (path: string) => readFileSync(new URL(`fixtures/${path}`, import.meta.url), 'utf8');

describe('lockfile routing', () => {
  it.each([
    ['requirements.txt', true],
    ['svc/requirements-dev.txt', true],
    ['requirements/prod.txt', true],
    ['poetry.lock', true],
    ['api/uv.lock', true],
    ['Pipfile.lock', true],
    ['web/package-lock.json', true],
    ['npm-shrinkwrap.json', true],
    ['pnpm-lock.yaml', true],
    ['yarn.lock', true],
    ['go.sum', true],
    ['constraints.txt', false],
    ['package.json', false],
    ['Pipfile', false],
    ['go.mod', false],
  ])('%s -> %s', (path, expected) => {
    expect(isLockfile(path)).toBe(expected);
  });

  it('returns null for files that are not lockfiles', () => {
    expect(analyzeLockfile('src/app.py', 'import os')).toBeNull();
  });

  it('wraps packages as lockfile findings, with the parser warning as a file warning', () => {
    expect(analyzeLockfile('svc/go.sum', 'github.com/google/uuid v1.6.0 h1:x=\ngarbage\n')).toEqual({
      findings: { type: 'lockfile', path: 'svc/go.sum', packages: [{ ecosystem: 'Go', name: 'github.com/google/uuid', version: 'v1.6.0', lockfile: 'svc/go.sum' }] },
      warning: { path: 'svc/go.sum', message: 'line 2 is not "module version h1:hash"' },
    });
  });

  it('notes only the -r/-c includes the scan will not read on its own', () => {
    const result = analyzeLockfile('worker/requirements.txt', read('requirements/requirements.txt'));
    expect(result?.warning).toEqual({
      path: 'worker/requirements.txt',
      message: 'includes constraints/security.txt (-r/-c), which the scan does not read: only requirements*.txt and lockfile names are',
    });
  });
});

describe('normalizePackageName', () => {
  it('applies PEP 503 to PyPI names and leaves case-sensitive npm and Go names alone', () => {
    expect(normalizePackageName('PyPI', ' LangChain_Experimental ')).toBe('langchain-experimental');
    expect(normalizePackageName('PyPI', 'zope.interface')).toBe('zope-interface');
    expect(normalizePackageName('PyPI', 'a__b.-c')).toBe('a-b-c');
    expect(normalizePackageName('npm', 'JSONStream')).toBe('JSONStream');
    expect(normalizePackageName('Go', 'github.com/BurntSushi/toml')).toBe('github.com/BurntSushi/toml');
  });
});
