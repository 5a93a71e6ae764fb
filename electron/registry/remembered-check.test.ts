import { describe, expect, it } from 'vitest';
import { rememberPassing } from './remembered-check';

describe('a remembered check', () => {
  it('answers as the check does, asking it once per passing value and every time for a failing one', () => {
    const asked: string[] = [];
    const check = rememberPassing((text) => {
      asked.push(text);
      return text.includes('@');
    });
    expect([check('a@x.io'), check('a@x.io'), check('nope'), check('nope'), check('b@x.io')]).toEqual([true, true, false, false, true]);
    expect(asked).toEqual(['a@x.io', 'nope', 'nope', 'b@x.io']);
  });

  it('holds at most its capacity: past it, values are asked again', () => {
    const asked: string[] = [];
    const check = rememberPassing((text) => {
      asked.push(text);
      return true;
    }, 2);
    for (const text of ['a', 'b', 'c', 'a']) expect(check(text)).toBe(true);
    expect(asked).toEqual(['a', 'b', 'c', 'a']);
  });
});
