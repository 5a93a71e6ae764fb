import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePnpmLockYaml } from './pnpm-lock-yaml';

const read = (path: string) => readFileSync(new URL(`fixtures/${path}`, import.meta.url), 'utf8');
const summary = (text: string) => parsePnpmLockYaml('pnpm-lock.yaml', text).packages.map((p) => `${p.name}@${p.version}`);

describe('parsePnpmLockYaml', () => {
  it('v5: /name/version keys with _peer suffixes, and name/version fields of git dependencies', () => {
    expect(summary(read('pnpm-v5/pnpm-lock.yaml'))).toEqual(['@langchain/openai@0.0.14', 'openai@4.28.0', 'react-dom@18.2.0', 'react@18.2.0', 'prompt-kit@0.2.0']);
  });

  it('v6: /name@version keys with (peer) suffixes', () => {
    expect(summary(read('pnpm-v6/pnpm-lock.yaml'))).toEqual(['@mastra/core@0.1.27', 'zod@3.23.8', '@anthropic-ai/sdk@0.20.9']);
  });

  it('v9: name@version keys, tarball entries by their version field, snapshots not counted twice', () => {
    expect(summary(read('pnpm-v9/pnpm-lock.yaml'))).toEqual(['@modelcontextprotocol/sdk@1.22.0', 'langchain@0.3.5', 'openai@4.68.0', 'zod@3.23.8', 'prompt-kit@0.2.0']);
  });

  it('keeps what precedes a truncation and says where the file was cut', () => {
    const text = read('pnpm-v9/pnpm-lock.yaml');
    const result = parsePnpmLockYaml('pnpm-lock.yaml', text.slice(0, text.indexOf('  zod@3.23.8:') + 8));
    expect(result.packages.map((p) => `${p.name}@${p.version}`)).toEqual(['@modelcontextprotocol/sdk@1.22.0', 'langchain@0.3.5', 'openai@4.68.0']);
    expect(result.warning).toBe('line 40 in "packages" is not a "name@version:" entry; the file may be truncated or hand-edited');
  });

  it('reads quoted keys with escaped quotes and quoted version fields', () => {
    const text = "lockfileVersion: '9.0'\npackages:\n  'it''s-fine@1.0.0':\n    resolution: {integrity: x}\n  tool@https://example.com/tool.tgz:\n    version: '2.1.0'\n";
    expect(summary(text)).toEqual(["it's-fine@1.0.0", 'tool@2.1.0']);
  });

  it('reads every package of a 10 MB lockfile', () => {
    let text = "lockfileVersion: '9.0'\n\npackages:\n\n";
    for (let i = 0; text.length < 10 * 1024 * 1024; i++) {
      text += `  '@scope/pkg-${i}@1.${i % 10}.0':\n    resolution: {integrity: sha512-${'A'.repeat(86)}==}\n    engines: {node: '>=18'}\n\n`;
    }
    const { packages } = parsePnpmLockYaml('pnpm-lock.yaml', text);
    expect(packages.length).toBeGreaterThan(50_000);
  });

  it('warns about YAML that is not a pnpm lockfile', () => {
    expect(parsePnpmLockYaml('pnpm-lock.yaml', 'name: web\nversion: 1.0.0\n').warning).toBe('expected a pnpm lockfile starting with "lockfileVersion"');
  });
});
