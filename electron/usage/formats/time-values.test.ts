import { describe, expect, it } from 'vitest';
import { dateTimeTextToMs, readCallTimeMs } from './time-values';
import { inputErrorOf } from './usage-test-helpers';

describe('call times', () => {
  it('reads ISO, Postgres and zone-less forms alike', () => {
    const t = Date.UTC(2026, 10, 3, 10, 21, 7, 123);
    for (const text of [
      '2026-11-03T10:21:07.123Z',
      '2026-11-03 10:21:07.123+00',
      '2026-11-03 10:21:07.123+00:00',
      '2026-11-03T10:21:07.123',
      '2026-11-03T10:21:07.123456',
      '2026-11-03T12:21:07.123+0200',
      '2026-11-03T07:51:07.123-02:30',
      '2026-11-03 10:21:07,123 +00',
    ]) {
      expect(dateTimeTextToMs(text), text).toBe(t);
    }
    expect(dateTimeTextToMs('2026-11-03')).toBe(Date.UTC(2026, 10, 3));
    expect(dateTimeTextToMs('2026-11-03T10:21')).toBe(Date.UTC(2026, 10, 3, 10, 21));
    expect(dateTimeTextToMs('2028-02-29T00:00:00Z')).toBe(Date.UTC(2028, 1, 29));
  });

  it('refuses impossible dates and other forms', () => {
    for (const text of ['2026-02-30T10:00:00Z', '2027-02-29T00:00:00Z', '2026-13-01T00:00:00Z', '2026-11-03T24:00:00Z', '03/11/2026', '2026-11-03T10:21:07+25', 'yesterday']) {
      expect(dateTimeTextToMs(text), text).toBeNull();
    }
  });

  it('tells epoch seconds from milliseconds and refuses times outside 2000-2200', () => {
    expect(readCallTimeMs(1762165267, 't', 'line 2')).toBe(1762165267000);
    expect(readCallTimeMs('1762165267.5', 't', 'line 2')).toBe(1762165267500);
    expect(readCallTimeMs(1762165267123, 't', 'line 2')).toBe(1762165267123);
    expect(inputErrorOf(() => readCallTimeMs(5, 't', 'line 2')).message).toMatch(/between 2000 and 2200, found 5/);
    expect(inputErrorOf(() => readCallTimeMs(true, 't', 'line 2')).message).toMatch(/found true/);
  });
});
