import express from 'express';
import postgres from 'postgres';
import { openai } from '@ai-sdk/openai';
import { generateText, tool } from 'ai';
import { z } from 'zod';

const sql = postgres(process.env.DATABASE_URL!);
const app = express();
app.use(express.json());

app.post('/api/ask', async (req, res) => {
  const { text } = await generateText({
    model: openai('gpt-4.1-mini'),
    maxSteps: 5,
    system: 'You answer merchants about their payouts.',
    tools: {
      payouts: tool({
        description: "The merchant's recent payouts",
        parameters: z.object({ merchantId: z.string() }),
        execute: async ({ merchantId }) => sql`SELECT id, amount_cents, status FROM payouts WHERE merchant_id = ${merchantId} ORDER BY created_at DESC LIMIT 10`,
      }),
    },
    prompt: String(req.body.question ?? ''),
  });
  res.json({ answer: text });
});

app.listen(3000);
