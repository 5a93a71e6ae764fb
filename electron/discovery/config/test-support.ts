import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { FileWarning } from '../findings';
import { TEST_FINGERPRINT_KEY } from '../test-fingerprint-key';
import type { ConfigContext } from './context';
import { readBundledConfigRules } from './rules';

/** A context over the bundled rule pack that keeps the warnings analyzers report, for tests. */
export function testContext(disabledRuleIds: string[] = []): ConfigContext & { warnings: FileWarning[] } {
  const warnings: FileWarning[] = [];
  return {
    rules: readBundledConfigRules(),
    disabledRuleIds: new Set(disabledRuleIds),
    fingerprintKey: TEST_FINGERPRINT_KEY,
    warnings,
    warn: (message, line) => warnings.push({ path: '', message: line ? `line ${line}: ${message}` : message }),
  };
}

/** A fixture file written in the real format, from electron/discovery/config/fixtures. */
export function fixture(name: string): string {
  return readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8');
}

/** The 1-based line of the first line of `text` containing `needle`: tests name lines by content. */
export function lineWith(text: string, needle: string): number {
  const index = text.split('\n').findIndex((line) => line.includes(needle));
  if (index < 0) throw new Error(`no line contains ${needle}`);
  return index + 1;
}

/** A found secret's credential name: what it is (with its preview), then the start of its fingerprint under the test key. */
export function secretName(described: string): string {
  return expect.stringMatching(new RegExp(`^${described.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} #[0-9a-f]{6}$`)) as unknown as string;
}
