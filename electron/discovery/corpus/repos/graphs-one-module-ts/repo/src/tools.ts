import { tool } from "@langchain/core/tools";
import { Pool } from "pg";
import Stripe from "stripe";
import { z } from "zod";

const pool = new Pool({ connectionString: process.env.LEDGER_URL });
const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!);

export const readPayout = tool(
  async ({ payoutId }) => {
    const { rows } = await pool.query("SELECT id, amount, status, merchant_id FROM payouts WHERE id = $1", [payoutId]);
    return JSON.stringify(rows[0] ?? null);
  },
  { name: "read_payout", description: "Read a payout from the ledger", schema: z.object({ payoutId: z.string() }) },
);

export const cancelPayout = tool(
  async ({ payoutId }) => {
    const payout = await stripe.payouts.cancel(payoutId);
    return payout.status;
  },
  { name: "cancel_payout", description: "Cancel a pending payout at Stripe", schema: z.object({ payoutId: z.string() }) },
);

export const purgePayout = tool(
  async ({ payoutId }) => {
    await pool.query("DELETE FROM payouts WHERE id = $1", [payoutId]);
    return "purged";
  },
  { name: "purge_payout", description: "Remove a payout row (ops console only)", schema: z.object({ payoutId: z.string() }) },
);
