import { validatedBundledCodeRules } from '../code/bundled-code-rules';
import type { ValidatedCodeRules } from '../code/rules';
import { readBundledConfigRules, type ConfigRulePack } from '../config/rules';

/** Both shipped rule packs, validated (the code pack when it was built, bundled-code-rules.ts): a scan's thread reads them once, its analyzer threads only compile them. */
export interface ValidatedRulePacks {
  code: ValidatedCodeRules;
  config: ConfigRulePack;
}

/** The shipped packs, read on first use in this thread (a broken configuration pack throws here, before any analyzer thread starts). */
export function bundledRulePacks(): ValidatedRulePacks {
  return { code: validatedBundledCodeRules(), config: readBundledConfigRules() };
}
