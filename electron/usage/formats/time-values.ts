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

/** UTC milliseconds from a date-time string, or null when the text is no date-time or an impossible one. */
export function dateTimeTextToMs(text: string): number | null {
  const m = DATE_TIME.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const hour = m[4] === undefined ? 0 : Number(m[4]);
  const minute = m[5] === undefined ? 0 : Number(m[5]);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  const fraction = m[7] === undefined ? 0 : Number(`0.${m[7]}`);
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
  return dayMs + ((hour * 60 + minute) * 60 + second) * 1000 + Math.round(fraction * 1000) - offsetMinutes * 60_000;
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
