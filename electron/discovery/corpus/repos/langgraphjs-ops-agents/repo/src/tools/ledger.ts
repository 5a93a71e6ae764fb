import { tool } from "@langchain/core/tools";
import pg from "pg";
import { z } from "zod";

const pool = new pg.Pool({ connectionString: process.env.LEDGER_DATABASE_URL });

export const ledgerBalance = tool(
  async ({ accountId }) => {
    const { rows } = await pool.query("SELECT currency, balance_minor FROM ledger_balances WHERE account_id = $1", [accountId]);
    return JSON.stringify(rows);
  },
  {
    name: "ledger_balance",
    description: "Balances of a merchant account, per currency.",
    schema: z.object({ accountId: z.string() }),
  },
);
