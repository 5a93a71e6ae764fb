import { lookupTable } from '../lookup-table';

/**
 * Cron schedules in words, for people reviewing when an agent runs: "Every day at 06:00",
 * "Every Monday at 09:00", "Every 15 minutes". Understands five-field cron (with names, lists,
 * ranges, steps and Jenkins' `H`), the @daily family, AWS `cron(...)` (six fields, `?`, `L`,
 * `W`, `#`) and `rate(...)`. Anything else is kept as written and called unrecognised.
 */

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTH_NAMES = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const DAY_NAMES = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

const ALIASES = lookupTable<string>({
  '@yearly': 'Every year on 1 January at 00:00',
  '@annually': 'Every year on 1 January at 00:00',
  '@monthly': 'On day 1 of every month at 00:00',
  '@weekly': 'Every Sunday at 00:00',
  '@daily': 'Every day at 00:00',
  '@midnight': 'Every day at midnight',
  '@hourly': 'Every hour',
  '@reboot': 'At every system start',
  '@once': 'Once',
  '@continuous': 'Continuously: a new run as soon as the previous one ends',
});

/** One comma-separated piece of a field: a value, a range, a step, or Jenkins' hashed `H`. */
type Part =
  | { kind: 'any' }
  | { kind: 'value'; value: number }
  | { kind: 'range'; from: number; to: number }
  | { kind: 'step'; from: number | null; to: number | null; step: number }
  | { kind: 'hashed'; step: number | null }
  | { kind: 'last'; value: number | null } // dom `L`, dow `5L`
  | { kind: 'nearest-weekday'; value: number } // dom `15W`
  | { kind: 'nth'; value: number; nth: number }; // dow `2#1`

interface FieldSpec {
  min: number;
  max: number;
  names?: string[];
  /** AWS numbers days of the week 1-7 from Sunday; standard cron 0-7 from Sunday. */
  offset?: number;
  allow: { last?: boolean; weekday?: boolean; nth?: boolean };
}

class UnrecognisedSchedule extends Error {}

export function describeCron(expression: string): string {
  const written = expression.trim();
  try {
    return describe(written);
  } catch (error) {
    if (error instanceof UnrecognisedSchedule) return `Unrecognised schedule: ${written}`;
    throw error;
  }
}

function describe(written: string): string {
  const zone = written.match(/^(?:CRON_)?TZ=(\S+)\s+([\s\S]*)$/);
  if (zone) return `${describe(zone[2]!.trim())} (${zone[1]})`;
  const alias = ALIASES[written.toLowerCase()];
  if (alias) return alias;
  const rate = written.match(/^rate\(\s*(\d+)\s+(minute|minutes|hour|hours|day|days)\s*\)$/i);
  if (rate) return describeRate(Number(rate[1]), rate[2]!.toLowerCase().replace(/s$/, ''));
  const aws = written.match(/^cron\((.*)\)$/i);
  if (aws) {
    const fields = aws[1]!.trim().split(/\s+/);
    if (fields.length !== 6) throw new UnrecognisedSchedule();
    return describeFields(fields as [string, string, string, string, string], 1);
  }
  const fields = written.split(/\s+/);
  if (fields.length !== 5) throw new UnrecognisedSchedule();
  return describeFields(fields as [string, string, string, string, string], 0);
}

function describeRate(amount: number, unit: string): string {
  if (amount < 1) throw new UnrecognisedSchedule();
  return amount === 1 ? `Every ${unit}` : `Every ${amount} ${unit}s`;
}

function describeFields([minuteText, hourText, domText, monthText, dowText]: [string, string, string, string, string], dowOffset: number): string {
  const minute = parseField(minuteText, { min: 0, max: 59, allow: {} });
  const hour = parseField(hourText, { min: 0, max: 23, allow: {} });
  const dom = parseField(domText, { min: 1, max: 31, allow: { last: true, weekday: true } });
  const month = parseField(monthText, { min: 1, max: 12, names: MONTH_NAMES, allow: {} });
  const dow = parseField(dowText, { min: 0, max: 7, names: DAY_NAMES, offset: dowOffset, allow: { last: true, nth: true } });

  const months = isAny(month) ? '' : monthWords(month);
  if (isAny(dow) && single(dom) !== null && single(month) !== null && single(hour) !== null && single(minute) !== null) {
    return `Every year on ${single(dom)} ${MONTHS[single(month)! - 1]} at ${clock(single(hour)!, single(minute)!)}`;
  }
  const monthSuffix = months ? `, in ${months}` : '';
  const times = pointTimes(minute, hour);
  if (times) return `${dayLead(dom, dow)} ${times}${monthSuffix}`;
  const restriction = dayRestriction(dom, dow);
  return `${capitalise(frequency(minute, hour))}${restriction ? `, ${restriction}` : ''}${monthSuffix}`;
}

function parseField(text: string, spec: FieldSpec): Part[] {
  return text.split(',').map((piece) => parsePart(piece.toUpperCase(), spec));
}

function parsePart(piece: string, spec: FieldSpec): Part {
  if (piece === '*' || piece === '?') return { kind: 'any' };
  const hashed = piece.match(/^H(?:\(\d+-\d+\))?(?:\/(\d+))?$/);
  if (hashed) return { kind: 'hashed', step: hashed[1] ? positive(hashed[1]) : null };
  if (spec.allow.last && piece === 'L') return { kind: 'last', value: null };
  if (spec.allow.last && /^\w+L$/.test(piece)) return { kind: 'last', value: number(piece.slice(0, -1), spec) };
  if (spec.allow.weekday && /^\d+W$/.test(piece)) return { kind: 'nearest-weekday', value: number(piece.slice(0, -1), spec) };
  const nth = spec.allow.nth ? piece.match(/^(\w+)#([1-5])$/) : null;
  if (nth) return { kind: 'nth', value: number(nth[1]!, spec), nth: Number(nth[2]) };
  const step = piece.match(/^(\*|\w+(?:-\w+)?)\/(\d+)$/);
  if (step) {
    const [from, to] = step[1] === '*' ? [null, null] : rangeBounds(step[1]!, spec);
    // `0/15` (AWS style) is the same as `*/15`.
    const fromStart = from === spec.min && to === null;
    return { kind: 'step', from: fromStart ? null : from, to, step: positive(step[2]!) };
  }
  if (piece.includes('-')) {
    const [from, to] = rangeBounds(piece, spec);
    if (to === null) throw new UnrecognisedSchedule();
    return { kind: 'range', from, to };
  }
  return { kind: 'value', value: number(piece, spec) };
}

function rangeBounds(text: string, spec: FieldSpec): [number, number | null] {
  const [from, to] = text.split('-');
  return [number(from!, spec), to === undefined ? null : number(to, spec)];
}

function number(text: string, spec: FieldSpec): number {
  const named = spec.names?.indexOf(text) ?? -1;
  let value: number;
  if (named >= 0) value = named + (spec.names === MONTH_NAMES ? 1 : 0);
  else if (/^\d+$/.test(text)) value = Number(text) - (spec.offset ?? 0);
  else throw new UnrecognisedSchedule();
  if (value < spec.min || value > spec.max) throw new UnrecognisedSchedule();
  return spec.names === DAY_NAMES ? value % 7 : value;
}

function positive(text: string): number {
  const value = Number(text);
  if (!(value >= 1)) throw new UnrecognisedSchedule();
  return value;
}

const isAny = (parts: Part[]) => parts.length === 1 && parts[0]!.kind === 'any';
const single = (parts: Part[]) => (parts.length === 1 && parts[0]!.kind === 'value' ? parts[0]!.value : null);
const values = (parts: Part[]) => (parts.every((p) => p.kind === 'value') ? parts.map((p) => (p as { value: number }).value) : null);
const everyStep = (parts: Part[]) => {
  const part = parts.length === 1 ? parts[0]! : null;
  if (part?.kind === 'step' && part.from === null) return part.step;
  if (part?.kind === 'hashed' && part.step !== null) return part.step;
  return null;
};
const pad = (n: number) => String(n).padStart(2, '0');
const clock = (hour: number, minute: number) => `${pad(hour)}:${pad(minute)}`;
const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** "at 06:00", "at 06:00 and 18:00", "between 07:00 and 07:59" when the schedule fires once or a few times a day. */
function pointTimes(minute: Part[], hour: Part[]): string | null {
  const minutes = values(minute);
  const hours = values(hour);
  const hashedMinute = minute.length === 1 && minute[0]!.kind === 'hashed' && minute[0]!.step === null;
  if (hashedMinute && hours?.length === 1) return `between ${clock(hours[0]!, 0)} and ${clock(hours[0]!, 59)}`;
  if (!minutes || !hours || minutes.length * hours.length > 6) return null;
  const times = hours.flatMap((h) => minutes.map((m) => h * 60 + m)).sort((a, b) => a - b);
  return `at ${joinWords(times.map((t) => clock(Math.floor(t / 60), t % 60)))}`;
}

/** "every 15 minutes", "at minute 30 past every 4th hour", ... for schedules that repeat within a day. */
function frequency(minute: Part[], hour: Part[]): string {
  const minuteValue = single(minute);
  const minuteStep = everyStep(minute);
  const minuteHashed = minute.length === 1 && minute[0]!.kind === 'hashed' && minute[0]!.step === null;
  const onTheHour = minuteValue === 0 || minuteHashed;
  const minuteWords = partsWords(minute, String, 'minute');
  if (isAny(hour)) {
    if (isAny(minute) || minuteStep === 1) return 'every minute';
    if (minuteStep !== null) return `every ${minuteStep} minutes`;
    if (onTheHour) return 'every hour';
    return `at minute${minuteValue === null ? 's' : ''} ${minuteWords} past every hour`;
  }
  const hourStep = everyStep(hour);
  if (hourStep !== null || (hour.length === 1 && hour[0]!.kind === 'step')) {
    const hours = hourStep === 1 ? 'every hour' : partsWords(hour, (h) => clock(h, 0), 'hour');
    if (onTheHour && hourStep !== null) return hourStep === 1 ? 'every hour' : `every ${hourStep} hours`;
    if (onTheHour) return hours;
    if (minuteStep !== null) return `every ${minuteStep} minutes, ${hours}`;
    return `at minute${minuteValue === null ? 's' : ''} ${minuteWords} past ${hours}`;
  }
  const hourValue = single(hour);
  const oneRange = hour.length === 1 && hour[0]!.kind === 'range';
  const during = `${oneRange ? 'from' : hourValue === null ? 'during hours' : 'during hour'} ${partsWords(hour, (h) => clock(h, 0))}`;
  if (isAny(minute) || minuteStep === 1) return `every minute ${during}`;
  if (minuteStep !== null) return `every ${minuteStep} minutes ${during}`;
  if (onTheHour) return `every hour ${during}`;
  return `at minute${minuteValue === null ? 's' : ''} ${minuteWords} past every hour ${during}`;
}

/** Sentence start for a schedule at fixed times: "Every day", "Every Monday", "On day 1 of the month". */
function dayLead(dom: Part[], dow: Part[]): string {
  if (isAny(dom) && isAny(dow)) return 'Every day';
  if (isAny(dom)) return weekdayLead(dow);
  const days = `On ${domWords(dom)}`;
  // Standard cron fires when either the day of the month or the day of the week matches.
  return isAny(dow) ? days : `${days} or ${weekdayPhrase(dow, 'every')}`;
}

function weekdayLead(dow: Part[]): string {
  return capitalise(weekdayPhrase(dow, 'every'));
}

function weekdayPhrase(dow: Part[], every: string): string {
  if (dow.every((p) => p.kind === 'nth' || p.kind === 'last')) return `on ${partsWords(dow, dayName)} of the month`;
  return `${every} ${partsWords(dow, dayName)}`;
}

/** The day limits of a repeating schedule, after its frequency: "Monday to Friday", "on day 1 of the month". */
function dayRestriction(dom: Part[], dow: Part[]): string {
  const weekdays = isAny(dow) ? '' : weekdayPhrase(dow, 'on');
  const monthDays = isAny(dom) ? '' : `on ${domWords(dom)}`;
  return [monthDays, weekdays].filter(Boolean).join(' or ');
}

function domWords(dom: Part[]): string {
  const days = values(dom);
  if (days) return `day${days.length > 1 ? 's' : ''} ${joinWords(days.map(String))} of the month`;
  return `${partsWords(dom, String, 'day')} of the month`;
}

function monthWords(month: Part[]): string {
  return partsWords(month, (m) => MONTHS[m - 1]!, 'month');
}

const dayName = (d: number) => DAYS[d % 7]!;

function partsWords(parts: Part[], name: (n: number) => string, unit = 'day'): string {
  return joinWords(parts.map((part) => partWords(part, name, unit)));
}

function partWords(part: Part, name: (n: number) => string, unit: string): string {
  switch (part.kind) {
    case 'any':
      return 'every';
    case 'value':
      return name(part.value);
    case 'range':
      return `${name(part.from)} to ${name(part.to)}`;
    case 'step': {
      const every = part.step === 1 ? `every ${unit}` : `every ${ordinal(part.step)} ${unit}`;
      if (part.from === null) return every;
      return part.to === null ? `${every} from ${name(part.from)}` : `${every} from ${name(part.from)} to ${name(part.to)}`;
    }
    case 'hashed':
      return part.step === null ? `one ${unit} (chosen by Jenkins)` : `every ${ordinal(part.step)} ${unit}`;
    case 'last':
      return part.value === null ? 'the last day' : `the last ${name(part.value)}`;
    case 'nearest-weekday':
      return `the weekday nearest day ${part.value}`;
    case 'nth':
      return `the ${ordinal(part.nth)} ${name(part.value)}`;
  }
}

function ordinal(n: number): string {
  if (n === 1) return 'first';
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
  return `${n}${suffix}`;
}

function joinWords(words: string[]): string {
  if (words.length <= 1) return words[0] ?? '';
  return `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}
