import { anthropic } from '@ai-sdk/anthropic';
import { Agent } from '@mastra/core/agent';
import { refundChargeTool } from '../tools';

export const refundAgent = new Agent({
  name: 'Refund Agent',
  instructions: `You refund card charges that a payout dispute shows were taken twice.
Refund only the duplicate charge, and only when the ledger agent confirmed it.`,
  model: anthropic('claude-3-5-sonnet-20241022'),
  tools: { refundChargeTool },
});
