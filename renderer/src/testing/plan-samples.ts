import type { PlanTask, WorkspacePlan } from '../../../shared/plan';

/** Plan answers for slice and view tests, shaped as the engine returns them. */

export const planTask = (over: Partial<PlanTask> = {}): PlanTask => ({
  agentId: 'a-collections',
  agentName: 'Collections Reminder Bot',
  itemKey: 'h48.execution-logging',
  title: 'Execution logging on',
  phase: 'days-1-30',
  verdict: 'unknown',
  attestation: null,
  status: 'open',
  owner: 'Dana Whitfield',
  ownerIsDefault: true,
  dueDate: '2026-12-03',
  dueIsDefault: true,
  overdue: true,
  createdAt: '2026-12-01T09:00:00.000Z',
  doneAt: null,
  ...over,
});

export const samplePlan = (over: Partial<WorkspacePlan> = {}): WorkspacePlan => ({
  startDate: '2026-12-01',
  startedBy: 'ana',
  today: '2026-12-06',
  agentCount: 2,
  phases: [
    { phase: 'step-0', label: 'Step 0: inventory', total: 1, done: 0, overdue: 0, dueDate: '2026-12-08' },
    { phase: 'days-1-30', label: 'Days 1-30: the 48-hour checklist and runtime hardening', total: 2, done: 1, overdue: 1, dueDate: '2026-12-31' },
    { phase: 'days-31-60', label: 'Days 31-60: guardrails as code', total: 0, done: 0, overdue: 0, dueDate: '2027-01-30' },
    { phase: 'days-61-90', label: 'Days 61-90: observability and cost', total: 1, done: 0, overdue: 0, dueDate: '2027-03-01' },
  ],
  tasks: [
    planTask({ agentId: 'a-idle', agentName: 'Idle Helper', itemKey: 'registry.owner', title: 'Owner is a person', phase: 'step-0', verdict: 'fail', owner: null, dueDate: '2026-12-08', overdue: false }),
    planTask(),
    planTask({ itemKey: 'h48.no-shell', title: 'No shell execution', status: 'done', attestation: 'done', overdue: false, doneAt: '2026-12-04T10:00:00.000Z' }),
    planTask({ agentId: 'a-idle', agentName: 'Idle Helper', itemKey: 'd90.daily-budget', title: 'Daily budget with a hard cap', phase: 'days-61-90', owner: 'Sam Lee', ownerIsDefault: false, dueDate: '2027-03-01', overdue: false }),
  ],
  burnUp: [
    { date: '2026-12-01', scope: 4, done: 0 },
    { date: '2026-12-02', scope: 4, done: 0 },
    { date: '2026-12-03', scope: 4, done: 0 },
    { date: '2026-12-04', scope: 4, done: 1 },
    { date: '2026-12-05', scope: 4, done: 1 },
    { date: '2026-12-06', scope: 4, done: 1 },
  ],
  ...over,
});
