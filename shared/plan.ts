/**
 * The 30/60/90-day hardening plan: one task per agent and checklist item that does not pass,
 * grouped by the checklist's phases, each with an owner and a due date counted from the plan's
 * start (day 0). A task stays once created; when its item passes it is done, not removed, so
 * progress and the burn-up only move forward unless an item fails again.
 */

import type { Attestation, ChecklistItemKey, ChecklistPhase, Verdict } from './checklist';
import { CHECKLIST_ITEMS, CHECKLIST_PHASES } from './checklist';

export type PlanTaskStatus = 'open' | 'done';

export interface PlanTask {
  agentId: string;
  agentName: string;
  itemKey: ChecklistItemKey;
  title: string;
  phase: ChecklistPhase;
  /** The automatic verdict today. */
  verdict: Verdict;
  /** A person's word on the item, if any. */
  attestation: Attestation['status'] | null;
  status: PlanTaskStatus;
  /** Who does it: a person's name; the agent's registry owner until someone sets another. */
  owner: string | null;
  ownerIsDefault: boolean;
  /** YYYY-MM-DD; the end of its phase (counted from day 0) until someone sets another. */
  dueDate: string;
  dueIsDefault: boolean;
  /** Open and due before today. */
  overdue: boolean;
  createdAt: string;
  doneAt: string | null;
}

export interface PlanPhaseProgress {
  phase: ChecklistPhase;
  label: string;
  total: number;
  done: number;
  overdue: number;
  /** Its default due date (the phase's last day), null before the plan is started. */
  dueDate: string | null;
}

/** One day of the burn-up: tasks in the plan by the end of that day, and how many of them were done. */
export interface BurnUpPoint {
  date: string;
  scope: number;
  done: number;
}

export interface WorkspacePlan {
  /** Day 0, YYYY-MM-DD; null until someone starts the plan. */
  startDate: string | null;
  startedBy: string | null;
  today: string;
  /** Per phase; before the plan starts, `total` is how many tasks starting it would create. */
  phases: PlanPhaseProgress[];
  /** Empty before the plan starts. */
  tasks: PlanTask[];
  /** One point per day from day 0 to today (or the last recorded change); empty before the plan starts. */
  burnUp: BurnUpPoint[];
  /** Agents the plan covers (dismissed and retired agents are left out). */
  agentCount: number;
}

/**
 * The day (counted from day 0) by which a task is due unless someone says otherwise: Step 0 in a
 * week, the 48-hour checklist in two days (its name), the rest of each phase by the phase's end.
 */
export function defaultDueDay(itemKey: ChecklistItemKey): number {
  if (itemKey.startsWith('h48.')) return 2;
  return PHASE_END_DAY[phaseOf(itemKey)];
}

export const PHASE_END_DAY: Record<ChecklistPhase, number> = { 'step-0': 7, 'days-1-30': 30, 'days-31-60': 60, 'days-61-90': 90 };

const PHASE_OF = new Map<string, ChecklistPhase>(CHECKLIST_ITEMS.map((i) => [i.key, i.phase]));
export const phaseOf = (itemKey: ChecklistItemKey): ChecklistPhase => PHASE_OF.get(itemKey)!;
export const phaseOrder = (phase: ChecklistPhase): number => CHECKLIST_PHASES.indexOf(phase);

/** YYYY-MM-DD plus a number of days (UTC calendar days). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** A real calendar date written YYYY-MM-DD (2026-02-30 is not). */
export function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const parsed = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === text;
}

/** How far day 0 may sit from today: a plan is 90 days long, so a year either way is a typo. */
export const PLAN_START_WINDOW_DAYS = 365;
