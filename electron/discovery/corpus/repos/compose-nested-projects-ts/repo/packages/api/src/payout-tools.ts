import type Anthropic from '@anthropic-ai/sdk';
import { Pool } from 'pg';

const pool = new Pool({ connectionString: process.env.DATABASE_URL });

export const PAYOUT_TOOLS: Anthropic.Tool[] = [
  {
    name: 'list_payouts',
    description: "List a merchant's recent payouts",
    input_schema: { type: 'object', properties: { merchant_id: { type: 'string' } }, required: ['merchant_id'] },
  },
];

export async function runPayoutTool(name: string, input: unknown): Promise<unknown> {
  if (name !== 'list_payouts') return { error: `unknown tool ${name}` };
  const { merchant_id } = input as { merchant_id: string };
  const { rows } = await pool.query('select id, amount_cents, status, arrival_date from payouts where merchant_id = $1 order by created_at desc limit 20', [merchant_id]);
  return rows;
}
