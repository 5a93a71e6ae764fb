import { callArguments, stringLiteral } from './text-scan';

/** A schedule written as a Python expression (Celery beat, Airflow), in cron or in words. */
export interface PythonSchedule {
  /** A cron expression when the schedule is one, else the expression as written. */
  expression: string;
  /** Set for interval schedules (`timedelta(minutes=30)`, `30.0`), which cron cannot say. */
  words: string | null;
}

const CRONTAB_FIELDS = ['minute', 'hour', 'day_of_month', 'month_of_year', 'day_of_week'];
const UNITS = ['weeks', 'days', 'hours', 'minutes', 'seconds'];

/** `crontab(minute=0, hour=6)`, `timedelta(hours=1)`, `30.0`, `'0 6 * * *'`, `'@daily'`. */
export function pythonSchedule(source: string): PythonSchedule {
  const text = source.trim();
  const call = text.match(/^(?:[\w.]+\.)?(crontab|timedelta|schedule|CronTriggerTimetable)\s*\(([\s\S]*)\)$/);
  if (call?.[1] === 'crontab') {
    const { positional, keywords } = callArguments(call[2]!);
    const fields = CRONTAB_FIELDS.map((name, i) => argumentText(keywords.get(name) ?? positional[i]) ?? '*');
    return { expression: fields.join(' '), words: null };
  }
  if (call?.[1] === 'timedelta') return { expression: text, words: intervalWords(callArguments(call[2]!).keywords) };
  if (call?.[1] === 'schedule') {
    const { positional, keywords } = callArguments(call[2]!);
    return pythonSchedule(keywords.get('run_every') ?? positional[0] ?? '');
  }
  if (call?.[1] === 'CronTriggerTimetable') return { expression: stringLiteral(callArguments(call[2]!).positional[0] ?? '') ?? text, words: null };
  if (/^\d+(\.\d+)?$/.test(text)) return { expression: text, words: `Every ${Number(text)} seconds` };
  return { expression: stringLiteral(text) ?? text, words: null };
}

function argumentText(value: string | undefined): string | null {
  if (value === undefined) return null;
  return stringLiteral(value) ?? value.replace(/\s+/g, '');
}

function intervalWords(keywords: Map<string, string>): string {
  const parts = UNITS.filter((unit) => keywords.has(unit)).map((unit) => {
    const amount = Number(keywords.get(unit));
    return amount === 1 ? `1 ${unit.slice(0, -1)}` : `${keywords.get(unit)} ${unit}`;
  });
  return parts.length ? `Every ${parts.join(' ')}` : 'Unrecognised schedule';
}
