import { anthropic } from '@ai-sdk/anthropic';
import { generateObject } from 'ai';
import { z } from 'zod';
import { caseHistory } from '../cases';

export const replyHandler = {
  kind: 'reply',
  async run({ caseId, tone }: { caseId: string; tone: string }) {
    const history = await caseHistory(caseId);
    const { object } = await generateObject({
      model: anthropic('claude-3-5-haiku-20241022'),
      schema: z.object({ subject: z.string(), body: z.string() }),
      system: `Write a ${tone} reply to the customer. Never promise refunds.`,
      prompt: history,
    });
    return object;
  },
};
