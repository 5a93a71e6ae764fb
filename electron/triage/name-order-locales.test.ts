import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * shared/name-order.ts compares ASCII names itself only under a locale that orders ASCII as the
 * root collation does; under another, names are left to ICU's collator. The locale is a process's
 * own (from LANG), so each is checked in a process of its own.
 */
describe('names in collation order under other locales', () => {
  it('under a locale that orders ASCII its own way (Danish, Turkish) leaves the order to the collator', () => {
    const names = ['Aa', 'Zz', 'a', 'B', 'b', 'I', 'i', 'ı', 'ch', 'h'];
    for (const lang of ['da_DK.UTF-8', 'tr_TR.UTF-8']) {
      const script = `import { compareNames } from ${JSON.stringify(resolve(import.meta.dirname, '..', '..', 'shared', 'name-order.ts'))}; const names = ${JSON.stringify(names)}; console.log(JSON.stringify([[...names].sort(compareNames), [...names].sort((a, b) => a.localeCompare(b))]));`;
      // The locale comes from LANG when LC_ALL and LC_MESSAGES are not set.
      const env = Object.fromEntries(Object.entries({ ...process.env, LANG: lang }).filter(([name]) => name !== 'LC_ALL' && name !== 'LC_MESSAGES'));
      const [ours, theirs] = JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { env, encoding: 'utf8' })) as [string[], string[]];
      expect(ours, lang).toEqual(theirs);
      // The locale's own order, which the root collation would not give.
      expect(theirs.indexOf('Aa') > theirs.indexOf('Zz') || theirs.indexOf('ı') < theirs.indexOf('I'), lang).toBe(true);
    }
  });
});
