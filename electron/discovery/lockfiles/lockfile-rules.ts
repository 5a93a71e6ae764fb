import type { Ecosystem } from './package-name';

/**
 * The rule (resources/rules/lockfiles.json) behind each ecosystem's package findings, so a
 * workspace can switch one ecosystem's lockfiles off and a finding can say which rule saw it.
 */
const RULE_IDS: Record<Ecosystem, string> = {
  PyPI: 'lockfile.package.pypi',
  npm: 'lockfile.package.npm',
  Go: 'lockfile.package.go',
};

export function lockfileRuleId(ecosystem: Ecosystem): string {
  return RULE_IDS[ecosystem];
}
