import { describe, expect, it } from 'vitest';
import { rfc3339Instant } from './rfc3339';

describe('rfc3339Instant', () => {
  it('reads the forms OSV databases write, as instants', () => {
    expect(rfc3339Instant('2024-05-01T12:00:00Z')).toBe(Date.UTC(2024, 4, 1, 12));
    expect(rfc3339Instant('2024-05-01T12:00:00.123456Z')).toBe(Date.UTC(2024, 4, 1, 12, 0, 0, 123));
    expect(rfc3339Instant('2024-05-01t12:00:00z')).toBe(Date.UTC(2024, 4, 1, 12));
    expect(rfc3339Instant('2024-02-29T00:00:00Z')).toBe(Date.UTC(2024, 1, 29));
  });

  it('applies the offset, so the same instant in two zones is equal and text order does not decide', () => {
    expect(rfc3339Instant('2024-05-01T14:00:00+02:00')).toBe(rfc3339Instant('2024-05-01T12:00:00Z'));
    // As text "…T09:00:00-05:00" sorts before "…T12:00:00Z", yet it is two hours later.
    expect(rfc3339Instant('2024-05-01T09:00:00-05:00')!).toBeGreaterThan(rfc3339Instant('2024-05-01T12:00:00Z')!);
  });

  it('reads years below 100 as themselves', () => {
    expect(new Date(rfc3339Instant('0042-01-01T00:00:00Z')!).getUTCFullYear()).toBe(42);
  });

  it.each([
    '',
    'yesterday',
    '2024-05-01',
    '2024-05-01T12:00:00',
    '2024-05-01 12:00:00Z',
    '2024-13-01T00:00:00Z',
    '2023-02-29T00:00:00Z',
    '2024-04-31T00:00:00Z',
    '2024-05-01T24:00:00Z',
    '2024-05-01T12:60:00Z',
    '2024-05-01T12:00:00+24:00',
    '9999-99-99T99:99:99Z',
    ' 2024-05-01T12:00:00Z',
    '2024-05-01T12:00:00Z\n',
  ])('refuses %j', (text) => {
    expect(rfc3339Instant(text)).toBeNull();
  });
});
