import type { AgentDrift } from '../../../shared/review';
import { DRIFT_KIND_LABELS } from '../../../shared/review';
import { usageError, type CliCommand } from '../command';
import { callEngine, withWorkspaceArg } from '../engine-session';
import { resolveAgent } from './blast-radius';

const WORKSPACE_OPTION = { name: 'workspace', type: 'string', valueName: 'W', required: true, description: 'Workspace file (must exist)' } as const;
const AGENT_ARGUMENT = { name: 'AGENT', description: 'The agent: its id, its name, or a part of its name only it has' };

/** The drift as text: the last review, then each change most serious first, then spend. */
export function describeDrift(name: string, drift: AgentDrift): string {
  if (!drift.lastReview) return `${name} was never reviewed: \`agent-triage review "${name}" --workspace W\` sets a baseline.`;
  const review = drift.lastReview;
  const lines = [
    `${name}: last reviewed ${review.at} by ${review.by}${review.note ? ` (${review.note})` : ''}; ${drift.reviewCount} ${drift.reviewCount === 1 ? 'review' : 'reviews'} recorded.`,
  ];
  if (drift.changes.length === 0) lines.push('No changes since the review.');
  else {
    lines.push(`${drift.changes.length} ${drift.changes.length === 1 ? 'change' : 'changes'} since the review, most serious first:`);
    for (const c of drift.changes) {
      lines.push(`  ${c.change.toUpperCase().padEnd(8)} ${DRIFT_KIND_LABELS[c.kind]}: ${c.detail}${c.evidence ? `  [${c.evidence}]` : ''}`);
    }
  }
  if (drift.spend) lines.push(`Spend: ${drift.spend.summary}.`);
  return lines.join('\n');
}

export const reviewCommand: CliCommand = {
  words: ['review'],
  summary: "Mark an agent reviewed: keep what it can do and reach today as the baseline, and set its last reviewed date",
  arguments: [AGENT_ARGUMENT],
  options: [WORKSPACE_OPTION, { name: 'note', type: 'string', valueName: 'TEXT', description: 'What was checked, with whom (kept with the review)' }],
  notes: ['Audited under the person set in the app, else your login. `agent-triage drift AGENT` then lists what changed since.'],
  async run(ctx) {
    const wanted = ctx.positionals[0];
    if (!wanted) throw usageError('Name the agent: agent-triage review AGENT --workspace W [--note TEXT]');
    await withWorkspaceArg(ctx, { host: 'cli', openLastWorkspace: false }, { createIfMissing: false }, async (engine) => {
      const agentId = await resolveAgent(engine, wanted);
      const drift = await callEngine(engine, 'markReviewed', { agentId, note: ctx.text('note') ?? '' });
      const { name } = await callEngine(engine, 'getAgent', { id: agentId });
      ctx.printResult(drift, `Marked ${name} reviewed (${drift.reviewCount} ${drift.reviewCount === 1 ? 'review' : 'reviews'} recorded).`);
    });
  },
};

export const driftCommand: CliCommand = {
  words: ['drift'],
  summary: 'Print what changed since an agent was last reviewed: new write access, credentials, capabilities, endpoints, spend',
  arguments: [AGENT_ARGUMENT],
  options: [WORKSPACE_OPTION],
  notes: ['Most serious first; removals last. With --json: {agentId, lastReview, changes, spend, reviewCount}.'],
  async run(ctx) {
    const wanted = ctx.positionals[0];
    if (!wanted) throw usageError('Name the agent: agent-triage drift AGENT --workspace W');
    await withWorkspaceArg(ctx, { host: 'cli', openLastWorkspace: false }, { createIfMissing: false }, async (engine) => {
      const agentId = await resolveAgent(engine, wanted);
      const drift = await callEngine(engine, 'agentDrift', { agentId });
      const { name } = await callEngine(engine, 'getAgent', { id: agentId });
      ctx.printResult(drift, describeDrift(name, drift));
    });
  },
};
