import { openai } from '@ai-sdk/openai';
import { Agent } from '@mastra/core/agent';
import { emailMerchant } from '../tools/email-merchant';

export const notifyAgent = new Agent({
  name: 'Merchant Notice Agent',
  instructions: 'Write the merchant a plain notice of the dispute and what evidence we still need.',
  model: openai('gpt-4o'),
  tools: { emailMerchant },
});
