import type { InputOf } from '../../../shared/contract';
import type { WorkspacePlan } from '../../../shared/plan';
import { messageOf, type SliceCreator } from './app-state';
import type { Loadable } from './usage-slice';

export type PlanTaskUpdate = InputOf<'updatePlanTask'>;

export const planTaskKey = (task: { agentId: string; itemKey: string }) => `${task.agentId}/${task.itemKey}`;

export interface PlanSlice {
  /** The plan as the engine last answered: day 0, progress per phase, tasks, burn-up. */
  plan: Loadable<WorkspacePlan>;
  /** What is being saved: 'start', or the task's key (agentId/itemKey). */
  planSaving: string | null;
  /** Why the last change was refused, in the engine's words, and what it was for (as planSaving). */
  planSaveError: { for: string; message: string } | null;
  loadPlan: () => Promise<void>;
  /** Resolves true once day 0 is set and the tasks exist. */
  startPlan: (startDate: string) => Promise<boolean>;
  /** Resolves true once saved; the task is replaced at once, then the plan is read again (progress and overdue counts move). */
  updatePlanTask: (input: PlanTaskUpdate) => Promise<boolean>;
}

export const createPlanSlice: SliceCreator<PlanSlice> = (backend) => (set, get) => {
  // Only the latest read may land: an older, slower answer would undo a save on screen.
  let latest = 0;

  const loadPlan = async () => {
    const request = ++latest;
    set((s) => ({ plan: { ...s.plan, loading: true } }));
    try {
      const data = await backend.workspacePlan({});
      if (request === latest) set({ plan: { data, loading: false, error: null } });
    } catch (error) {
      if (request === latest) set((s) => ({ plan: { data: s.plan.data, loading: false, error: messageOf(error) } }));
    }
  };

  return {
    plan: { data: null, loading: false, error: null },
    planSaving: null,
    planSaveError: null,
    loadPlan,
    startPlan: async (startDate) => {
      set({ planSaving: 'start', planSaveError: null });
      try {
        const wasStarted = get().plan.data?.startDate != null;
        const data = await backend.startPlan({ startDate });
        ++latest;
        set({ plan: { data, loading: false, error: null } });
        get().notify('success', wasStarted ? `Day 0 moved to ${startDate}` : `Plan started: day 0 is ${startDate}`);
        return true;
      } catch (error) {
        set({ planSaveError: { for: 'start', message: messageOf(error) } });
        return false;
      } finally {
        set({ planSaving: null });
      }
    },
    updatePlanTask: async (input) => {
      const key = planTaskKey(input);
      set({ planSaving: key, planSaveError: null });
      try {
        const task = await backend.updatePlanTask(input);
        set((s) => (s.plan.data ? { plan: { ...s.plan, data: { ...s.plan.data, tasks: s.plan.data.tasks.map((t) => (planTaskKey(t) === key ? task : t)) } } } : {}));
        get().notify('success', `${input.owner !== undefined ? 'Owner' : 'Due date'} of ${task.title} for ${task.agentName} saved`);
        void loadPlan();
        return true;
      } catch (error) {
        set({ planSaveError: { for: key, message: messageOf(error) } });
        return false;
      } finally {
        set({ planSaving: null });
      }
    },
  };
};
