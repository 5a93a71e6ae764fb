import type { BurnUpPoint } from '../../shared/plan';
import { addDays } from '../../shared/plan';
import { statement } from '../store/statements';
import type { Db } from '../store/workspace-file';
import { itemKeyOfStatusField, STATUS_FIELD_GLOB } from './plan-audit';
import type { PlanStart } from './plan-store';
import { taskId } from './plan-store';

interface StatusEntry {
  at: string;
  agentId: string;
  field: string;
  before: string | null;
  after: string | null;
}

/** One change to the burn-up on a day: a task entered the plan (scope) or was done (+1) or reopened (-1). */
export interface BurnUpEvent {
  day: string;
  scope: number;
  done: number;
}

/**
 * The burn-up's events from the audit log's task status entries, for the tasks the plan shows now
 * (an agent since dismissed drops out of both lines). Tasks recorded when the plan was started
 * count from day 0: they were the work on day 0, whenever day 0 is set.
 */
export function burnUpEvents(db: Db, start: PlanStart, shown: ReadonlySet<string>): BurnUpEvent[] {
  const entries = statement(
    db,
    `SELECT at, entity_id AS agentId, field, before, after FROM audit_log
     WHERE entity = 'plan' AND field GLOB ? ORDER BY id`,
  ).all(STATUS_FIELD_GLOB) as StatusEntry[];
  const events: BurnUpEvent[] = [];
  for (const e of entries) {
    if (!shown.has(taskId(e.agentId, itemKeyOfStatusField(e.field)))) continue;
    const day = e.at <= start.setAt ? start.startDate : e.at.slice(0, 10);
    const clamped = day < start.startDate ? start.startDate : day;
    if (e.before === null) events.push({ day: clamped, scope: 1, done: e.after === 'done' ? 1 : 0 });
    else if (e.after === 'done' && e.before !== 'done') events.push({ day: clamped, scope: 0, done: 1 });
    else if (e.before === 'done' && e.after !== 'done') events.push({ day: clamped, scope: 0, done: -1 });
  }
  return events;
}

/** One point per day from day 0 to today, or to the last event when that is later (a clock set back). */
export function burnUpPoints(startDate: string, today: string, events: readonly BurnUpEvent[]): BurnUpPoint[] {
  const lastEvent = events.reduce((last, e) => (e.day > last ? e.day : last), startDate);
  const end = [today, lastEvent, startDate].reduce((a, b) => (b > a ? b : a));
  const byDay = new Map<string, { scope: number; done: number }>();
  for (const e of events) {
    const sum = byDay.get(e.day) ?? { scope: 0, done: 0 };
    sum.scope += e.scope;
    sum.done += e.done;
    byDay.set(e.day, sum);
  }
  const points: BurnUpPoint[] = [];
  let scope = 0;
  let done = 0;
  for (let date = startDate; date <= end; date = addDays(date, 1)) {
    const sum = byDay.get(date);
    if (sum) {
      scope += sum.scope;
      done += sum.done;
    }
    points.push({ date, scope, done });
  }
  return points;
}
