import { describe, expect, it } from 'vitest';
import type { WorkspacePlan } from '../../shared/plan';
import { addDays } from '../../shared/plan';
import { todayIso } from '../../shared/registry';
import { registryWorkspaceForCli } from './test-registry-workspace';

describe('agent-triage plan', () => {
  const { cli } = registryWorkspaceForCli('atw-cli-plan-');
  const today = todayIso();

  it('says when no plan is started and how to start one, exit 0', async () => {
    const run = await cli(['plan', '--workspace', 'w.atw']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^No plan started in this workspace: \d+ tasks would be created for 2 agents\./);
    expect(run.stdout).toContain(`agent-triage plan --workspace w.atw --start ${today}`);
  });

  it('--start sets day 0, then prints progress per phase and every task with owner, due date and status', async () => {
    const run = await cli(['plan', '--workspace', 'w.atw', '--start', today]);
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe(`Hardening plan: day 0 ${today}, today ${today}, 2 agents.`);
    expect(lines[1]).toMatch(/PHASE\s+DONE\s+OVERDUE\s+DUE/);
    expect(run.stdout).toMatch(new RegExp(`Step 0: inventory\\s+0/\\d+\\s+0\\s+${addDays(today, 7)}`));
    expect(run.stdout).toMatch(/STATUS\s+DUE\s+AGENT\s+ITEM\s+VERDICT\s+OWNER/);
    expect(run.stdout).toMatch(new RegExp(`open\\s+${addDays(today, 2)}\\s+Refund Triage Bot\\s+Execution logging on\\s+unknown\\s+Priya Raman \\(agent owner\\)`));
    expect(run.stdout).toMatch(new RegExp(`open\\s+${addDays(today, 7)}\\s+Idle Helper\\s+Owner is a person\\s+fail\\s+Platform Team`));

    // A later run reads the same plan; --json gives the object the app shows.
    const json = await cli(['plan', '--workspace', 'w.atw', '--json']);
    const plan = (json.json() as unknown as { ok: true; value: WorkspacePlan }).value;
    expect(plan.startDate).toBe(today);
    expect(plan.phases.map((p) => p.phase)).toEqual(['step-0', 'days-1-30', 'days-31-60', 'days-61-90']);
    expect(plan.tasks.find((t) => t.agentName === 'Refund Triage Bot' && t.itemKey === 'h48.execution-logging')).toMatchObject({ owner: 'Priya Raman', status: 'open', dueDate: addDays(today, 2) });
    expect(plan.burnUp).toEqual([{ date: today, scope: plan.tasks.length, done: 0 }]);
  });

  it('marks overdue tasks when day 0 lies in the past', async () => {
    const run = await cli(['plan', '--workspace', 'w.atw', '--start', addDays(today, -10)]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Days 1-30: the 48-hour checklist and runtime hardening \(0\/\d+ done, \d+ overdue\):/);
    expect(run.stdout).toMatch(new RegExp(`OVERDUE\\s+${addDays(today, -8)}\\s+Refund Triage Bot\\s+Execution logging on`));
  });

  it('refuses a bad --start and a missing workspace', async () => {
    const bad = await cli(['plan', '--workspace', 'w.atw', '--start', 'tomorrow']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--start takes a date as YYYY-MM-DD, not "tomorrow"/);
    const impossible = await cli(['plan', '--workspace', 'w.atw', '--start', '2026-02-30']);
    expect(impossible.code).not.toBe(0);
    expect(impossible.stderr).toMatch(/YYYY-MM-DD/);
    const missing = await cli(['plan', '--workspace', 'missing.atw']);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toMatch(/missing\.atw/);
  });
});
