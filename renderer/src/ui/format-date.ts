/**
 * The one way dates are shown: the person's locale, medium style ("28 Aug 2026", "Aug 28, 2026"),
 * with the time where there is one. Files and the wire keep ISO 8601; only display goes through here.
 */

const DATE = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
// A calendar date names a day, not an instant: read and written in UTC so no time zone moves it.
const CALENDAR_DATE = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });
const DATE_TIME = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

const CALENDAR = /^\d{4}-\d{2}-\d{2}$/;

/** "2026-08-28" or an ISO instant, shown as a date; text that is not a date is shown as written. */
export function formatDate(iso: string, formats: { calendar: Intl.DateTimeFormat; instant: Intl.DateTimeFormat } = { calendar: CALENDAR_DATE, instant: DATE }): string {
  const calendar = CALENDAR.test(iso);
  const date = new Date(calendar ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(date.getTime())) return iso;
  return (calendar ? formats.calendar : formats.instant).format(date);
}

/** An ISO instant (audit entries, scans, decisions) with its local time. */
export function formatDateTime(iso: string, format: Intl.DateTimeFormat = DATE_TIME): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : format.format(date);
}
