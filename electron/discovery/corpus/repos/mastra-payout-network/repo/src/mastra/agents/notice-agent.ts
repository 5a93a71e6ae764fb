import { openai } from '@ai-sdk/openai';
import { Agent } from '@mastra/core/agent';

export const noticeAgent = new Agent({
  name: 'Notice Agent',
  instructions: 'Write a short, plain notice to a merchant explaining a payout delay or a refund.',
  model: openai('gpt-4o-mini'),
});
