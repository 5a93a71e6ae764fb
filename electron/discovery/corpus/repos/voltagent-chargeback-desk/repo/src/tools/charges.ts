import Stripe from "stripe";
import { createTool } from "@voltagent/core";
import { z } from "zod";

const stripe = new Stripe(process.env.STRIPE_SECRET_KEY ?? "");

export const lookupChargeTool = createTool({
  name: "lookup_charge",
  description: "Amount, currency and status of a card charge",
  parameters: z.object({ chargeId: z.string() }),
  execute: async ({ chargeId }) => {
    const charge = await stripe.charges.retrieve(chargeId);
    return { amount: charge.amount, currency: charge.currency, status: charge.status };
  },
});

export const refundChargeTool = createTool({
  name: "refund_charge",
  description: "Refund a charge in full",
  parameters: z.object({ chargeId: z.string() }),
  execute: async ({ chargeId }) => {
    const refund = await stripe.refunds.create({ charge: chargeId });
    return { refundId: refund.id };
  },
});
