import type { ChecklistItemKey, ChecklistRow } from '../../shared/checklist';
import { CHECKLIST_ITEMS, CHECKLIST_PHASE_LABELS, CHECKLIST_PHASES } from '../../shared/checklist';
import { BackendError } from '../../shared/errors';
import type { PlanPhaseProgress, PlanTask, WorkspacePlan } from '../../shared/plan';
import { addDays, defaultDueDay, PHASE_END_DAY, phaseOf, phaseOrder, PLAN_START_WINDOW_DAYS } from '../../shared/plan';
import { daysBetween, todayIso } from '../../shared/registry';
import type { AdvisoryLookup } from '../discovery/discovery-repository';
import { appendAudit, type ChangeAuthor } from '../store/audit-log';
import { statement } from '../store/statements';
import type { Db } from '../store/workspace-file';
import { writeTransaction } from '../store/write-transaction';
import { itemPasses } from '../triage/checklist-facts';
import { everyAgentTriage } from '../triage/triage-handlers';
import { PLAN_START_ENTITY_ID, PLAN_START_FIELD } from './plan-audit';
import { burnUpEvents, burnUpPoints } from './plan-burn-up';
import { planStartOf, storedPlanTasks, taskId, writePlanStart, type PlanStart, type StoredPlanTask } from './plan-store';
import { reconcilePlanTasks, type EvaluatedItem } from './reconcile-plan-tasks';

/** Dismissed agents are not agents and retired ones no longer run: the plan hardens the rest. */
const OUT_OF_PLAN = new Set(['dismissed', 'retired']);

/** One agent as the plan needs it: its name, registry owner and checklist rows by key. */
export interface PlanAgent {
  agentId: string;
  name: string;
  owner: string | null;
  rows: Map<string, ChecklistRow>;
}

/** Every agent the plan covers, with its checklist evaluated once (everyAgentTriage: the one evaluation the overview and the report share). */
export function planAgents(db: Db, advisories: AdvisoryLookup): PlanAgent[] {
  const statuses = new Map((statement(db, 'SELECT id, status FROM agents').all() as Array<{ id: string; status: string }>).map((r) => [r.id, r.status]));
  return everyAgentTriage(db, advisories)
    .filter((t) => !OUT_OF_PLAN.has(statuses.get(t.agentId) ?? ''))
    .map((t) => ({ agentId: t.agentId, name: t.name, owner: t.owner, rows: new Map(t.checklist.map((r) => [r.key, r])) }));
}

export function evaluatedItems(agents: readonly PlanAgent[]): EvaluatedItem[] {
  return agents.flatMap((a) => CHECKLIST_ITEMS.map((i) => ({ agentId: a.agentId, itemKey: i.key as ChecklistItemKey, passes: itemPasses(a.rows, i.key) })));
}

const TITLE_OF = new Map<string, string>(CHECKLIST_ITEMS.map((i) => [i.key, i.title]));
const ITEM_ORDER = new Map<string, number>(CHECKLIST_ITEMS.map((i, n) => [i.key, n]));

export const defaultDueDate = (startDate: string, itemKey: ChecklistItemKey) => addDays(startDate, defaultDueDay(itemKey));

export function planTaskOf(agent: PlanAgent, task: StoredPlanTask, startDate: string, today: string): PlanTask {
  const row = agent.rows.get(task.itemKey);
  const status = task.doneAt === null ? 'open' : 'done';
  const dueDate = task.dueDate ?? defaultDueDate(startDate, task.itemKey);
  return {
    agentId: agent.agentId,
    agentName: agent.name,
    itemKey: task.itemKey,
    title: TITLE_OF.get(task.itemKey) ?? task.itemKey,
    phase: phaseOf(task.itemKey),
    verdict: row?.verdict ?? 'unknown',
    attestation: row?.attestation?.status ?? null,
    status,
    owner: task.owner ?? agent.owner,
    ownerIsDefault: task.owner === null,
    dueDate,
    dueIsDefault: task.dueDate === null,
    overdue: status === 'open' && dueDate < today,
    createdAt: task.createdAt,
    doneAt: task.doneAt,
  };
}

const compareTasks = (a: PlanTask, b: PlanTask) =>
  phaseOrder(a.phase) - phaseOrder(b.phase) || a.dueDate.localeCompare(b.dueDate) || a.agentName.localeCompare(b.agentName) || ITEM_ORDER.get(a.itemKey)! - ITEM_ORDER.get(b.itemKey)!;

/** The plan as stored now, over an evaluation already made (no writes). */
export function assemblePlan(db: Db, agents: readonly PlanAgent[], start: PlanStart | null, today: string): WorkspacePlan {
  if (!start) {
    // Before day 0: how many tasks starting the plan would create, per phase.
    const pending = evaluatedItems(agents).filter((i) => !i.passes);
    const phases = CHECKLIST_PHASES.map((phase): PlanPhaseProgress => ({ phase, label: CHECKLIST_PHASE_LABELS[phase], total: pending.filter((i) => phaseOf(i.itemKey) === phase).length, done: 0, overdue: 0, dueDate: null }));
    return { startDate: null, startedBy: null, today, phases, tasks: [], burnUp: [], agentCount: agents.length };
  }
  const byId = new Map(agents.map((a) => [a.agentId, a]));
  const tasks: PlanTask[] = [];
  for (const stored of storedPlanTasks(db).values()) {
    const agent = byId.get(stored.agentId);
    if (agent) tasks.push(planTaskOf(agent, stored, start.startDate, today));
  }
  tasks.sort(compareTasks);
  const phases = CHECKLIST_PHASES.map((phase): PlanPhaseProgress => {
    const of = tasks.filter((t) => t.phase === phase);
    return {
      phase,
      label: CHECKLIST_PHASE_LABELS[phase],
      total: of.length,
      done: of.filter((t) => t.status === 'done').length,
      overdue: of.filter((t) => t.overdue).length,
      dueDate: addDays(start.startDate, PHASE_END_DAY[phase]),
    };
  });
  const shown = new Set(tasks.map((t) => taskId(t.agentId, t.itemKey)));
  const burnUp = burnUpPoints(start.startDate, today, burnUpEvents(db, start, shown));
  return { startDate: start.startDate, startedBy: start.setBy, today, phases, tasks, burnUp, agentCount: agents.length };
}

/**
 * The plan, its tasks first brought in line with the checklists (a task newly passing is done,
 * one failing again reopens; both audited, so the burn-up can be drawn from the audit log).
 */
export function workspacePlan(db: Db, advisories: AdvisoryLookup, author: ChangeAuthor, now = new Date()): WorkspacePlan {
  const agents = planAgents(db, advisories);
  const start = planStartOf(db);
  if (start) reconcilePlanTasks(db, evaluatedItems(agents), author, now.toISOString());
  return assemblePlan(db, agents, start, todayIso(now));
}

/** Sets day 0 and creates the tasks in one transaction, both audited; the same date again changes nothing. */
export function startPlan(db: Db, advisories: AdvisoryLookup, startDate: string, author: ChangeAuthor, now = new Date()): WorkspacePlan {
  const today = todayIso(now);
  if (Math.abs(daysBetween(today, startDate)) > PLAN_START_WINDOW_DAYS) {
    throw new BackendError('invalid-input', `Day 0 must be within ${PLAN_START_WINDOW_DAYS} days of today (${today}); ${startDate} is not.`);
  }
  const agents = planAgents(db, advisories);
  const at = now.toISOString();
  writeTransaction(db, () => {
    const before = planStartOf(db);
    if (before?.startDate !== startDate) {
      writePlanStart(db, startDate, author.actor, at);
      appendAudit(db, author, [{ entity: 'plan', entityId: PLAN_START_ENTITY_ID, field: PLAN_START_FIELD, before: before?.startDate ?? null, after: startDate }], at);
    }
    reconcilePlanTasks(db, evaluatedItems(agents), author, at);
  });
  return assemblePlan(db, agents, planStartOf(db), today);
}
