import { anthropic } from '@ai-sdk/anthropic';
import { generateText, tool } from 'ai';
import { z } from 'zod';
import { sql } from '@/lib/db';

export const maxDuration = 300;

// Vercel calls this route on the schedule in vercel.json, with the project's CRON_SECRET.
export async function GET(request: Request) {
  if (request.headers.get('authorization') !== `Bearer ${process.env.CRON_SECRET}`) {
    return new Response('Unauthorized', { status: 401 });
  }
  const { text } = await generateText({
    model: anthropic('claude-sonnet-4-5'),
    maxSteps: 8,
    system: 'You write the risk team a digest of yesterday’s chargebacks.',
    tools: {
      yesterdaysChargebacks: tool({
        description: 'Chargebacks opened yesterday',
        parameters: z.object({}),
        execute: async () => sql`SELECT id, merchant_id, amount_cents, reason FROM chargebacks WHERE opened_at >= now() - interval '1 day'`,
      }),
      postDigest: tool({
        description: 'Post the digest to the risk channel',
        parameters: z.object({ text: z.string() }),
        execute: async ({ text }) => {
          const response = await fetch(process.env.RISK_SLACK_WEBHOOK!, { method: 'POST', body: JSON.stringify({ text }) });
          return response.status;
        },
      }),
    },
    prompt: 'Write and post today’s digest.',
  });
  return Response.json({ ok: true, text });
}
