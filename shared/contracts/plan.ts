import { z } from 'zod';
import { CHECKLIST_ITEMS } from '../checklist';
import type { PlanTask, WorkspacePlan } from '../plan';
import { isCalendarDate } from '../plan';
import { Empty, method } from './method';

/** The 30/60/90-day hardening plan: tasks from what the checklists do not pass, with owners, due dates, progress and a burn-up. */
const Day = z.string().refine(isCalendarDate, 'a date as YYYY-MM-DD');
const AgentId = z.string().min(1).max(100);
const ItemKey = z.enum(CHECKLIST_ITEMS.map((i) => i.key) as [string, ...string[]]);

export const planContract = {
  /** The plan: day 0, progress per phase, every task with owner and due date, and the burn-up from the audit log. Brings the tasks up to date with the checklists first. */
  workspacePlan: method<WorkspacePlan>()(Empty),
  /** Sets day 0 (audited) and creates the tasks; setting it again moves every default due date. */
  startPlan: method<WorkspacePlan>()(z.object({ startDate: Day })),
  /** A person sets a task's owner or due date (null goes back to the default). Audited. */
  updatePlanTask: method<PlanTask>()(
    z
      .object({
        agentId: AgentId,
        itemKey: ItemKey,
        owner: z.string().trim().max(200).nullable().optional(),
        dueDate: Day.nullable().optional(),
      })
      .refine((i) => i.owner !== undefined || i.dueDate !== undefined, 'say which to change: owner or dueDate'),
  ),
} as const;
