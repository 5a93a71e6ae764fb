import codeRulePack from '../../../resources/rules/code.json';
import { compileCodeRules, validateCodeRulePack } from './rules';
import type { CodeRules, ValidatedCodeRules } from './rules';

let validated: ValidatedCodeRules | null = null;

/** The rule pack shipped in resources/rules/code.json, validated once per thread (on first use, not on import). */
export function validatedBundledCodeRules(): ValidatedCodeRules {
  validated ??= validateCodeRulePack(codeRulePack);
  return validated;
}

/** The rule pack shipped in resources/rules/code.json, minus the rules a workspace turned off. */
export function bundledCodeRules(disabledRuleIds: ReadonlySet<string> = new Set()): CodeRules {
  return compileCodeRules(validatedBundledCodeRules(), disabledRuleIds);
}

/**
 * The shipped pack's prefilter, one regex source per language (Python, TypeScript, JavaScript;
 * duplicates dropped), in syntax ripgrep also reads: the benchmark passes them to `rg -e`.
 */
export function codePrefilterPatterns(): string[] {
  const rules = bundledCodeRules();
  return [...new Set((['python', 'typescript', 'javascript'] as const).map((language) => rules.prefilterSource(language)).filter((source): source is string => source !== null))];
}
