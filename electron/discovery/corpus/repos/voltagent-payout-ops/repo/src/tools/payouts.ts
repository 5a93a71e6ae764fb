import { createTool } from "@voltagent/core";
import Stripe from "stripe";
import { z } from "zod";

const stripe = new Stripe(process.env.STRIPE_SECRET_KEY ?? "");

export const releasePayoutTool = createTool({
  name: "release_payout",
  description: "Create the payout held for a connected account",
  parameters: z.object({ account: z.string(), amountCents: z.number().int().positive() }),
  execute: async ({ account, amountCents }) => {
    const payout = await stripe.payouts.create({ amount: amountCents, currency: "eur" }, { stripeAccount: account });
    return { id: payout.id, status: payout.status };
  },
});
