/**
 * Names in the order `a.localeCompare(b)` gives them (the default locale's collation), without
 * loading ICU's collator where that is not needed: its first comparison costs a one-shot CLI
 * command about 7 ms of CPU (`triage` sorts its agents by name). Two names of ASCII characters
 * under a locale that orders ASCII as the root collation does (English, or a process whose locale
 * is undetermined) are compared here; anything else (an accent, another script, a Danish or
 * Turkish locale, whose collations order even ASCII letters their own way) by the collator.
 * name-order.test.ts checks the two agree on every pair of ASCII characters and on random names.
 */

/**
 * The root collation (CLDR) of ASCII at its first level: every character that is not ignorable,
 * in order. Whitespace and punctuation sort before digits, digits before letters, and a capital
 * letter weighs what its small letter does, sorting after it only at the third level (case).
 * Control characters are ignored altogether.
 */
const PRIMARY_ORDER = '\t\n\v\f\r _-,;:!?.\'"()[]{}@*/\\&#%`^+<=>|~$0123456789abcdefghijklmnopqrstuvwxyz';

/** Each ASCII code's first-level weight; 0 for an ignorable one. */
const PRIMARY = new Uint8Array(128);
for (let i = 0; i < PRIMARY_ORDER.length; i++) PRIMARY[PRIMARY_ORDER.charCodeAt(i)] = i + 1;
for (let capital = 65; capital <= 90; capital++) PRIMARY[capital] = PRIMARY[capital + 32]!;

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 127) return false;
  return true;
}
const isCapital = (code: number) => code >= 65 && code <= 90;

/** Compares at one level: the weights of the characters that are not ignorable, in turn; a name that runs out first sorts first. */
function compareLevel(a: string, b: string, weight: (code: number) => number): number {
  let i = 0;
  let j = 0;
  for (;;) {
    while (i < a.length && PRIMARY[a.charCodeAt(i)] === 0) i++;
    while (j < b.length && PRIMARY[b.charCodeAt(j)] === 0) j++;
    if (i === a.length || j === b.length) return i === a.length ? (j === b.length ? 0 : -1) : 1;
    const difference = weight(a.charCodeAt(i++)) - weight(b.charCodeAt(j++));
    if (difference !== 0) return difference < 0 ? -1 : 1;
  }
}

/** The root collation of two ASCII names: letters and symbols first, then case (ASCII has no accents, the second level). */
function compareAscii(a: string, b: string): number {
  return compareLevel(a, b, (code) => PRIMARY[code]!) || compareLevel(a, b, (code) => (isCapital(code) ? 1 : 0));
}

let asciiAsRoot: boolean | undefined;
let collator: Intl.Collator | undefined;

/**
 * Whether the default locale orders ASCII as the root collation does. PluralRules names the
 * default locale for a fraction of a millisecond; the collator's own answer is what costs.
 */
function defaultLocaleOrdersAsciiAsRoot(): boolean {
  const locale = new Intl.PluralRules().resolvedOptions().locale;
  return /^(en|und)(-|$)/.test(locale) && !locale.includes('-u-');
}

/** `a.localeCompare(b)`'s sign: negative when `a` sorts first, 0 when the collation does not tell them apart. */
export function compareNames(a: string, b: string): number {
  asciiAsRoot ??= defaultLocaleOrdersAsciiAsRoot();
  if (asciiAsRoot && isAscii(a) && isAscii(b)) return compareAscii(a, b);
  collator ??= new Intl.Collator();
  return collator.compare(a, b);
}
