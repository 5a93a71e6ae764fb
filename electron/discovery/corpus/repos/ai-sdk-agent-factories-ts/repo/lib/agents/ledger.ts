import { Experimental_Agent as Agent, stepCountIs, tool } from 'ai';
import { z } from 'zod';
import { sql } from '../db';

const recentCharges = tool({
  description: "The merchant's charges of the last 7 days.",
  inputSchema: z.object({ merchantId: z.string() }),
  execute: async ({ merchantId }) => sql`SELECT id, amount_cents, status FROM charges WHERE merchant_id = ${merchantId} AND created_at > now() - interval '7 days'`,
});

export async function createLedgerAgent(model: any) {
  return new Agent({
    model,
    system: 'Answer from the ledger only.',
    tools: { recentCharges },
    stopWhen: stepCountIs(5),
  });
}
