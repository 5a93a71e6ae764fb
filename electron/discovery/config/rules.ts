import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { resourcesDir } from '../../resources-dir';
import type { RuleBase } from '../rules/rule';

const RULE_CATEGORIES = ['llm', 'framework', 'tool', 'capability', 'credential', 'endpoint', 'guardrail', 'untrusted-input', 'trigger', 'unit', 'package', 'entry-point'] as const;

const ConfigRule = z.object({
  id: z.string().regex(/^[a-z0-9-]+\.[a-z-]+\.[a-z0-9-]+$/, 'expected "<format>.<category>.<name>" in lower case'),
  description: z.string().min(1),
  languages: z.array(z.string().min(1)).min(1),
  confidence: z.number().min(0).max(1),
  category: z.enum(RULE_CATEGORIES),
}) satisfies z.ZodType<RuleBase>;

const ConfigRulePackJson = z
  .object({ rules: z.array(ConfigRule).min(1) })
  .superRefine((pack, issue) => {
    const seen = new Set<string>();
    pack.rules.forEach((rule, index) => {
      if (seen.has(rule.id)) issue.addIssue({ code: 'custom', message: `duplicate rule id ${rule.id}`, path: ['rules', index, 'id'] });
      seen.add(rule.id);
    });
  });

/** The configuration rule pack, by id. */
export type ConfigRulePack = ReadonlyMap<string, RuleBase>;

/** Validates a rule pack (resources/rules/config.json): `{ "rules": [RuleBase, ...] }`, ids unique. */
export function loadConfigRules(json: unknown): ConfigRulePack {
  const parsed = ConfigRulePackJson.safeParse(json);
  if (!parsed.success) throw new Error(`invalid configuration rule pack: ${z.prettifyError(parsed.error)}`);
  return new Map(parsed.data.rules.map((rule) => [rule.id, rule]));
}

let bundled: ConfigRulePack | null = null;

/** The shipped pack, read and validated once per thread; a scan hands it to its analyzer threads as it is (a Map clones). */
export function readBundledConfigRules(): ConfigRulePack {
  bundled ??= loadConfigRules(JSON.parse(readFileSync(join(resourcesDir(), 'rules', 'config.json'), 'utf8')));
  return bundled;
}
