import { createTool } from "@voltagent/core";
import pg from "pg";
import { z } from "zod";

const pool = new pg.Pool({ connectionString: process.env.LEDGER_DATABASE_URL });

export const merchantHistoryTool = createTool({
  name: "merchant_history",
  description: "The merchant's last 30 payouts with their hold reasons",
  parameters: z.object({ merchantId: z.string() }),
  execute: async ({ merchantId }) => {
    const { rows } = await pool.query("SELECT id, amount_cents, status, hold_reason, created_at FROM payouts WHERE merchant_id = $1 ORDER BY created_at DESC LIMIT 30", [merchantId]);
    return rows;
  },
});
