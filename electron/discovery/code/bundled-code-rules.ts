import codeRulePack from '../../../resources/rules/code.json';
import { loadCodeRules } from './rules';
import type { CodeRules } from './rules';

/** The rule pack shipped in resources/rules/code.json, minus the rules a workspace turned off. */
export function bundledCodeRules(disabledRuleIds: ReadonlySet<string> = new Set()): CodeRules {
  return loadCodeRules(codeRulePack, disabledRuleIds);
}

/**
 * The shipped pack's prefilter, one regex source per language (Python, TypeScript, JavaScript;
 * duplicates dropped), in syntax ripgrep also reads: the benchmark passes them to `rg -e`.
 */
export const CODE_PREFILTER_PATTERNS: readonly string[] = (() => {
  const rules = bundledCodeRules();
  return [...new Set((['python', 'typescript', 'javascript'] as const).map((language) => rules.prefilterSource(language)).filter((source): source is string => source !== null))];
})();
