import type { CallSite, Value } from './code-model';
import { literalText, resolved } from './finding-context';
import type { FindingContext } from './finding-context';

/**
 * The schedule of the jobs an in-process scheduler runs, read from where they are registered on
 * it: APScheduler's `sched.add_job(fn, 'cron', hour=3)` and `@sched.scheduled_job('interval',
 * minutes=5)` (also with `trigger=CronTrigger(...)` or `CronTrigger.from_crontab('0 3 * * *')`).
 * `start` is the scheduler's start call; the jobs are the calls on the same scheduler object. One
 * schedule when every job reads the same, else null (several times, or one not written literally).
 */
export function scheduleOfSchedulerJobs(context: FindingContext, start: CallSite): string | null {
  if (!start.callee.endsWith('.start')) return null;
  const scheduler = start.callee.slice(0, -'.start'.length);
  const jobs = context.model.calls.filter((call) => call.callee === `${scheduler}.add_job` || call.callee === `${scheduler}.scheduled_job`);
  const schedules = new Set(jobs.map((job) => scheduleOfJob(context, job)));
  if (schedules.size !== 1) return null;
  return [...schedules][0] ?? null;
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
