import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePoetryLock } from './poetry-lock';
import { parseUvLock } from './uv-lock';

const read = (path: string) => readFileSync(new URL(`fixtures/${path}`, import.meta.url), 'utf8');
const summary = (packages: Array<{ name: string; version: string }>) => packages.map((p) => `${p.name}@${p.version}`);

describe('parsePoetryLock', () => {
  it('lists every [[package]] with PEP 503 names, skipping local directory dependencies', () => {
    const result = parsePoetryLock('poetry.lock', read('poetry/poetry.lock'));
    expect(summary(result.packages)).toEqual(['aiohttp@3.8.5', 'langchain@0.0.232', 'langgraph-checkpoint@2.1.1', 'typing-extensions@4.7.1', 'internal-sdk@2.4.0']);
    expect(result.warning).toBeUndefined();
    expect(result.packages[0]).toMatchObject({ ecosystem: 'PyPI', lockfile: 'poetry.lock' });
  });

  it('turns a truncated file into a warning with the line', () => {
    const text = read('poetry/poetry.lock');
    const result = parsePoetryLock('poetry.lock', text.slice(0, text.indexOf('version = "0.0.232"') + 'version = "0.0'.length));
    expect(result.packages).toEqual([]);
    expect(result.warning).toMatch(/^invalid TOML at line 21, column 11: unfinished string$/);
  });

  it('warns about [[package]] tables without a version', () => {
    const result = parsePoetryLock('poetry.lock', '[[package]]\nname = "langchain"\n\n[[package]]\nname = "openai"\nversion = "1.3.0"\n');
    expect(summary(result.packages)).toEqual(['openai@1.3.0']);
    expect(result.warning).toBe('1 [[package]] table has no name or version');
  });
});

describe('parseUvLock', () => {
  it('lists registry and git packages and skips the project itself (editable, virtual, directory)', () => {
    const result = parseUvLock('uv.lock', read('uv/uv.lock'));
    expect(summary(result.packages)).toEqual(['anyio@4.4.0', 'mcp@1.22.0', 'langflow@1.2.0', 'pydantic-ai-slim@0.4.2']);
    expect(result.warning).toBeUndefined();
  });

  it('returns a warning, not a throw, for a file that is not TOML', () => {
    expect(parseUvLock('uv.lock', '{"version": 1}').warning).toMatch(/^invalid TOML at line 1, column 1/);
  });
});
