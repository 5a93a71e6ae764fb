import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePipfileLock } from './pipfile-lock';

const fixture = readFileSync(new URL('fixtures/pipenv/Pipfile.lock', import.meta.url), 'utf8');

describe('parsePipfileLock', () => {
  it('lists default and develop packages, skipping git/editable entries without a version', () => {
    const result = parsePipfileLock('Pipfile.lock', fixture);
    expect(result.packages.map((p) => `${p.name}@${p.version}`)).toEqual(['langchain-experimental@0.0.60', 'jinja2@3.1.2', 'pytest@7.4.0']);
    expect(result.warning).toBeUndefined();
  });

  it('says where a truncated file ends', () => {
    const result = parsePipfileLock('Pipfile.lock', fixture.slice(0, 600));
    expect(result).toEqual({ packages: [], warning: 'invalid JSON: the file ends in the middle of the JSON at line 23 (truncated?)' });
  });

  it('names the line and column of a syntax error', () => {
    const result = parsePipfileLock('Pipfile.lock', '{\n  "default": {\n    "jinja2": { "version": "==3.1.2" }}\n  }\n}');
    expect(result.warning).toMatch(/^invalid JSON: .* at line 5, column 1$/);
  });

  it('warns when the JSON is some other document', () => {
    expect(parsePipfileLock('Pipfile.lock', '{"name": "not-a-lock"}').warning).toBe('expected a Pipfile.lock object with "default" and "develop" sections');
  });
});
