import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime } from './format-date';

const inLocale = (locale: string, timeZone: string) => ({
  calendar: new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }),
  instant: new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone }),
});

describe('formatDate', () => {
  it('shows a calendar date in the person’s locale, on its own day whatever the time zone', () => {
    expect(formatDate('2026-08-28', inLocale('en-US', 'America/Los_Angeles'))).toBe('Aug 28, 2026');
    expect(formatDate('2026-08-28', inLocale('en-GB', 'Pacific/Kiritimati'))).toBe('28 Aug 2026');
    expect(formatDate('2026-08-28', inLocale('de-DE', 'UTC'))).toBe('28.08.2026');
  });
  it('shows an instant as the local day it fell on', () => {
    expect(formatDate('2026-08-28T23:30:00Z', inLocale('en-GB', 'Asia/Tokyo'))).toBe('29 Aug 2026');
  });
  it('uses the same date style for dates and date-times', () => {
    const time = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
    expect(formatDateTime('2026-08-28T09:05:00Z', time)).toBe('28 Aug 2026, 09:05');
    expect(formatDate('2026-08-28', inLocale('en-GB', 'UTC'))).toBe('28 Aug 2026');
  });
  it('shows text that is not a date as written', () => {
    expect(formatDate('soon')).toBe('soon');
    expect(formatDateTime('not a time')).toBe('not a time');
  });
});
