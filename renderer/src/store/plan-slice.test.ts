import { describe, expect, it } from 'vitest';
import type { InputOf } from '../../../shared/contract';
import { BackendError } from '../../../shared/errors';
import type { WorkspacePlan } from '../../../shared/plan';
import { fakeBackend } from '../testing/fake-backend';
import { planTask, samplePlan } from '../testing/plan-samples';
import { createAppStore } from './index';

describe('plan slice', () => {
  it('loads the plan and keeps the error apart, with the last plan still on screen', async () => {
    let fail = false;
    const store = createAppStore(fakeBackend({ workspacePlan: async () => (fail ? Promise.reject(new Error('no workspace')) : samplePlan()) }));
    await store.getState().loadPlan();
    expect(store.getState().plan).toMatchObject({ loading: false, error: null, data: { startDate: '2026-12-01' } });
    fail = true;
    await store.getState().loadPlan();
    expect(store.getState().plan).toMatchObject({ loading: false, error: 'no workspace', data: { startDate: '2026-12-01' } });
  });

  it('keeps only the latest answer when reads overlap', async () => {
    const answers: Array<(p: WorkspacePlan) => void> = [];
    const store = createAppStore(fakeBackend({ workspacePlan: () => new Promise<WorkspacePlan>((resolve) => answers.push(resolve)) }));
    const first = store.getState().loadPlan();
    const second = store.getState().loadPlan();
    answers[1]?.(samplePlan({ startDate: '2026-12-02' }));
    answers[0]?.(samplePlan({ startDate: '2026-11-01' }));
    await Promise.all([first, second]);
    expect(store.getState().plan.data?.startDate).toBe('2026-12-02');
  });

  it('starting the plan shows the started plan at once; a refusal is kept for the day 0 field', async () => {
    const inputs: Array<InputOf<'startPlan'>> = [];
    const store = createAppStore(
      fakeBackend({
        startPlan: async (input) => {
          inputs.push(input);
          if (input.startDate === '2024-01-01') throw new BackendError('invalid-input', 'Day 0 must be within 365 days of today (2026-12-06); 2024-01-01 is not.');
          return samplePlan({ startDate: input.startDate });
        },
      }),
    );
    await expect(store.getState().startPlan('2024-01-01')).resolves.toBe(false);
    expect(store.getState().planSaveError).toEqual({ for: 'start', message: expect.stringMatching(/within 365 days/) });
    await expect(store.getState().startPlan('2026-12-06')).resolves.toBe(true);
    expect(store.getState().planSaveError).toBeNull();
    expect(store.getState().plan.data?.startDate).toBe('2026-12-06');
    expect(inputs.map((i) => i.startDate)).toEqual(['2024-01-01', '2026-12-06']);
    expect(store.getState().toasts.at(-1)).toMatchObject({ tone: 'success', text: 'Plan started: day 0 is 2026-12-06' });
  });

  it('a saved owner replaces the task at once, then the plan is read again; a refusal names the task', async () => {
    let reads = 0;
    const saved = planTask({ owner: 'Sam Lee', ownerIsDefault: false });
    const store = createAppStore(
      fakeBackend({
        // The engine's answer after the save: the stored owner.
        workspacePlan: async () => (reads++ === 0 ? samplePlan() : samplePlan({ tasks: samplePlan().tasks.map((t) => (t.itemKey === saved.itemKey && t.agentId === saved.agentId ? saved : t)) })),
        updatePlanTask: async (input) => {
          if (input.dueDate === '2026-13-01') throw new BackendError('invalid-input', 'Invalid input for updatePlanTask at dueDate: a date as YYYY-MM-DD.');
          return saved;
        },
      }),
    );
    await store.getState().loadPlan();
    const ownerShown = () => store.getState().plan.data?.tasks.find((t) => t.itemKey === 'h48.execution-logging' && t.agentId === 'a-collections')?.owner;
    const saving = store.getState().updatePlanTask({ agentId: 'a-collections', itemKey: 'h48.execution-logging', owner: 'Sam Lee' });
    expect(store.getState().planSaving).toBe('a-collections/h48.execution-logging');
    await expect(saving).resolves.toBe(true);
    expect(ownerShown()).toBe('Sam Lee');
    expect(store.getState().planSaving).toBeNull();
    await new Promise((r) => setTimeout(r, 0));
    expect(reads).toBe(2);
    expect(ownerShown()).toBe('Sam Lee');

    await expect(store.getState().updatePlanTask({ agentId: 'a-collections', itemKey: 'h48.execution-logging', dueDate: '2026-13-01' })).resolves.toBe(false);
    expect(store.getState().planSaveError).toEqual({ for: 'a-collections/h48.execution-logging', message: expect.stringMatching(/YYYY-MM-DD/) });
  });
});
