import { UsageInputError } from './usage-format';
import { describeValue } from './usage-values';

/**
 * Per-call timestamps as gateways and databases write them. Where usage-values' readTimestampMs
 * reads a provider's bucket bounds (unix seconds or strict RFC 3339), a spend log exported from
 * Postgres or a script says "2026-11-03 10:21:07.123+00", "2026-11-03T10:21:07.123456" (no zone:
 * the database's UTC) or epoch milliseconds; all of them are accepted here, nothing else.
 */

/** Call times outside these years are a wrong column or unit, not a call. */
const EARLIEST_MS = Date.UTC(2000, 0, 1);
const LATEST_MS = Date.UTC(2200, 0, 1);

/**
 * Date, optional time (seconds and fraction optional), optional zone: Z, ±HH, ±HHMM or ±HH:MM
 * (Postgres writes "+00"; ISO writes "+00:00").
 */
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)? ?(?:([Zz])|([+-])(\d{2})(?::?(\d{2}))?)?$/;
const EPOCH_TEXT = /^\d+(?:\.\d+)?$/;

export const TIMESTAMP_FORMS =
  'an ISO 8601 time (2026-11-03T10:21:07Z, with or without a zone; none means UTC), a Postgres timestamp (2026-11-03 10:21:07.123+00) or epoch seconds or milliseconds';

/** "123456" after the seconds' point → 123 ms (rounded; the same arithmetic on both paths). */
function fractionMs(digits: string): number {
  return Math.round(Number(digits) / 10 ** (digits.length - 3));
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function digit(text: string, i: number): number {
  const d = text.charCodeAt(i) - 48;
  return d >= 0 && d <= 9 ? d : NaN;
}

/**
 * The forms a million-row export repeats ("2026-11-03 10:21:07.123+00", "2026-11-03T10:21:07Z"),
 * read by position without a regular expression; null sends anything else to the full reader.
 */
function commonDateTimeToMs(t: string): number | null {
  const n = t.length;
  if (n < 19 || t.charCodeAt(4) !== 0x2d || t.charCodeAt(7) !== 0x2d || t.charCodeAt(13) !== 0x3a || t.charCodeAt(16) !== 0x3a) return null;
  const sep = t.charCodeAt(10);
  if (sep !== 0x54 && sep !== 0x20) return null;
  const year = digit(t, 0) * 1000 + digit(t, 1) * 100 + digit(t, 2) * 10 + digit(t, 3);
  const month = digit(t, 5) * 10 + digit(t, 6);
  const day = digit(t, 8) * 10 + digit(t, 9);
  const hour = digit(t, 11) * 10 + digit(t, 12);
  const minute = digit(t, 14) * 10 + digit(t, 15);
  const second = digit(t, 17) * 10 + digit(t, 18);
  // NaN fails every comparison: a non-digit anywhere ends here.
  if (!(month >= 1 && month <= 12 && day >= 1 && hour <= 23 && minute <= 59 && second <= 60 && year >= 0)) return null;
  if (day > DAYS_IN_MONTH[month - 1]! || (month === 2 && day === 29 && !(year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)))) return null;
  let i = 19;
  let ms = 0;
  if (i < n && t.charCodeAt(i) === 0x2e) {
    const from = ++i;
    while (i < n && i - from < 9 && digit(t, i) >= 0) i++;
    if (i === from) return null;
    ms = fractionMs(t.slice(from, i));
  }
  let offsetMinutes = 0;
  if (i < n) {
    const c = t.charCodeAt(i);
    if ((c === 0x5a || c === 0x7a) && i + 1 === n) {
      // Z
    } else if (c === 0x2b || c === 0x2d) {
      const rest = n - i - 1;
      const offH = digit(t, i + 1) * 10 + digit(t, i + 2);
      let offM = 0;
      if (rest === 5 && t.charCodeAt(i + 3) === 0x3a) offM = digit(t, i + 4) * 10 + digit(t, i + 5);
      else if (rest === 4) offM = digit(t, i + 3) * 10 + digit(t, i + 4);
      else if (rest !== 2) return null;
      if (!(offH <= 23 && offM <= 59)) return null;
      offsetMinutes = (c === 0x2d ? -1 : 1) * (offH * 60 + offM);
    } else {
      return null;
    }
  }
  return Date.UTC(year, month - 1, day) + ((hour * 60 + minute) * 60 + second) * 1000 + ms - offsetMinutes * 60_000;
}

/** UTC milliseconds from a date-time string, or null when the text is no date-time or an impossible one. */
export function dateTimeTextToMs(text: string): number | null {
  const common = commonDateTimeToMs(text);
  if (common !== null) return common;
  const m = DATE_TIME.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const hour = m[4] === undefined ? 0 : Number(m[4]);
  const minute = m[5] === undefined ? 0 : Number(m[5]);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  const fractionMsValue = m[7] === undefined ? 0 : fractionMs(m[7]);
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 60) return null;
  const dayMs = Date.UTC(year, month - 1, day);
  if (new Date(dayMs).getUTCDate() !== day) return null; // "02-30" is no day
  let offsetMinutes = 0;
  if (m[9] !== undefined) {
    const offH = Number(m[10]);
    const offM = m[11] === undefined ? 0 : Number(m[11]);
    if (offH > 23 || offM > 59) return null;
    offsetMinutes = (m[9] === '-' ? -1 : 1) * (offH * 60 + offM);
  }
  return dayMs + ((hour * 60 + minute) * 60 + second) * 1000 + fractionMsValue - offsetMinutes * 60_000;
}

/**
 * Epoch seconds, milliseconds, microseconds or nanoseconds, told apart by size: 1.8e9 is seconds in
 * 2027, 1.8e12 milliseconds; no call happened in 1970 or after 2200, so the ranges never overlap.
 */
export function epochToMs(value: number): number {
  const abs = Math.abs(value);
  if (abs < 1e11) return value * 1000;
  if (abs < 1e14) return value;
  if (abs < 1e17) return value / 1000;
  return value / 1e6;
}

/** A call's time as UTC milliseconds, or a UsageInputError naming the value and the accepted forms. */
export function readCallTimeMs(value: unknown, field: string, position: string): number {
  let ms: number | null = null;
  if (typeof value === 'number' && Number.isFinite(value)) ms = epochToMs(value);
  else if (typeof value === 'string') {
    const text = value.trim();
    ms = EPOCH_TEXT.test(text) ? epochToMs(Number(text)) : dateTimeTextToMs(text);
  }
  if (ms === null) {
    throw new UsageInputError(position, `${field} should be ${TIMESTAMP_FORMS}, found ${describeValue(value)}: export the times in one of these forms`);
  }
  if (ms < EARLIEST_MS || ms >= LATEST_MS) {
    throw new UsageInputError(position, `${field} should be a time between 2000 and 2200, found ${describeValue(value)}: check that the column holds the call's time`);
  }
  return Math.round(ms);
}
