import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHECKLIST_ITEMS } from '../../shared/checklist';
import type { AuditEntry } from '../../shared/contract';
import { BackendError } from '../../shared/errors';
import type { PlanTask, WorkspacePlan } from '../../shared/plan';
import { addDays } from '../../shared/plan';
import { todayIso } from '../../shared/registry';
import { advisoryLookupFrom } from '../advisories/advisory-lookup';
import { testEngine } from '../api/test-engine';
import { createAgent } from '../agents/agents-repository';
import { tempDir } from '../store/test-workspace';
import { createWorkspaceFile, type Workspace } from '../store/workspace-file';
import { attest } from '../triage/attestations';
import { updatePlanTask } from './update-plan-task';
import { startPlan, workspacePlan } from './workspace-plan';

const PRIYA = { name: 'Priya Raman', email: 'priya.raman@example.com' };
const taskOf = (plan: WorkspacePlan, agentName: string, itemKey: string): PlanTask | undefined => plan.tasks.find((t) => t.agentName === agentName && t.itemKey === itemKey);
const planAudit = (db: Database.Database) => db.prepare("SELECT entity_id AS entityId, field, before, after, actor FROM audit_log WHERE entity = 'plan' ORDER BY id").all() as Array<Pick<AuditEntry, 'entityId' | 'field' | 'before' | 'after' | 'actor'>>;

async function rejection(promise: Promise<unknown>): Promise<BackendError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof BackendError) return err;
    throw err;
  }
  throw new Error('expected the call to fail');
}

describe('the hardening plan through the engine', () => {
  let t: Awaited<ReturnType<typeof testEngine>>;
  let path: string;
  const ids: Record<string, string> = {};
  const today = todayIso();

  beforeEach(async () => {
    t = await testEngine();
    path = t.tmp.file('plan.atw');
    await t.call('createWorkspace', { path });
    for (const draft of [
      { name: 'Refund Triage Bot', status: 'confirmed' as const, owner: PRIYA, trigger: { kind: 'webhook' as const, schedule: '/refunds' } },
      { name: 'Idle Helper', status: 'candidate' as const },
      { name: 'Old Mailer', status: 'dismissed' as const, owner: PRIYA },
    ]) {
      ids[draft.name] = (await t.call('createAgent', { draft })).id;
    }
  });
  afterEach(() => t.close());

  it('before day 0 it says how many tasks starting would create and writes nothing', async () => {
    const plan = await t.call('workspacePlan', {});
    expect(plan).toMatchObject({ startDate: null, tasks: [], burnUp: [], agentCount: 2, today });
    expect(plan.phases.map((p) => p.phase)).toEqual(['step-0', 'days-1-30', 'days-31-60', 'days-61-90']);
    expect(plan.phases.every((p) => p.total > 0 && p.done === 0 && p.dueDate === null)).toBe(true);
    const db = new Database(path, { readonly: true });
    expect(db.prepare('SELECT COUNT(*) AS n FROM plan_tasks').get()).toEqual({ n: 0 });
    db.close();
  });

  it('starting the plan creates a task for every item that does not pass, owned by the agent’s owner and due at its phase’s end', async () => {
    const plan = await t.call('startPlan', { startDate: today });
    expect(plan.startDate).toBe(today);
    expect(plan.startedBy).toBe('tester');
    // The dismissed agent is not in the plan; the named items pass, so they are no task.
    expect(new Set(plan.tasks.map((x) => x.agentName))).toEqual(new Set(['Refund Triage Bot', 'Idle Helper']));
    expect(taskOf(plan, 'Refund Triage Bot', 'registry.name')).toBeUndefined();
    expect(taskOf(plan, 'Refund Triage Bot', 'registry.owner')).toBeUndefined();
    expect(taskOf(plan, 'Idle Helper', 'registry.owner')).toMatchObject({ verdict: 'fail', status: 'open', owner: null, ownerIsDefault: true });

    expect(taskOf(plan, 'Refund Triage Bot', 'registry.rollback')).toMatchObject({ owner: 'Priya Raman', ownerIsDefault: true, dueDate: addDays(today, 7), dueIsDefault: true, overdue: false, phase: 'step-0' });
    expect(taskOf(plan, 'Refund Triage Bot', 'h48.execution-logging')).toMatchObject({ verdict: 'unknown', dueDate: addDays(today, 2), phase: 'days-1-30' });
    expect(taskOf(plan, 'Refund Triage Bot', 'd30.sandbox')?.dueDate).toBe(addDays(today, 30));
    expect(taskOf(plan, 'Refund Triage Bot', 'd60.input-schema')?.dueDate).toBe(addDays(today, 60));
    expect(taskOf(plan, 'Refund Triage Bot', 'd90.daily-budget')?.dueDate).toBe(addDays(today, 90));
    expect(plan.phases.map((p) => p.dueDate)).toEqual([7, 30, 60, 90].map((d) => addDays(today, d)));
    expect(plan.phases.reduce((n, p) => n + p.total, 0)).toBe(plan.tasks.length);

    // Tasks come in phase order, then by due date.
    const phaseIndex = plan.tasks.map((x) => ['step-0', 'days-1-30', 'days-31-60', 'days-61-90'].indexOf(x.phase));
    expect([...phaseIndex].sort((a, b) => a - b)).toEqual(phaseIndex);

    // Day 0 and every task creation are in the audit log.
    const audit = planAudit(new Database(path, { readonly: true }));
    expect(audit[0]).toEqual({ entityId: 'workspace', field: 'start date', before: null, after: today, actor: 'tester' });
    expect(audit.filter((e) => e.before === null && e.after === 'open')).toHaveLength(plan.tasks.length);
    expect(plan.burnUp).toEqual([{ date: today, scope: plan.tasks.length, done: 0 }]);
  });

  it('refuses a day 0 that is no date or more than a year away', async () => {
    expect((await rejection(t.call('startPlan', { startDate: '2026-02-30' }))).code).toBe('invalid-input');
    expect((await rejection(t.call('startPlan', { startDate: '06/12/2026' }))).code).toBe('invalid-input');
    const far = await rejection(t.call('startPlan', { startDate: addDays(today, -400) }));
    expect(far).toMatchObject({ code: 'invalid-input', message: expect.stringMatching(/within 365 days of today/) });
    expect((await t.call('workspacePlan', {})).startDate).toBeNull();
  });

  it('an attested item makes its task done (audited, the burn-up’s done moves); withdrawn, it reopens', async () => {
    const started = await t.call('startPlan', { startDate: today });
    const bot = ids['Refund Triage Bot']!;
    await t.call('attestChecklistItem', { agentId: bot, key: 'h48.execution-logging', status: 'done', note: 'CloudWatch' });
    const plan = await t.call('workspacePlan', {});
    expect(taskOf(plan, 'Refund Triage Bot', 'h48.execution-logging')).toMatchObject({ status: 'done', attestation: 'done', verdict: 'unknown', doneAt: expect.any(String) });
    expect(plan.tasks).toHaveLength(started.tasks.length);
    const phase = plan.phases.find((p) => p.phase === 'days-1-30')!;
    expect(phase.done).toBe(1);
    expect(plan.burnUp.at(-1)).toEqual({ date: today, scope: started.tasks.length, done: 1 });
    expect(planAudit(new Database(path, { readonly: true })).at(-1)).toEqual({ entityId: bot, field: 'task h48.execution-logging status', before: 'open', after: 'done', actor: 'tester' });

    // Reading again with nothing changed writes nothing.
    const count = () => planAudit(new Database(path, { readonly: true })).length;
    const before = count();
    await t.call('workspacePlan', {});
    expect(count()).toBe(before);

    await t.call('attestChecklistItem', { agentId: bot, key: 'h48.execution-logging', status: null, note: '' });
    const reopened = await t.call('workspacePlan', {});
    expect(taskOf(reopened, 'Refund Triage Bot', 'h48.execution-logging')).toMatchObject({ status: 'open', doneAt: null, attestation: null });
    expect(reopened.burnUp.at(-1)?.done).toBe(0);
    expect(planAudit(new Database(path, { readonly: true })).at(-1)).toMatchObject({ field: 'task h48.execution-logging status', before: 'done', after: 'open' });
  });

  it('a person sets a task’s owner and due date: audited, overdue once past, null goes back to the default; a second connection sees it', async () => {
    await t.call('startPlan', { startDate: today });
    const bot = ids['Refund Triage Bot']!;
    const yesterday = addDays(today, -1);
    const task = await t.call('updatePlanTask', { agentId: bot, itemKey: 'registry.rollback', owner: 'Sam Lee', dueDate: yesterday });
    expect(task).toMatchObject({ owner: 'Sam Lee', ownerIsDefault: false, dueDate: yesterday, dueIsDefault: false, overdue: true, status: 'open' });
    const plan = await t.call('workspacePlan', {});
    expect(plan.phases.find((p) => p.phase === 'step-0')?.overdue).toBe(1);
    expect(taskOf(plan, 'Refund Triage Bot', 'registry.rollback')?.overdue).toBe(true);

    // Another process (the CLI, a second window) reads the stored decision.
    const other = new Database(path, { readonly: true });
    expect(other.prepare('SELECT owner, due_date FROM plan_tasks WHERE agent_id = ? AND item_key = ?').get(bot, 'registry.rollback')).toEqual({ owner: 'Sam Lee', due_date: yesterday });
    expect(planAudit(other).slice(-2)).toEqual([
      { entityId: bot, field: 'task registry.rollback owner', before: 'Priya Raman (agent owner)', after: 'Sam Lee', actor: 'tester' },
      { entityId: bot, field: 'task registry.rollback due date', before: `${addDays(today, 7)} (end of phase)`, after: yesterday, actor: 'tester' },
    ]);
    other.close();

    const reset = await t.call('updatePlanTask', { agentId: bot, itemKey: 'registry.rollback', owner: '', dueDate: null });
    expect(reset).toMatchObject({ owner: 'Priya Raman', ownerIsDefault: true, dueDate: addDays(today, 7), dueIsDefault: true, overdue: false });
    // The same values again change nothing and add no audit entry.
    const entries = planAudit(new Database(path, { readonly: true })).length;
    await t.call('updatePlanTask', { agentId: bot, itemKey: 'registry.rollback', owner: null });
    expect(planAudit(new Database(path, { readonly: true }))).toHaveLength(entries);
  });

  it('refuses to update a task that does not exist, or with bad input', async () => {
    const bot = ids['Refund Triage Bot']!;
    expect((await rejection(t.call('updatePlanTask', { agentId: bot, itemKey: 'registry.rollback', owner: 'Sam' }))).message).toMatch(/not been started/);
    await t.call('startPlan', { startDate: today });
    const passing = await rejection(t.call('updatePlanTask', { agentId: bot, itemKey: 'registry.name', owner: 'Sam' }));
    expect(passing).toMatchObject({ code: 'not-found', message: expect.stringMatching(/no plan task for item registry\.name/) });
    expect((await rejection(t.call('updatePlanTask', { agentId: 'nobody', itemKey: 'registry.rollback', owner: 'Sam' }))).code).toBe('not-found');
    expect((await rejection(t.call('updatePlanTask', { agentId: bot, itemKey: 'registry.rollback', dueDate: '2026-13-01' }))).code).toBe('invalid-input');
    expect((await rejection(t.call('updatePlanTask', { agentId: bot, itemKey: 'registry.rollback' }))).code).toBe('invalid-input');
    expect((await rejection(t.call('updatePlanTask', { agentId: bot, itemKey: 'no.such-item' as 'registry.name', owner: 'Sam' }))).code).toBe('invalid-input');
  });
});

describe('the burn-up, day by day from the audit log', () => {
  let tmp: ReturnType<typeof tempDir>;
  let ws: Workspace;
  const advisories = advisoryLookupFrom([]);
  const ana = { actor: 'ana', via: 'test' };
  const at = (iso: string) => new Date(iso);

  beforeEach(() => {
    tmp = tempDir('atw-plan-burnup-');
    ws = createWorkspaceFile(tmp.file('w.atw'));
  });
  afterEach(() => {
    ws.close();
    tmp.cleanup();
  });

  it('counts the tasks of day 0 from day 0, a task done on day 2 on day 2, a new agent’s tasks on the day they appear', () => {
    const bot = createAgent(ws.db, { name: 'Refund Triage Bot', status: 'confirmed', owner: PRIYA }, ana);
    // Started on 2026-03-03 with day 0 two days earlier: the tasks were the work of day 0.
    const started = startPlan(ws.db, advisories, '2026-03-01', ana, at('2026-03-03T09:00:00Z'));
    const scope = started.tasks.length;
    expect(started.burnUp).toEqual([
      { date: '2026-03-01', scope, done: 0 },
      { date: '2026-03-02', scope, done: 0 },
      { date: '2026-03-03', scope, done: 0 },
    ]);

    attest(ws.db, bot, 'h48.execution-logging', 'done', 'CloudWatch', ana);
    workspacePlan(ws.db, advisories, ana, at('2026-03-04T10:00:00Z'));
    createAgent(ws.db, { name: 'Idle Helper', status: 'candidate' }, ana);
    const plan = workspacePlan(ws.db, advisories, ana, at('2026-03-06T08:00:00Z'));
    const added = plan.tasks.filter((x) => x.agentName === 'Idle Helper').length;
    expect(added).toBeGreaterThan(0);
    expect(plan.burnUp).toEqual([
      { date: '2026-03-01', scope, done: 0 },
      { date: '2026-03-02', scope, done: 0 },
      { date: '2026-03-03', scope, done: 0 },
      { date: '2026-03-04', scope, done: 1 },
      { date: '2026-03-05', scope, done: 1 },
      { date: '2026-03-06', scope: scope + added, done: 1 },
    ]);
    // The 48-hour items fell due on day 2: open ones are overdue on day 5.
    expect(plan.tasks.filter((x) => x.itemKey.startsWith('h48.') && x.status === 'open').every((x) => x.overdue)).toBe(true);
    expect(plan.tasks.filter((x) => x.phase === 'days-61-90').some((x) => x.overdue)).toBe(false);
    expect(plan.tasks.find((x) => x.itemKey === 'h48.execution-logging' && x.agentName === 'Refund Triage Bot')).toMatchObject({ status: 'done', overdue: false, doneAt: '2026-03-04T10:00:00.000Z' });
  });

  it('moving day 0 moves every default due date but keeps a person’s, and is audited', () => {
    const bot = createAgent(ws.db, { name: 'Refund Triage Bot', status: 'confirmed', owner: PRIYA }, ana);
    startPlan(ws.db, advisories, '2026-03-01', ana, at('2026-03-01T09:00:00Z'));
    updatePlanTask(ws.db, advisories, { agentId: bot, itemKey: 'd90.tracing', dueDate: '2026-04-01' }, ana, at('2026-03-01T10:00:00Z'));
    const moved = startPlan(ws.db, advisories, '2026-03-08', ana, at('2026-03-02T09:00:00Z'));
    expect(moved.tasks.find((x) => x.itemKey === 'd90.daily-budget')?.dueDate).toBe('2026-06-06');
    expect(moved.tasks.find((x) => x.itemKey === 'd90.tracing')?.dueDate).toBe('2026-04-01');
    expect(moved.burnUp).toEqual([{ date: '2026-03-08', scope: moved.tasks.length, done: 0 }]);
    expect(planAudit(ws.db).filter((e) => e.field === 'start date').map((e) => [e.before, e.after])).toEqual([
      [null, '2026-03-01'],
      ['2026-03-01', '2026-03-08'],
    ]);
    expect(moved.tasks.length).toBeLessThan(CHECKLIST_ITEMS.length);
  });
});
