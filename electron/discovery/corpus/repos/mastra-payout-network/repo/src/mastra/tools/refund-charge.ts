import { createTool } from '@mastra/core/tools';
import Stripe from 'stripe';
import { z } from 'zod';

const stripe = new Stripe(process.env.STRIPE_SECRET_KEY ?? '');

export const refundChargeTool = createTool({
  id: 'refund-charge',
  description: 'Refund a duplicate card charge.',
  inputSchema: z.object({ chargeId: z.string(), reason: z.literal('duplicate') }),
  execute: async ({ context }) => stripe.refunds.create({ charge: context.chargeId, reason: context.reason }),
});
