import type { SDKMessage, SDKResultMessage } from '@anthropic-ai/claude-agent-sdk';

/** Turns a run's transcript into the summary posted on the pull request. Reads messages; calls nothing. */
export function renderSummary(messages: SDKMessage[]): string {
  const result = messages.find((m): m is SDKResultMessage => m.type === 'result');
  const turns = result ? result.num_turns : 0;
  const cost = result ? result.total_cost_usd.toFixed(2) : '0.00';
  return `Claude finished in ${turns} turns ($${cost}).`;
}
