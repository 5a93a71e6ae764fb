import { createTool } from '@mastra/core/tools';
import pg from 'pg';
import { z } from 'zod';

const pool = new pg.Pool({ connectionString: process.env.LEDGER_DATABASE_URL });

export const ledgerBalanceTool = createTool({
  id: 'ledger-balance',
  description: "Read a merchant's available balance and pending payouts.",
  inputSchema: z.object({ merchantId: z.string() }),
  execute: async ({ context }) => {
    const { rows } = await pool.query('SELECT available, pending FROM merchant_balances WHERE merchant_id = $1', [context.merchantId]);
    return rows[0] ?? null;
  },
});
