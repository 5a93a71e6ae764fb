import { Router } from 'express';
import { openai } from '@ai-sdk/openai';
import { generateText, stepCountIs, tool } from 'ai';
import pg from 'pg';
import { z } from 'zod';

const db = new pg.Pool({ connectionString: process.env.DATABASE_URL });

export const chatRouter = Router();

chatRouter.post('/', async (req, res) => {
  const { text } = await generateText({
    model: openai('gpt-4.1-mini'),
    system: 'Answer payout questions for Northwind Pay merchants.',
    prompt: req.body.question,
    tools: {
      payoutStatus: tool({
        description: 'Status of a payout.',
        inputSchema: z.object({ payoutId: z.string() }),
        execute: async ({ payoutId }) => (await db.query('SELECT status, paid_at FROM payouts WHERE id = $1', [payoutId])).rows[0],
      }),
    },
    stopWhen: stepCountIs(4),
  });
  res.json({ answer: text });
});
