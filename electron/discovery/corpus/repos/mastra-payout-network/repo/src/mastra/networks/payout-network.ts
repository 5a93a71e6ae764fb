import { openai } from '@ai-sdk/openai';
import { NewAgentNetwork } from '@mastra/core/network/vNext';
import { ledgerAgent } from '../agents/ledger-agent';
import { noticeAgent } from '../agents/notice-agent';
import { refundAgent } from '../agents/refund-agent';

export const payoutNetwork = new NewAgentNetwork({
  id: 'payout-network',
  name: 'Payout Network',
  instructions: 'Route payout questions: balances to the ledger agent, duplicate charges to the refund agent, merchant letters to the notice agent.',
  model: openai('gpt-4o'),
  agents: { ledgerAgent, refundAgent, noticeAgent },
});
