import type { Handlers } from '../api/dispatcher';
import type { Session } from '../api/session';
import { updatePlanTask } from './update-plan-task';
import { startPlan, workspacePlan } from './workspace-plan';

export function planHandlers(session: Session) {
  const db = () => session.workspace().db;
  return {
    workspacePlan: (_input, ctx) => workspacePlan(db(), session.advisoryLookup(), ctx),
    startPlan: ({ startDate }, ctx) => startPlan(db(), session.advisoryLookup(), startDate, ctx),
    updatePlanTask: (input, ctx) => updatePlanTask(db(), session.advisoryLookup(), input, ctx),
  } satisfies Partial<Handlers>;
}
