import { describe, expect, it } from 'vitest';
import { PARSE_LIMITS, loadCodeParsers, parseSource, reasonNotToParse } from './parser';
import type { SyntaxNode } from './syntax-node';

function find(node: SyntaxNode, type: string): SyntaxNode | undefined {
  if (node.type === type) return node;
  for (const child of node.children) {
    const found = find(child, type);
    if (found) return found;
  }
  return undefined;
}

describe('parser', () => {
  it('refuses to parse before the grammars are loaded, saying what to do', () => {
    expect(() => parseSource('a.py', 'x = 1', 'python')).toThrow(/await loadCodeParsers\(\)/);
  });

  it('loads once per thread: concurrent and repeated calls share one load', async () => {
    await Promise.all([loadCodeParsers(), loadCodeParsers()]);
    await loadCodeParsers();
    expect(parseSource('a.py', 'x = 1\n', 'python')).toMatchObject({ parsed: true });
  });

  it('offsets index the JavaScript string (UTF-16) and lines count from 1, past non-ASCII text', async () => {
    await loadCodeParsers();
    const text = 'greeting = "héllo 😀"\nimport openai\n';
    const outcome = parseSource('a.py', text, 'python');
    if (!outcome.parsed) throw new Error(outcome.reason);
    const importNode = find(outcome.root, 'import_statement') as SyntaxNode;
    expect(text.slice(importNode.start, importNode.end)).toBe('import openai');
    expect(importNode.line).toBe(2);
  });

  it('parses each grammar', async () => {
    await loadCodeParsers();
    expect(parseSource('a.ts', 'const x: number = 1;', 'typescript')).toMatchObject({ parsed: true });
    expect(parseSource('a.tsx', 'const x = <div>{y}</div>;', 'tsx')).toMatchObject({ parsed: true });
    expect(parseSource('a.js', 'const x = <div/>;', 'javascript')).toMatchObject({ parsed: true });
  });

  it('skips files over the size limit and minified JavaScript, and says why', () => {
    expect(reasonNotToParse('big.py', 'x'.repeat(PARSE_LIMITS.maxChars + 1))).toMatch(/^not parsed: 2\.0 MB, over the 2 MB limit/);
    expect(reasonNotToParse('bundle.min.js', `var a=1;${'b'.repeat(6000)}\n`)).toMatch(/^not parsed: minified \(a 6,008-character line\)/);
  });

  it('parses a Python or TypeScript file with a long line: an inline prompt is still agent source', () => {
    const prompt = 'p'.repeat(8000);
    expect(reasonNotToParse('agent.py', `PROMPT = "${prompt}"\n`)).toBeNull();
    expect(reasonNotToParse('agent.ts', `const PROMPT = "${prompt}";\n`)).toBeNull();
  });
});
