import { describe, expect, it } from 'vitest';
import { IsoDate } from './agent';

describe('IsoDate', () => {
  it('accepts real calendar dates, leap days included', () => {
    for (const d of ['2024-02-29', '2000-02-29', '2026-12-31', '1999-01-01']) expect(IsoDate.safeParse(d).success).toBe(true);
  });
  it('refuses impossible dates and other shapes', () => {
    for (const d of ['2026-02-29', '1900-02-29', '2026-04-31', '2026-13-01', '2026-00-10', '2026-01-00', '26-01-01', '2026-1-1', '01/02/2026'])
      expect(IsoDate.safeParse(d).success).toBe(false);
  });
});
