import type { NextApiRequest, NextApiResponse } from 'next';
import { anthropic } from '@ai-sdk/anthropic';
import { generateText, stepCountIs, tool } from 'ai';
import { z } from 'zod';
import { noteHandlers } from '../../lib/handlers';

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  const { message } = JSON.parse(req.body);
  const { text } = await generateText({
    model: anthropic('claude-sonnet-4-20250514'),
    system: 'You help support agents keep case notes. Use the tools to draft replies and summarise cases.',
    prompt: message,
    stopWhen: stepCountIs(4),
    tools: {
      draftReply: tool({
        description: 'Draft a reply to the customer for a case.',
        inputSchema: z.object({ caseId: z.string(), tone: z.enum(['formal', 'friendly']) }),
        execute: async ({ caseId, tone }) => noteHandlers.reply.run({ caseId, tone }),
      }),
      summariseCase: tool({
        description: 'Summarise the case history into a note.',
        inputSchema: z.object({ caseId: z.string() }),
        execute: async ({ caseId }) => noteHandlers.summary.run({ caseId }),
      }),
    },
  });
  res.status(200).json({ text });
}
