import { anthropic } from '@ai-sdk/anthropic';
import { ToolLoopAgent, stepCountIs, tool } from 'ai';
import { z } from 'zod';
import { sql } from '../db';

const payoutStatus = tool({
  description: 'Status of a payout.',
  inputSchema: z.object({ payoutId: z.string() }),
  execute: async ({ payoutId }) => sql`SELECT status, paid_at FROM payouts WHERE id = ${payoutId}`,
});

export const supportAgent = new ToolLoopAgent({
  model: anthropic('claude-sonnet-4-5'),
  instructions: 'Answer payout questions.',
  tools: { payoutStatus },
  stopWhen: stepCountIs(5),
});
