import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CodeFindings } from '../findings';
import { analyzeCode } from './analyze-code';
import { bundledCodeRules } from './bundled-code-rules';
import { loadCodeParsers } from './parser';
import type { CodeRules } from './rules';
import { TEST_FINGERPRINT_KEY } from '../test-fingerprint-key';

/** Shared by the analyzer tests: the shipped rules, and a strict wrapper that fails on null. */
export const RULES: CodeRules = bundledCodeRules();

export const FIXTURES = join(import.meta.dirname, 'fixtures');

export function fixture(relativePath: string): string {
  return readFileSync(join(FIXTURES, relativePath), 'utf8');
}

export async function analyzed(path: string, text: string, rules: CodeRules = RULES): Promise<CodeFindings> {
  await loadCodeParsers();
  const findings = analyzeCode(path, text, rules, TEST_FINGERPRINT_KEY);
  if (!findings) throw new Error(`${path}: no findings (prefilter or parse refused it)`);
  return findings;
}

/** "name: kind, kind" per tool, sorted: compact to compare. */
export function toolSummary(findings: CodeFindings): string[] {
  return findings.tools.map((tool) => `${tool.name}: ${tool.capabilities.join(', ')}`.trimEnd()).sort();
}
