import { openai } from '@ai-sdk/openai';
import { Agent } from '@mastra/core/agent';
import { ledgerBalanceTool } from '../tools';

export const ledgerAgent = new Agent({
  name: 'Ledger Agent',
  instructions: 'Answer questions about merchant balances and pending payouts from the ledger. Never guess an amount.',
  model: openai('gpt-4o-mini'),
  tools: { ledgerBalanceTool },
});
