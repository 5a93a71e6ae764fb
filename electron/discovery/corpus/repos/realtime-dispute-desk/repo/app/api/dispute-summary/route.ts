import { openai } from '@ai-sdk/openai';
import { generateText } from 'ai';
import { pool } from '@/lib/db';

export async function POST(req: Request) {
  const { chargeId, reason } = await req.json();
  const { rows } = await pool.query('SELECT merchant, amount, created_at FROM card_charges WHERE id = $1', [chargeId]);
  const { text } = await generateText({
    model: openai('gpt-4.1-mini'),
    system: 'Write a chargeback summary for the disputes team: charge, reason, evidence the card holder gave.',
    prompt: JSON.stringify({ charge: rows[0], reason }),
  });
  return Response.json({ summary: text });
}
