import type Anthropic from '@anthropic-ai/sdk';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL });

export const disputeTools: Anthropic.Tool[] = [
  {
    name: 'find_dispute',
    description: 'Find a card dispute by its reference',
    input_schema: { type: 'object', properties: { reference: { type: 'string' } }, required: ['reference'] },
  },
];

export async function runDisputeTool(name: string, input: unknown) {
  if (name !== 'find_dispute') return { error: `unknown tool ${name}` };
  const { reference } = input as { reference: string };
  const { rows } = await pool.query('SELECT reference, amount_cents, status, opened_at FROM disputes WHERE reference = $1', [reference]);
  return rows[0] ?? null;
}
