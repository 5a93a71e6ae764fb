import { z } from 'zod';
import configRulePack from '../../../resources/rules/config.json';
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

/**
 * The shipped pack, as the build bundled it into the code, by id; a scan hands it to its analyzer
 * threads as it is (a Map clones). Not validated at run time, as the code pack is not
 * (bundled-code-rules.ts): rules.test.ts holds it to `loadConfigRules`, which returns it unchanged.
 */
export function readBundledConfigRules(): ConfigRulePack {
  bundled ??= new Map((configRulePack.rules as RuleBase[]).map((rule) => [rule.id, rule]));
  return bundled;
}
