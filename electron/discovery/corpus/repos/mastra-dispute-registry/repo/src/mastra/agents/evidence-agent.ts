import { openai } from '@ai-sdk/openai';
import { Agent } from '@mastra/core/agent';
import { disputeEvidence } from '../tools/dispute-evidence';

export const evidenceAgent = new Agent({
  name: 'Dispute Evidence Agent',
  instructions: 'Gather the order, delivery and refund history of a disputed charge and summarise what it proves.',
  model: openai('gpt-4o-mini'),
  tools: { disputeEvidence },
});
