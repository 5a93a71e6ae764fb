import type { BurnUpPoint, PlanTask, WorkspacePlan } from '../../../../shared/plan';
import { addDays, PHASE_END_DAY } from '../../../../shared/plan';
import { daysBetween } from '../../../../shared/registry';

/** What the task table shows: every filter is "any" until someone picks. */
export interface PlanFilter {
  owner: string | 'any' | 'none';
  status: 'any' | 'open' | 'overdue' | 'done';
  agentId: string | 'any';
}

export const ANY_FILTER: PlanFilter = { owner: 'any', status: 'any', agentId: 'any' };

export function filterTasks(tasks: readonly PlanTask[], filter: PlanFilter): PlanTask[] {
  return tasks.filter(
    (t) =>
      (filter.owner === 'any' || (filter.owner === 'none' ? t.owner === null : t.owner === filter.owner)) &&
      (filter.status === 'any' || (filter.status === 'overdue' ? t.overdue : t.status === filter.status)) &&
      (filter.agentId === 'any' || t.agentId === filter.agentId),
  );
}

/** The owners and agents the filters offer: those the tasks name, alphabetically. */
export function filterChoices(tasks: readonly PlanTask[]): { owners: string[]; hasNoOwner: boolean; agents: Array<{ id: string; name: string }> } {
  const owners = [...new Set(tasks.flatMap((t) => (t.owner === null ? [] : [t.owner])))].sort((a, b) => a.localeCompare(b));
  const agents = [...new Map(tasks.map((t) => [t.agentId, t.agentName])).entries()].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
  return { owners, hasNoOwner: tasks.some((t) => t.owner === null), agents };
}

/** A chart row: recorded days carry both lines; days still ahead carry neither, so the lines stop at today. */
export interface BurnUpRow {
  date: string;
  scope: number | null;
  done: number | null;
}

/** The burn-up over the whole plan (day 0 to day 90, or further when the record runs longer), empty where the days are still ahead. */
export function burnUpRows(startDate: string, points: readonly BurnUpPoint[]): BurnUpRow[] {
  const rows: BurnUpRow[] = points.map((p) => ({ ...p }));
  const planEnd = addDays(startDate, PHASE_END_DAY['days-61-90']);
  for (let date = addDays(points.at(-1)?.date ?? startDate, points.length === 0 ? 0 : 1); date <= planEnd; date = addDays(date, 1)) rows.push({ date, scope: null, done: null });
  return rows;
}

/** "Day 12 of 90", "Starts in 3 days", "Day 104: past day 90". */
export function dayOfPlanText(plan: Pick<WorkspacePlan, 'startDate' | 'today'>): string {
  if (plan.startDate === null) return 'Not started';
  const day = daysBetween(plan.startDate, plan.today);
  if (day < 0) return `Starts in ${-day} day${day === -1 ? '' : 's'}`;
  if (day > 90) return `Day ${day}: past day 90`;
  return `Day ${day} of 90`;
}

export const percentText = (done: number, total: number): string => (total === 0 ? '–' : `${Math.round((done / total) * 100)}%`);
