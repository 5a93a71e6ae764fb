import type { CallSite, Value } from './code-model';
import { literalText, resolved } from './finding-context';
import type { FindingContext } from './finding-context';

/**
 * The schedule of the jobs an in-process scheduler runs, read from where they are registered on
 * it: APScheduler's `sched.add_job(fn, 'cron', hour=3)` and `@sched.scheduled_job('interval',
 * minutes=5)` (also with `trigger=CronTrigger(...)` or `CronTrigger.from_crontab('0 3 * * *')`).
 * The schedule library's `schedule.every(…)…do(job)` jobs count for its `run_pending()` loop.
 * `start` is the scheduler's start call; the jobs are the calls on the same scheduler object. One
 * schedule when every job reads the same, else null (several times, or one not written literally).
 */
export function scheduleOfSchedulerJobs(context: FindingContext, start: CallSite): string | null {
  const schedules = new Set(jobSchedules(context, start));
  if (schedules.size !== 1) return null;
  return [...schedules][0] ?? null;
}

function jobSchedules(context: FindingContext, start: CallSite): Array<string | null> {
  const { calls } = context.model;
  // The schedule library: `schedule.every().day.at("06:00").do(job)` jobs, run by a `schedule.run_pending()` loop.
  if (start.callee === 'schedule.run_pending') return calls.filter((call) => SCHEDULE_LIBRARY_JOB.test(call.callee)).map((job) => scheduleLibraryJob(context, job));
  if (!start.callee.endsWith('.start')) return [];
  const scheduler = start.callee.slice(0, -'.start'.length);
  return calls.filter((call) => call.callee === `${scheduler}.add_job` || call.callee === `${scheduler}.scheduled_job`).map((job) => scheduleOfJob(context, job));
}

/** `schedule.every(3).hours.do`, `schedule.every().day.at(06:00).do`: the unit, and the `at` call when there is one. */
const SCHEDULE_LIBRARY_JOB = /^schedule\.every\(\)\.(\w+)(\.at\([^()]*\))?\.do$/;
const SCHEDULE_UNITS = /^(?:second|minute|hour|day|week)s?$/;
const WEEKDAY_UNITS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

/**
 * A schedule-library job's schedule: a daily or weekly time as cron (`30 22 * * *`, `0 9 * * sat`),
 * a period in words (`every 3 hours`); null for what is not written literally.
 */
function scheduleLibraryJob(context: FindingContext, job: CallSite): string | null {
  const [, unit = '', at] = SCHEDULE_LIBRARY_JOB.exec(job.callee) ?? [];
  // The chain's calls start where the job's does: `schedule.every(3)`, then `….at("06:00")`.
  const chained = (callee: (text: string) => boolean) => context.model.calls.find((call) => call !== job && call.start === job.start && callee(call.callee));
  const every = chained((callee) => callee === 'schedule.every');
  const count = every?.args[0] ? literalText(resolved(context.model, every.args[0])) : '1';
  const weekday = WEEKDAY_UNITS.indexOf(unit);
  if (!count || !/^\d+$/.test(count) || (weekday === -1 && !SCHEDULE_UNITS.test(unit))) return null;
  if (!at) return count === '1' ? `every ${unit.replace(/s$/, '')}` : `every ${count} ${unit.endsWith('s') ? unit : `${unit}s`}`;
  const time = literalText(resolved(context.model, chained((callee) => callee.endsWith('.at'))?.args[0]));
  const clock = time ? /^(\d{1,2}):(\d{2})(?::\d{2})?$/.exec(time) : null;
  if (!clock || count !== '1') return null;
  const [hour, minute] = [Number(clock[1]), Number(clock[2])];
  if (unit === 'day' || unit === 'days') return `${minute} ${hour} * * *`;
  return weekday === -1 ? null : `${minute} ${hour} * * ${WEEKDAY_UNITS[weekday]!.slice(0, 3)}`;
}

function scheduleOfJob(context: FindingContext, job: CallSite): string | null {
  // `add_job(fn, 'cron', …)` names the trigger second; `scheduled_job('cron', …)` decorates the function, so first.
  const positional = job.decorates ? job.args[0] : job.args[1];
  const trigger = resolved(context.model, job.named.get('trigger') ?? positional);
  const kind = literalText(trigger);
  if (kind === 'cron') return cronOfFields(context, job.named);
  if (kind === 'interval') return intervalOfFields(context, job.named);
  if (trigger?.kind !== 'call') return null;
  const call = trigger.call;
  if (/(?:^|\.)CronTrigger\.from_crontab$/.test(call.callee)) return literalText(resolved(context.model, call.args[0]))?.trim() || null;
  if (/(?:^|\.)CronTrigger$/.test(call.callee)) return cronOfFields(context, call.named);
  if (/(?:^|\.)IntervalTrigger$/.test(call.callee)) return intervalOfFields(context, call.named);
  return null;
}

/** APScheduler's cron fields, least significant last; `week` and `year` have no cron column. */
const CRON_FIELDS = ['second', 'minute', 'hour', 'day', 'month', 'day_of_week'] as const;
const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/**
 * A cron expression for APScheduler's cron fields: fields above the least significant one given
 * are `*`, those below it their minimum (APScheduler's rule; day_of_week is `*` unless given).
 * Seconds make a six-field expression only when they are not the minimum.
 */
function cronOfFields(context: FindingContext, named: Map<string, Value>): string | null {
  if (named.has('week') || named.has('year')) return null;
  const given = new Map<string, string>();
  for (const field of CRON_FIELDS) {
    if (!named.has(field)) continue;
    const text = literalText(resolved(context.model, named.get(field)));
    if (text === null || !/^[\w*/,-]+$/.test(text)) return null;
    given.set(field, field === 'day_of_week' ? weekdayNames(text) : text);
  }
  const timeFields = CRON_FIELDS.slice(0, 5);
  if (!timeFields.some((field) => given.has(field)) && !given.has('day_of_week')) return null;
  const leastGiven = timeFields.findIndex((field) => given.has(field));
  const value = (field: (typeof CRON_FIELDS)[number], index: number) => given.get(field) ?? (leastGiven === -1 || index > leastGiven ? '*' : field === 'day' || field === 'month' ? '1' : '0');
  const [second, minute, hour, day, month] = timeFields.map(value);
  const dayOfWeek = given.get('day_of_week') ?? '*';
  // Only a day of the week given: APScheduler runs at midnight of those days.
  const fields = leastGiven === -1 ? ['0', '0', '*', '*', dayOfWeek] : [minute, hour, day, month, dayOfWeek];
  return second !== undefined && second !== '0' && leastGiven !== -1 ? [second, ...fields].join(' ') : fields.join(' ');
}

/** APScheduler numbers weekdays from Monday (0), cron from Sunday: numbers become names, which both read alike. */
function weekdayNames(text: string): string {
  return text.replace(/\b[0-6]\b/g, (digit) => WEEKDAYS[Number(digit)]!);
}

const INTERVAL_UNITS = ['weeks', 'days', 'hours', 'minutes', 'seconds'] as const;

/** `'interval', hours=3` → "every 3 hours"; null with several units or a value that is not a plain number. */
function intervalOfFields(context: FindingContext, named: Map<string, Value>): string | null {
  const units = INTERVAL_UNITS.filter((unit) => named.has(unit));
  if (units.length !== 1) return null;
  const unit = units[0]!;
  const amount = literalText(resolved(context.model, named.get(unit)));
  if (!amount || !/^\d+$/.test(amount) || amount === '0') return null;
  return amount === '1' ? `every ${unit.slice(0, -1)}` : `every ${amount} ${unit}`;
}
