import type { ChecklistItemKey } from '../../shared/checklist';
import type { ParsedInputOf } from '../../shared/contract';
import { BackendError } from '../../shared/errors';
import type { PlanTask } from '../../shared/plan';
import { todayIso } from '../../shared/registry';
import type { AdvisoryLookup } from '../discovery/discovery-repository';
import { appendAudit, type AuditChange, type ChangeAuthor } from '../store/audit-log';
import type { Db } from '../store/workspace-file';
import { writeTransaction } from '../store/write-transaction';
import { agentTriage } from '../triage/triage-handlers';
import { taskFieldChange } from './plan-audit';
import { planStartOf, setPlanTaskOwnerAndDue, storedPlanTask } from './plan-store';
import { defaultDueDate, planTaskOf } from './workspace-plan';

const shownOwner = (owner: string | null, agentOwner: string | null) => owner ?? (agentOwner ? `${agentOwner} (agent owner)` : null);
const shownDue = (due: string | null, byDefault: string) => due ?? `${byDefault} (end of phase)`;

/** A person sets who does a task and by when (null: back to the default); audited, a no-op when nothing changes. */
export function updatePlanTask(db: Db, advisories: AdvisoryLookup, input: ParsedInputOf<'updatePlanTask'>, author: ChangeAuthor, now = new Date()): PlanTask {
  const itemKey = input.itemKey as ChecklistItemKey;
  const start = planStartOf(db);
  if (!start) throw new BackendError('not-found', 'The plan has not been started: set its day 0 first, then its tasks exist.');
  const missing = () => new BackendError('not-found', `There is no plan task for item ${itemKey} of agent ${input.agentId}: the plan only has tasks for items that did not pass.`);
  if (!storedPlanTask(db, input.agentId, itemKey)) throw missing();
  const triage = agentTriage(db, input.agentId, advisories);
  const byDefault = defaultDueDate(start.startDate, itemKey);
  writeTransaction(db, () => {
    const task = storedPlanTask(db, input.agentId, itemKey);
    if (!task) throw missing();
    const owner = input.owner === undefined ? task.owner : input.owner === '' ? null : input.owner;
    const dueDate = input.dueDate === undefined ? task.dueDate : input.dueDate;
    const changes: AuditChange[] = [];
    if (owner !== task.owner) changes.push(taskFieldChange(input.agentId, itemKey, 'owner', shownOwner(task.owner, triage.owner), shownOwner(owner, triage.owner)));
    if (dueDate !== task.dueDate) changes.push(taskFieldChange(input.agentId, itemKey, 'due date', shownDue(task.dueDate, byDefault), shownDue(dueDate, byDefault)));
    if (changes.length === 0) return;
    setPlanTaskOwnerAndDue(db, input.agentId, itemKey, owner, dueDate);
    appendAudit(db, author, changes, now.toISOString());
  });
  const stored = storedPlanTask(db, input.agentId, itemKey)!;
  const agent = { agentId: triage.agentId, name: triage.name, owner: triage.owner, rows: new Map(triage.checklist.map((r) => [r.key, r])) };
  return planTaskOf(agent, stored, start.startDate, todayIso(now));
}
