import codeRulePack from '../../../resources/rules/code.json';
import { compileCodeRules } from './rules';
import type { CodeRules, ValidatedCodeRules } from './rules';

/**
 * The rule pack shipped in resources/rules/code.json, as the build bundled it into the code. It
 * is not validated at run time: it is part of the code, and rules.test.ts holds it to the same
 * schema a pack from anywhere else goes through (whose parse returns it unchanged). Validating it
 * again cost every scan about 55 ms, a tenth of a one-file CLI scan.
 */
export function validatedBundledCodeRules(): ValidatedCodeRules {
  // The JSON's inferred type widens the enums to string; the test above is what makes this true.
  return codeRulePack.rules as unknown as ValidatedCodeRules;
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
