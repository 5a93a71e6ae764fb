import { tool } from "@langchain/core/tools";
import Stripe from "stripe";
import { z } from "zod";

const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!);

export const refundCharge = tool(
  async ({ chargeId }) => (await stripe.refunds.create({ charge: chargeId })).id,
  { name: "refund_charge", description: "Refund a charge.", schema: z.object({ chargeId: z.string() }) },
);
