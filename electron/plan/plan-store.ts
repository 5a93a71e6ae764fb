import type { ChecklistItemKey } from '../../shared/checklist';
import { statement } from '../store/statements';
import type { Db } from '../store/workspace-file';

/** The plan's rows as stored: day 0, and each task with a person's owner and due date (null: the default). */

export interface PlanStart {
  startDate: string;
  setBy: string;
  setAt: string;
}

export interface StoredPlanTask {
  agentId: string;
  itemKey: ChecklistItemKey;
  owner: string | null;
  dueDate: string | null;
  createdAt: string;
  doneAt: string | null;
}

export const taskId = (agentId: string, itemKey: string) => `${agentId}\u0000${itemKey}`;

export function planStartOf(db: Db): PlanStart | null {
  const row = statement(db, 'SELECT start_date AS startDate, set_by AS setBy, set_at AS setAt FROM plan_start WHERE id = 1').get() as PlanStart | undefined;
  return row ?? null;
}

export function writePlanStart(db: Db, startDate: string, setBy: string, setAt: string): void {
  statement(
    db,
    `INSERT INTO plan_start (id, start_date, set_by, set_at) VALUES (1, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET start_date = excluded.start_date, set_by = excluded.set_by, set_at = excluded.set_at`,
  ).run(startDate, setBy, setAt);
}

const TASK_COLUMNS = 'agent_id AS agentId, item_key AS itemKey, owner, due_date AS dueDate, created_at AS createdAt, done_at AS doneAt';

export function storedPlanTasks(db: Db): Map<string, StoredPlanTask> {
  const rows = statement(db, `SELECT ${TASK_COLUMNS} FROM plan_tasks`).all() as StoredPlanTask[];
  return new Map(rows.map((r) => [taskId(r.agentId, r.itemKey), r]));
}

export function storedPlanTask(db: Db, agentId: string, itemKey: string): StoredPlanTask | null {
  return (statement(db, `SELECT ${TASK_COLUMNS} FROM plan_tasks WHERE agent_id = ? AND item_key = ?`).get(agentId, itemKey) as StoredPlanTask | undefined) ?? null;
}

export function insertPlanTask(db: Db, agentId: string, itemKey: string, createdAt: string): void {
  statement(db, 'INSERT INTO plan_tasks (agent_id, item_key, created_at) VALUES (?, ?, ?)').run(agentId, itemKey, createdAt);
}

export function setPlanTaskDoneAt(db: Db, agentId: string, itemKey: string, doneAt: string | null): void {
  statement(db, 'UPDATE plan_tasks SET done_at = ? WHERE agent_id = ? AND item_key = ?').run(doneAt, agentId, itemKey);
}

export function setPlanTaskOwnerAndDue(db: Db, agentId: string, itemKey: string, owner: string | null, dueDate: string | null): void {
  statement(db, 'UPDATE plan_tasks SET owner = ?, due_date = ? WHERE agent_id = ? AND item_key = ?').run(owner, dueDate, agentId, itemKey);
}
