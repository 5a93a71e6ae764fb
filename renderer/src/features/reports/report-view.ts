import type { AgentShare, ReportHeadline } from '../../../../shared/report';
import { formatShare, formatUsd } from '../usage/usage-format';

/** "7 of 12 (58%)"; "none yet" with no agents, never "0 of 0 (NaN%)". */
export function shareText(share: AgentShare): string {
  if (share.of === 0) return 'no agents yet';
  return `${share.count} of ${share.of} (${formatShare(share.count / share.of)})`;
}

/** The headline figures in the order the summary page lists them: a label, the figure, and the sentence under it. */
export function headlineFigures(h: ReportHeadline): Array<{ key: string; label: string; value: string; detail: string; alarm: boolean }> {
  const spend = h.unattributedSpend;
  return [
    {
      key: 'discovered',
      label: 'Agents discovered vs documented',
      value: `${h.discovered} / ${h.documented.count}`,
      detail: `${h.discovered} found in code, config, usage or the registry${h.awaitingReview > 0 ? ` (${h.awaitingReview} awaiting review)` : ''}; ${h.documented.count} with all seven registry fields.`,
      alarm: h.documented.count < h.discovered,
    },
    { key: 'owner', label: 'With a named owner', value: shareText(h.withOwner), detail: 'A person, not a team, is accountable.', alarm: h.withOwner.count < h.withOwner.of },
    { key: 'rollback', label: 'With a rollback procedure', value: shareText(h.withRollback), detail: 'How to undo what it did is written down.', alarm: h.withRollback.count < h.withRollback.of },
    { key: 'answers', label: 'With all four answers', value: shareText(h.allFourAnswers), detail: 'Access, what prevents harm, owner, and detection within five minutes.', alarm: h.allFourAnswers.count < h.allFourAnswers.of },
    { key: 'priority', label: 'P0 / P1 agents', value: `${h.p0} / ${h.p1}`, detail: 'Sensitive data reached with the least monitoring.', alarm: h.p0 + h.p1 > 0 },
    { key: 'shell', label: 'Shell or arbitrary network', value: String(h.shellOrArbitraryNetwork), detail: 'Agents that run shell commands or call hosts chosen at run time.', alarm: h.shellOrArbitraryNetwork > 0 },
    { key: 'shared', label: 'Shared credentials', value: String(h.sharedCredentials), detail: 'Agents holding a credential another agent or system also uses.', alarm: h.sharedCredentials > 0 },
    spend === null
      ? { key: 'spend', label: 'Unattributed LLM spend', value: 'not known', detail: 'Import LLM usage logs to see it.', alarm: false }
      : { key: 'spend', label: 'Unattributed LLM spend', value: formatUsd(spend.costUsd), detail: `${formatShare(spend.share)} of ${formatUsd(spend.totalUsd)} no agent accounts for.`, alarm: spend.costUsd > 0 },
  ];
}
