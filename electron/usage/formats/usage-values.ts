import { UsageInputError } from './usage-format';

/**
 * Reading single values out of usage exports: token counts, timestamps, ids and money. Shared by
 * every usage format so that the same mistake in any file reads the same way ("input_tokens at
 * data[3].results[0] should be a whole number of tokens, found -5").
 */

/** Strings from a file never go whole into a message: a bad cell can be a megabyte long. */
export const MESSAGE_TEXT_LIMIT = 80;

/** Token counts above this are corrupt, not usage (a year of a large organisation is ~1e12). */
export const MAX_TOKENS = 1e15;

/** Bucket bounds outside these years are not usage from an LLM provider but a wrong column or unit. */
const EARLIEST_MS = Date.UTC(2000, 0, 1);
const LATEST_MS = Date.UTC(2200, 0, 1);

export function cutForMessage(text: string, limit = MESSAGE_TEXT_LIMIT): string {
  return text.length <= limit ? text : `${text.slice(0, limit - 1)}…`;
}

/** A value as a person would recognise it in their file, short. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') return value === '' ? 'an empty value' : JSON.stringify(cutForMessage(value));
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return 'a list';
  return 'an object';
}

function refuse(position: string, field: string, expected: string, value: unknown): never {
  throw new UsageInputError(position, `${field} should be ${expected}, found ${describeValue(value)}`);
}

/** A plain decimal written out, as JSON numbers and CSV cells are ("12", "12.0", "-3.5e2" is not). */
const DECIMAL_TEXT = /^-?\d+(?:\.\d+)?$/;

/**
 * A count of tokens (or requests): a whole number from 0 to MAX_TOKENS. CSV exports write counts
 * as text and spreadsheet tools add ".0" ("3.0"), so whole-number text is accepted too.
 */
export function readCount(value: unknown, field: string, position: string): number {
  let count: number;
  if (typeof value === 'number') count = value;
  else if (typeof value === 'string' && DECIMAL_TEXT.test(value.trim())) count = Number(value.trim());
  else return refuse(position, field, 'a whole number of tokens', value);
  if (!Number.isInteger(count)) return refuse(position, field, 'a whole number of tokens', value);
  if (count < 0) return refuse(position, field, 'zero or more tokens', value);
  if (count > MAX_TOKENS) return refuse(position, field, `at most ${MAX_TOKENS.toExponential()} tokens (larger counts are corrupt)`, value);
  return count;
}

/** A count the export may leave out (older exports, fields added later): absent, null or an empty cell is 0. */
export function readOptionalCount(value: unknown, field: string, position: string): number {
  if (value === undefined || value === null || value === '') return 0;
  return readCount(value, field, position);
}

/** RFC 3339: a full date, a time and an offset ("2025-08-01T00:00:00Z", "2025-10-27T00:10:00+00:00"). */
const RFC_3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;
const UNIX_SECONDS_TEXT = /^\d+(?:\.\d+)?$/;

function rfc3339ToMs(text: string): number | null {
  const match = RFC_3339.exec(text);
  if (!match) return null;
  const [, year, month, day, hour, minute, second] = match.map(Number) as number[];
  const ms = Date.parse(text.replace(' ', 'T'));
  if (!Number.isFinite(ms)) return null;
  // Date.parse rolls "02-30" over into March; a real export never says that.
  const check = new Date(Date.UTC(year!, month! - 1, day!, hour!, minute!, second!));
  if (check.getUTCMonth() !== month! - 1 || check.getUTCDate() !== day! || hour! > 23 || minute! > 59 || second! > 60) return null;
  return ms;
}

/**
 * A bucket bound as UTC milliseconds: unix seconds (a number, or a number written as text) or an
 * RFC 3339 string. Providers mix the two (OpenAI seconds, Anthropic RFC 3339, the OpenAI CSV both).
 */
export function readTimestampMs(value: unknown, field: string, position: string): number {
  const expected = 'unix seconds or an RFC 3339 time such as 2025-08-01T00:00:00Z';
  let ms: number | null = null;
  if (typeof value === 'number' && Number.isFinite(value)) ms = value * 1000;
  else if (typeof value === 'string') {
    const text = value.trim();
    ms = UNIX_SECONDS_TEXT.test(text) ? Number(text) * 1000 : rfc3339ToMs(text);
  }
  if (ms === null) return refuse(position, field, expected, value);
  if (ms < EARLIEST_MS || ms >= LATEST_MS) {
    // Milliseconds where seconds belong is the usual cause: say so.
    const hint = ms >= LATEST_MS && (typeof value !== 'string' || UNIX_SECONDS_TEXT.test(value.trim())) ? ' (unix seconds, not milliseconds)' : '';
    return refuse(position, field, `a time between 2000 and 2200${hint}`, value);
  }
  return Math.round(ms);
}

export interface TimeSpan {
  startMs: number;
  endMs: number;
}

/** A bucket's start and end, both required, the end not before the start. */
export function readTimeSpan(start: unknown, end: unknown, names: { start: string; end: string }, position: string): TimeSpan {
  if (start === undefined || start === null || start === '') {
    throw new UsageInputError(position, `the bucket has no ${names.start}: every bucket needs its start and end; export the report again`);
  }
  if (end === undefined || end === null || end === '') {
    throw new UsageInputError(position, `the bucket has no ${names.end}: every bucket needs its start and end; export the report again`);
  }
  const startMs = readTimestampMs(start, names.start, position);
  const endMs = readTimestampMs(end, names.end, position);
  if (endMs < startMs) {
    throw new UsageInputError(
      position,
      `${names.end} ${describeValue(end)} is before ${names.start} ${describeValue(start)}: a bucket must end after it starts`,
    );
  }
  return { startMs, endMs };
}

/** An id or name the export gives when grouped (project, key, model): text, or null when absent or empty. */
export function readOptionalText(value: unknown, field: string, position: string): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') return value.trim() === '' ? null : value;
  return refuse(position, field, 'text or null', value);
}

/**
 * A decimal written as text moved `places` to the left without binary rounding: Anthropic's
 * "123.45" cents is exactly 1.2345 dollars, where 123.45 / 100 is not always.
 */
export function shiftDecimalLeft(text: string, places: number): number {
  const negative = text.startsWith('-');
  const digits = negative ? text.slice(1) : text;
  const [whole = '', fraction = ''] = digits.split('.');
  const padded = whole.padStart(places + 1, '0');
  const shifted = `${padded.slice(0, padded.length - places)}.${padded.slice(padded.length - places)}${fraction}`;
  return Number(negative ? `-${shifted}` : shifted);
}

/** Money amounts above this are corrupt, not a bill. */
export const MAX_AMOUNT = 1e12;

/**
 * A money amount: a number, or a decimal written as text. Negative amounts are credits and
 * refunds, which bills do carry. `minorUnits` divides (cents to dollars: 2).
 */
export function readAmount(value: unknown, field: string, position: string, minorUnits = 0): number {
  let amount: number;
  if (typeof value === 'number' && Number.isFinite(value)) amount = value / 10 ** minorUnits;
  else if (typeof value === 'string' && DECIMAL_TEXT.test(value.trim())) amount = shiftDecimalLeft(value.trim(), minorUnits);
  else return refuse(position, field, minorUnits ? 'an amount such as "123.45" (in cents)' : 'an amount such as 1.25', value);
  if (Math.abs(amount) > MAX_AMOUNT) return refuse(position, field, `an amount below ${MAX_AMOUNT.toExponential()} (larger amounts are corrupt)`, value);
  return amount;
}

/** A provider report's bucket: no cost of its own, no tags, no call id (tags and ids belong to calls, which buckets sum). */
export const BUCKET_WITHOUT_CALL_FIELDS = {
  reportedCostUsd: null,
  agentTag: null,
  featureTag: null,
  userTag: null,
  sessionTag: null,
  serviceTag: null,
  eventId: null,
} as const;
