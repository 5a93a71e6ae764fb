import { agent } from '@llamaindex/workflow';
import { tool } from 'llamaindex';
import { Pool } from 'pg';
import { z } from 'zod';
import { llm } from '../model';
import { triageAgent } from '../triage';

const db = new Pool({ connectionString: process.env.LEDGER_DATABASE_URL });

const merchantBalance = tool({
  name: 'merchantBalance',
  description: 'Available balance of a merchant, in cents.',
  parameters: z.object({ merchantId: z.string() }),
  execute: async ({ merchantId }) => {
    const { rows } = await db.query('SELECT available_cents FROM balances WHERE merchant_id = $1', [merchantId]);
    return String(rows[0]?.available_cents ?? 0);
  },
});

export const ledgerAgent = agent({
  name: 'LedgerAgent',
  description: 'Answers balance and payout questions from the ledger.',
  llm,
  tools: [merchantBalance],
  canHandoffTo: [triageAgent],
});
