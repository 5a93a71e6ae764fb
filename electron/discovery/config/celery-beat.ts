import { posix } from 'node:path';
import type { ConfigFindings } from '../findings';
import type { ConfigContext } from './context';
import { pythonSchedule } from './python-schedules';
import { ConfigSource } from './source';
import { blankComments, bracketGroup, callArguments, stringLiteral } from './text-scan';
import { cronTrigger, newFindings, newUnit, noTrigger, trigger, TRIGGER_RULE_OFF } from './units';

const BEAT_SCHEDULE = /\b(beat_schedule|CELERYBEAT_SCHEDULE|CELERY_BEAT_SCHEDULE)\b\s*(?:=|:|\.update\s*\()\s*\{/g;
const ENTRY_KEY = /(['"])([^'"\n]+)\1\s*:\s*\{/y;
const PERIODIC_TASK = /\badd_periodic_task\s*\(/g;

/**
 * Celery beat schedules in Python, read as text: `beat_schedule = {'name': {'task': ...,
 * 'schedule': crontab(...)}}` and `sender.add_periodic_task(...)`. Each entry is a unit.
 */
export function analyzeCeleryBeat(path: string, text: string, ctx: ConfigContext): ConfigFindings | null {
  if (!/beat_schedule|CELERYBEAT_SCHEDULE|CELERY_BEAT_SCHEDULE|add_periodic_task/.test(text)) return null;
  const src = new ConfigSource(path, text, ctx);
  const code = blankComments(text, 'python');
  const findings = newFindings(path, 'celery-beat');
  const add = (name: string, task: string | null, scheduleSource: string | null, offset: number, scheduleOffset: number) => {
    const evidence = src.evidence('celery.unit.beat-entry', src.lineOf(offset));
    if (!evidence) return;
    const unit = newUnit('scheduled-task', name, path, evidence, scheduleTrigger(src, scheduleSource, src.lineOf(scheduleOffset)));
    if (task) {
      unit.runs.push(task);
      const codePath = task.includes('.') ? taskModulePath(task, src.dir) : functionTaskPath(task, code, path, src.dir);
      if (codePath) unit.codePaths.push(codePath);
    }
    findings.units.push(unit);
  };

  for (const match of code.matchAll(BEAT_SCHEDULE)) {
    const schedule = bracketGroup(code, match.index + match[0].length - 1);
    if (!schedule) continue;
    for (const entry of dictEntries(code, schedule.start, schedule.end)) {
      const task = entry.body.match(/['"]task['"]\s*:\s*(['"])([^'"]+)\1/)?.[2] ?? null;
      const scheduleAt = entry.body.search(/['"]schedule['"]\s*:/);
      const value = scheduleAt < 0 ? null : valueAfterColon(entry.body, scheduleAt);
      add(entry.name, task, value, entry.offset, entry.bodyStart + Math.max(0, scheduleAt));
    }
  }
  for (const match of code.matchAll(PERIODIC_TASK)) {
    const call = bracketGroup(code, match.index + match[0].length - 1);
    if (!call) continue;
    const { positional, keywords } = callArguments(call.inner);
    const task = (keywords.get('sig') ?? positional[1] ?? '').replace(/\.(s|si|signature)\([\s\S]*$/, '') || null;
    const name = stringLiteral(keywords.get('name') ?? '') ?? task ?? 'periodic task';
    add(name, task, keywords.get('schedule') ?? positional[0] ?? null, match.index, match.index);
  }
  return findings.units.length > 0 ? src.redactFindings(findings) : null;
}

/** Top-level `'key': {…}` entries of the dict between `start` and `end`. */
function dictEntries(code: string, start: number, end: number): Array<{ name: string; offset: number; body: string; bodyStart: number }> {
  const entries = [];
  let i = start;
  while (i < end) {
    ENTRY_KEY.lastIndex = i;
    const key = ENTRY_KEY.exec(code);
    if (!key) {
      i++;
      continue;
    }
    const body = bracketGroup(code, ENTRY_KEY.lastIndex - 1);
    if (!body || body.end > end) break;
    entries.push({ name: key[2]!, offset: i, body: body.inner, bodyStart: body.start });
    i = body.end + 1;
  }
  return entries;
}

/** The expression after `'schedule':` up to the next top-level comma. */
function valueAfterColon(body: string, keyAt: number): string {
  const afterColon = body.slice(body.indexOf(':', keyAt) + 1);
  return callArguments(afterColon).positional[0] ?? afterColon.trim();
}

function scheduleTrigger(src: ConfigSource, source: string | null, line: number) {
  if (!source) return noTrigger('Beat entry without a schedule');
  const schedule = pythonSchedule(source);
  const evidence = src.evidence('celery.trigger.schedule', line);
  const found = schedule.words ? trigger('cron', schedule.expression, schedule.words, evidence) : cronTrigger(schedule.expression, evidence, null);
  return found ?? TRIGGER_RULE_OFF;
}

/**
 * A task `add_periodic_task` is handed as a function (`summarise_tickets.s()`): most often an
 * `@app.task` of this very file, below the hook; else a function imported from a module of the
 * project (`from .tasks import summarise_tickets`); else not known.
 */
function functionTaskPath(task: string, code: string, path: string, dir: string): string | null {
  if (!/^\w+$/.test(task)) return null;
  if (new RegExp(`^[ \\t]*(?:async[ \\t]+)?def[ \\t]+${task}\\b`, 'm').test(code)) return path;
  const module = new RegExp(`^from[ \\t]+([.\\w]+)[ \\t]+import\\b[^\\n]*\\b${task}\\b`, 'm').exec(code)?.[1];
  if (!module) return null;
  const dots = module.length - module.replace(/^\.+/, '').length;
  if (dots === 0) return taskModulePath(`${module}.${task}`, dir);
  const base = Array.from({ length: dots - 1 }).reduce<string>((at) => posix.dirname(at), dir || '.');
  return posix.normalize(posix.join(base, `${module.slice(dots).replace(/\./g, '/') || '__init__'}.py`));
}

/**
 * `app.tasks.triage_inbox` lives in app/tasks.py. Task names start at the project root; when
 * they start with this file's own package, the root is one level up.
 */
function taskModulePath(task: string, dir: string): string {
  const parts = task.split('.');
  const module = `${parts.slice(0, -1).join('/') || parts[0]}.py`;
  const root = parts[0] === posix.basename(dir) ? posix.dirname(dir) : dir;
  return posix.normalize(posix.join(root || '.', module));
}
