import { tool } from 'ai';
import Stripe from 'stripe';
import { z } from 'zod';

const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!);

export const retryPayout = tool({
  description: 'Retry a failed payout to the merchant bank account',
  inputSchema: z.object({ payoutId: z.string(), amount: z.number(), destination: z.string() }),
  execute: async ({ amount, destination }) => {
    const payout = await stripe.payouts.create({ amount, currency: 'eur', destination });
    return payout.id;
  },
});

export const holdPayout = tool({
  description: 'Hold the payout for a person to review',
  inputSchema: z.object({ payoutId: z.string(), note: z.string() }),
  execute: async ({ payoutId, note }) => `held ${payoutId}: ${note}`,
});
