import { agent } from '@llamaindex/workflow';
import { tool } from 'llamaindex';
import { Pool } from 'pg';
import { z } from 'zod';
import { llm } from '../model';

const db = new Pool({ connectionString: process.env.LEDGER_DATABASE_URL });

const holdPayout = tool({
  name: 'holdPayout',
  description: 'Put a payout on hold.',
  parameters: z.object({ payoutId: z.string() }),
  execute: async ({ payoutId }) => {
    await db.query("UPDATE payouts SET status = 'held' WHERE id = $1", [payoutId]);
    return 'held';
  },
});

export const payoutsAgent = agent({ name: 'PayoutsAgent', llm, tools: [holdPayout] });
