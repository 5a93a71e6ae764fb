import { describe, expect, it } from 'vitest';
import codeRulePack from '../../../resources/rules/code.json';
import { globMatcher, globToRegExpSource } from './glob';

/** What every pattern meant before plain names went into a set: one anchored regular expression. */
function regexMatcher(patterns: readonly string[], ignoreCase: boolean) {
  const regex = new RegExp(`^(?:${patterns.map(globToRegExpSource).join('|')})$`, ignoreCase ? 'i' : '');
  return (text: string) => regex.test(text);
}

/** Texts near a pattern: its words as written, cased differently, cut short, extended, or with a call's argument. */
function textsNear(pattern: string): string[] {
  const plain = pattern.replace(/\{([^{},]*)[^{}]*\}/g, '$1').replaceAll('*', 'x.y').replaceAll('()', '(arg)');
  return [plain, plain.toUpperCase(), plain.slice(0, -1), `${plain}.more`, `pre.${plain}`, plain.replaceAll('(arg)', '()'), plain.replaceAll('(arg)', '(a(b))')];
}

describe('rule globs', () => {
  it('match what the regular expression they stand for matches, for every field of the shipped pack', () => {
    let compared = 0;
    for (const rule of codeRulePack.rules as Array<Record<string, unknown>>) {
      for (const [field, value] of Object.entries(rule)) {
        if (!Array.isArray(value) || !value.every((v) => typeof v === 'string') || field === 'languages' || field === 'prefilter') continue;
        const patterns = value as string[];
        for (const ignoreCase of [false, true]) {
          const matcher = globMatcher(patterns, { ignoreCase });
          const reference = regexMatcher(patterns, ignoreCase);
          for (const text of patterns.flatMap(textsNear)) {
            expect(matcher.test(text), `${rule.id as string} ${field} ${JSON.stringify(text)}`).toBe(reference(text));
            compared++;
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(5_000);
  });

  it('spells out braces, keeps wildcards and calls, and folds case only when asked', () => {
    const calls = globMatcher(['os.{system,popen}', 'subprocess.*', 'smtplib.SMTP().send_message', 'boto3.client(bedrock-runtime)']);
    expect(['os.system', 'os.popen', 'subprocess.run', 'smtplib.SMTP().send_message', 'smtplib.SMTP(host).send_message', 'boto3.client(bedrock-runtime)'].map((t) => calls.test(t))).toEqual([true, true, true, true, true, true]);
    expect(['os.systems', 'OS.system', 'os.', 'smtplib.SMTP(a(b)).send_message', 'boto3.client(s3)'].map((t) => calls.test(t))).toEqual([false, false, false, false, false]);
    const envNames = globMatcher(['OPENAI_API_KEY', '*_TOKEN'], { ignoreCase: true });
    expect(['openai_api_key', 'Slack_Token', 'OPENAI_API_KEYS'].map((t) => envNames.test(t))).toEqual([true, true, false]);
  });

  it('keeps a pattern of very many words in the regular expression', () => {
    const many = `${'{a,b,c,d}.'.repeat(4)}x`; // 256 words
    const matcher = globMatcher([many, 'plain']);
    expect(matcher.test('a.b.c.d.x')).toBe(true);
    expect(matcher.test('a.b.c.e.x')).toBe(false);
    expect(matcher.test('plain')).toBe(true);
  });
});
