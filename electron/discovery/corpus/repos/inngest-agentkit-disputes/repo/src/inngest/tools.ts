import postgres from "postgres";
import Stripe from "stripe";
import { createTool } from "@inngest/agent-kit";
import { z } from "zod";

const sql = postgres(process.env.DISPUTES_DATABASE_URL!);
const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!);

export const disputeHistoryTool = createTool({
  name: "dispute-history",
  description: "Earlier disputes of the same cardholder",
  parameters: z.object({ cardholderId: z.string() }),
  handler: async ({ cardholderId }) => sql`select id, amount_cents, outcome from disputes where cardholder_id = ${cardholderId}`,
});

export const refundTool = createTool({
  name: "refund",
  description: "Refund the disputed charge",
  parameters: z.object({ chargeId: z.string() }),
  handler: async ({ chargeId }, { step }) => step?.run("refund", () => stripe.refunds.create({ charge: chargeId })),
});

export const recordOutcomeTool = createTool({
  name: "record-outcome",
  description: "Write the decision on the dispute",
  parameters: z.object({ disputeId: z.string(), outcome: z.enum(["refunded", "rejected", "escalated"]) }),
  handler: async ({ disputeId, outcome }) => sql`update disputes set outcome = ${outcome} where id = ${disputeId}`,
});
