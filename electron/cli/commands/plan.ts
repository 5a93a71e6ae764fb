import { CHECKLIST_PHASES } from '../../../shared/checklist';
import type { PlanTask, WorkspacePlan } from '../../../shared/plan';
import type { CliCommand } from '../command';
import { usageError } from '../command';
import { callEngine, withWorkspaceArg } from '../engine-session';
import { textTable } from '../text-table';

const agentsText = (n: number) => `${n} agent${n === 1 ? '' : 's'}`;
const statusText = (t: PlanTask) => (t.status === 'done' ? 'done' : t.overdue ? 'OVERDUE' : 'open');
const ownerText = (t: PlanTask) => (t.owner ?? 'no owner') + (t.ownerIsDefault && t.owner ? ' (agent owner)' : '');

/** Progress per phase, then each phase's tasks with owner, due date and status; overdue ones marked. */
export function describePlan(plan: WorkspacePlan, workspaceArg: string): string {
  if (plan.startDate === null) {
    const pending = plan.phases.reduce((n, p) => n + p.total, 0);
    return [
      `No plan started in this workspace: ${pending} tasks would be created for ${agentsText(plan.agentCount)}.`,
      `Start it in the app (Plan), or: agent-triage plan --workspace ${workspaceArg} --start ${plan.today}`,
    ].join('\n');
  }
  const lines = [`Hardening plan: day 0 ${plan.startDate}, today ${plan.today}, ${agentsText(plan.agentCount)}.`];
  lines.push(
    ...textTable(
      ['PHASE', 'DONE', 'OVERDUE', 'DUE'],
      plan.phases.map((p) => [p.label, `${p.done}/${p.total}`, String(p.overdue), p.dueDate ?? '']),
      60,
    ),
  );
  for (const phase of CHECKLIST_PHASES) {
    const tasks = plan.tasks.filter((t) => t.phase === phase);
    const progress = plan.phases.find((p) => p.phase === phase)!;
    lines.push('', `${progress.label} (${progress.done}/${progress.total} done${progress.overdue ? `, ${progress.overdue} overdue` : ''}):`);
    if (tasks.length === 0) {
      lines.push('  No tasks: every item passes.');
      continue;
    }
    lines.push(...textTable(['STATUS', 'DUE', 'AGENT', 'ITEM', 'VERDICT', 'OWNER'], tasks.map((t) => [statusText(t), t.dueDate, t.agentName, t.title, t.verdict, ownerText(t)]), 40));
  }
  return lines.join('\n');
}

export const planCommand: CliCommand = {
  words: ['plan'],
  summary: 'Print the 30/60/90-day hardening plan: progress per phase, then every task with its owner, due date and status (overdue marked)',
  options: [
    { name: 'workspace', type: 'string', valueName: 'W', required: true, description: 'Workspace file to read (must exist)' },
    { name: 'start', type: 'string', valueName: 'YYYY-MM-DD', description: 'Set day 0 (audited) before printing; tasks are created from the checklists' },
  ],
  notes: [
    'Tasks come from Step 0 and the checklists: one per agent and item that does not pass; an item that passes since is done.',
    'Default owner: the agent\'s owner. Default due: Step 0 day 7, the 48-hour checklist day 2, the rest of Days 1-30 day 30, then days 60 and 90.',
    'With --json: the plan object the app shows {startDate, today, phases, tasks, burnUp}.',
  ],
  async run(ctx) {
    const start = ctx.text('start');
    if (start !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(start)) throw usageError(`--start takes a date as YYYY-MM-DD, not "${start}".`);
    await withWorkspaceArg(ctx, { host: 'cli', openLastWorkspace: false }, { createIfMissing: false }, async (engine) => {
      const plan = start === undefined ? await callEngine(engine, 'workspacePlan', {}) : await callEngine(engine, 'startPlan', { startDate: start });
      ctx.printResult(plan, describePlan(plan, ctx.text('workspace') ?? 'W'));
    });
  },
};
