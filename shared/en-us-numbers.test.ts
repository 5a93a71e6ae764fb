import { describe, expect, it, vi } from 'vitest';
import { enUsFixed, enUsNumber } from './en-us-numbers';

/** Seeded, so a failure names a value that can be tried again. */
function* randomValues(seed: number, count: number): Generator<number> {
  let state = seed;
  const next = () => ((state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  for (let i = 0; i < count; i++) {
    const magnitude = 10 ** Math.floor(next() * 16);
    yield (next() < 0.2 ? -1 : 1) * next() * magnitude;
  }
}

const EDGES = [0, -0, 1, -1, 999, 1000, 1001, 999_999, 1_000_000, 12_345_678.5, 0.005, 0.015, 0.125, 1.005, 2.345, -0.001, -0.005, 1e20, 123_456_789_012_345, Number.MAX_SAFE_INTEGER, 1e21, 5e-7, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY];

describe('numbers as en-US writes them, without Intl', () => {
  it('writes integers natively, and any number exactly as toLocaleString("en-US") does, commas, signs and all', () => {
    for (const n of [...EDGES, ...randomValues(7, 5000)]) expect(enUsNumber(n), String(n)).toBe(n.toLocaleString('en-US'));
    expect(enUsNumber(3_400_000)).toBe('3,400,000');
  });

  it('writes money with two decimals exactly as toLocaleString("en-US", two fraction digits) does, including how it rounds halves', () => {
    const two = { minimumFractionDigits: 2, maximumFractionDigits: 2 };
    for (const n of [...EDGES, ...randomValues(11, 5000)]) expect(enUsFixed(n, 2), String(n)).toBe(n.toLocaleString('en-US', two));
    expect(enUsFixed(1234.5, 2)).toBe('1,234.50');
  });

  it('never calls toLocaleString for the counts and amounts a command prints', () => {
    const spy = vi.spyOn(Number.prototype, 'toLocaleString');
    try {
      enUsNumber(1_213);
      enUsNumber(-42);
      enUsFixed(43.734, 2);
      enUsFixed(0, 2);
      expect(spy).not.toHaveBeenCalled();
    } finally {
      spy.mockRestore();
    }
  });
});
