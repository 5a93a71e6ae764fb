import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resourcesDir } from '../../resources-dir';
import type { RuleBase } from '../rules/rule';
import { lockfileRuleId } from './lockfile-rules';

const pack = JSON.parse(readFileSync(join(resourcesDir(), 'rules', 'lockfiles.json'), 'utf8')) as { rules: RuleBase[] };

describe('lockfile rule pack', () => {
  it('declares exactly the rule each ecosystem reports under, as package rules', () => {
    expect(pack.rules.map((rule) => rule.id)).toEqual([lockfileRuleId('PyPI'), lockfileRuleId('npm'), lockfileRuleId('Go')]);
    for (const rule of pack.rules) {
      expect(rule).toEqual({ id: expect.stringMatching(/^lockfile\.package\.[a-z]+$/), description: expect.any(String), languages: expect.any(Array), confidence: expect.any(Number), category: 'package' });
      expect(rule.confidence).toBeGreaterThan(0);
      expect(rule.confidence).toBeLessThanOrEqual(1);
    }
  });
});
