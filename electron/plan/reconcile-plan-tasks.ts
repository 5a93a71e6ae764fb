import type { ChecklistItemKey } from '../../shared/checklist';
import { appendAudit, type AuditChange, type ChangeAuthor } from '../store/audit-log';
import type { Db } from '../store/workspace-file';
import { writeTransaction } from '../store/write-transaction';
import { taskStatusChange } from './plan-audit';
import { insertPlanTask, setPlanTaskDoneAt, storedPlanTasks, taskId, type StoredPlanTask } from './plan-store';

/** One agent and item as the checklists see it now: does it pass (automatically, or attested with nothing failing it)? */
export interface EvaluatedItem {
  agentId: string;
  itemKey: ChecklistItemKey;
  passes: boolean;
}

export interface PlanTaskChange {
  kind: 'create' | 'done' | 'reopen';
  agentId: string;
  itemKey: ChecklistItemKey;
}

/**
 * What the stored tasks lack against the checklists: a task for every item that does not pass,
 * done when it passes since, open again when it fails again. Tasks are never removed: a task
 * whose item passes is progress, and the burn-up must show it.
 */
export function planTaskChanges(stored: ReadonlyMap<string, StoredPlanTask>, evaluated: readonly EvaluatedItem[]): PlanTaskChange[] {
  const changes: PlanTaskChange[] = [];
  for (const { agentId, itemKey, passes } of evaluated) {
    const task = stored.get(taskId(agentId, itemKey));
    if (!task) {
      if (!passes) changes.push({ kind: 'create', agentId, itemKey });
    } else if (passes && task.doneAt === null) changes.push({ kind: 'done', agentId, itemKey });
    else if (!passes && task.doneAt !== null) changes.push({ kind: 'reopen', agentId, itemKey });
  }
  return changes;
}

/**
 * Brings the stored tasks in line with the evaluation: nothing is written when nothing changed
 * (reading the plan stays a read); otherwise one write transaction, which compares again inside
 * it because another window or the CLI may have reconciled in the meantime.
 */
export function reconcilePlanTasks(db: Db, evaluated: readonly EvaluatedItem[], author: ChangeAuthor, at = new Date().toISOString()): number {
  if (planTaskChanges(storedPlanTasks(db), evaluated).length === 0) return 0;
  return writeTransaction(db, () => {
    const changes = planTaskChanges(storedPlanTasks(db), evaluated);
    const audit: AuditChange[] = [];
    for (const c of changes) {
      if (c.kind === 'create') {
        insertPlanTask(db, c.agentId, c.itemKey, at);
        audit.push(taskStatusChange(c.agentId, c.itemKey, null, 'open'));
      } else if (c.kind === 'done') {
        setPlanTaskDoneAt(db, c.agentId, c.itemKey, at);
        audit.push(taskStatusChange(c.agentId, c.itemKey, 'open', 'done'));
      } else {
        setPlanTaskDoneAt(db, c.agentId, c.itemKey, null);
        audit.push(taskStatusChange(c.agentId, c.itemKey, 'done', 'open'));
      }
    }
    appendAudit(db, author, audit, at);
    return changes.length;
  });
}
