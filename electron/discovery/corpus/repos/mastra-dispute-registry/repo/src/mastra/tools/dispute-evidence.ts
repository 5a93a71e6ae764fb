import { createTool } from '@mastra/core/tools';
import pg from 'pg';
import { z } from 'zod';

const pool = new pg.Pool({ connectionString: process.env.DISPUTES_DATABASE_URL });

export const disputeEvidence = createTool({
  id: 'dispute-evidence',
  description: 'Order, delivery and refund rows of the disputed charge.',
  inputSchema: z.object({ chargeId: z.string().regex(/^ch_\w+$/) }),
  execute: async ({ context }) => {
    const { rows } = await pool.query('SELECT kind, detail, recorded_at FROM charge_events WHERE charge_id = $1 ORDER BY recorded_at', [context.chargeId]);
    return rows;
  },
});
