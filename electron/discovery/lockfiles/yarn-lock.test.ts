import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseYarnLock } from './yarn-lock';

const read = (path: string) => readFileSync(new URL(`fixtures/${path}`, import.meta.url), 'utf8');
const summary = (text: string) => parseYarnLock('yarn.lock', text).packages.map((p) => `${p.name}@${p.version}`);

describe('parseYarnLock', () => {
  it('classic v1: multi-range headers, scoped names and npm: aliases', () => {
    expect(summary(read('yarn-classic/yarn.lock'))).toEqual(['@langchain/core@0.1.10', 'lodash@4.17.21', 'p-retry@4.6.2', 'string-width@4.2.3', 'zod@3.22.4']);
  });

  it('berry: npm resolutions only, skipping workspace, patch and git entries', () => {
    const result = parseYarnLock('yarn.lock', read('yarn-berry/yarn.lock'));
    expect(result.packages.map((p) => `${p.name}@${p.version}`)).toEqual(['@anthropic-ai/sdk@0.20.9', 'node-fetch@2.6.7', 'resolve@1.22.8']);
    expect(result.warning).toBeUndefined();
  });

  it('keeps the entries before a truncation and warns about the cut one', () => {
    const text = read('yarn-classic/yarn.lock');
    const result = parseYarnLock('yarn.lock', text.slice(0, text.indexOf('"4.6.2"') + 3));
    expect(result.packages.map((p) => p.name)).toEqual(['@langchain/core', 'lodash']);
    expect(result.warning).toBe('the entry at line 18 has no readable version; the file may be truncated or hand-edited');
  });

  it('warns about a header cut before its colon', () => {
    const result = parseYarnLock('yarn.lock', 'lodash@^4.17.21:\n  version "4.17.21"\n\n"zod@^3.2');
    expect(result.packages.map((p) => p.name)).toEqual(['lodash']);
    expect(result.warning).toBe('the entry at line 4 has no readable version; the file may be truncated or hand-edited');
  });

  it('warns about a file that is not a yarn.lock', () => {
    expect(parseYarnLock('yarn.lock', '{"lockfileVersion": 3}').warning).toBe('expected yarn.lock entries ("name@range:" followed by an indented version)');
  });
});
