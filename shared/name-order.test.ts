import { describe, expect, it } from 'vitest';
import { compareNames } from './name-order';

/**
 * compareNames must order names exactly as localeCompare does (the CLI's triage list, the blast
 * radius's principals): the tests run under an English locale (CI's C.UTF-8 resolves to en-US),
 * where ASCII names take the path without ICU's collator. Other locales:
 * electron/triage/name-order-locales.test.ts.
 */
const sign = (n: number) => Math.sign(n);
const collator = new Intl.Collator();

/** A small deterministic generator: the same names on every run. */
function* randomNames(count: number, alphabet: string, seed = 7): Generator<string> {
  let state = seed;
  const next = () => (state = (state * 1_103_515_245 + 12_345) % 2 ** 31);
  for (let n = 0; n < count; n++) {
    const length = next() % 9;
    let name = '';
    for (let i = 0; i < length; i++) name += alphabet[next() % alphabet.length];
    yield name;
  }
}

describe('names in collation order', () => {
  it('runs under a locale whose collation orders ASCII as the root collation does', () => {
    expect(new Intl.PluralRules().resolvedOptions().locale).toMatch(/^(en|und)(-|$)/);
  });

  it('agrees with localeCompare on every pair of ASCII characters, control characters included', () => {
    const ascii = Array.from({ length: 128 }, (_, c) => String.fromCharCode(c));
    for (const a of ascii) for (const b of ascii) expect(sign(compareNames(a, b)), `${a.charCodeAt(0)} vs ${b.charCodeAt(0)}`).toBe(sign(a.localeCompare(b)));
  });

  it('agrees with localeCompare on 20,000 random ASCII names: case, digits, punctuation, spaces and ignorable characters mixed', () => {
    // Letters near each other, both cases, and the characters whose order is the hard part.
    const alphabet = 'aAbBzZ019 _-.,\'"()/\\&#@$~|\t\x01\x7f';
    const names = [...randomNames(20_000, alphabet)];
    for (let i = 1; i < names.length; i++) {
      const [a, b] = [names[i - 1]!, names[i]!];
      expect(sign(compareNames(a, b)), JSON.stringify([a, b])).toBe(sign(a.localeCompare(b)));
    }
    // And as a whole list: a sort meets most pairs; names the collation cannot tell apart keep their places (a stable sort).
    const sample = names.slice(0, 3_000);
    expect([...sample].sort(compareNames)).toEqual([...sample].sort((a, b) => a.localeCompare(b)));
  });

  it('sorts agent names with case, digits, accents and other scripts exactly as localeCompare does', () => {
    const names = [
      'Refund Bot', 'refund bot', 'Refund bot', 'Refund-Bot', 'Refund_Bot', 'RefundBot', 'Refund Bot 2', 'Refund Bot 10', 'refund-bot-v2',
      'Émile', 'emile', 'Emile', 'Zoë', 'zoe', 'Zoe', 'Ærø Agent', 'Ångström', 'Straße', 'strasse', 'ßot', 'İstanbul bot', 'ıslak',
      'Ledger Reconciler', 'ledger', 'LEDGER', 'Łódź', 'Čapek', 'Søren', 'Ōsaka', '東京 agent', 'агент', 'Αθήνα', '(draft) agent', '#ops bot', '',
    ];
    expect([...names].sort(compareNames)).toEqual([...names].sort((a, b) => a.localeCompare(b)));
    expect([...names].reverse().sort(compareNames)).toEqual([...names].reverse().sort((a, b) => collator.compare(a, b)));
  });
});
