import { Agent, tool } from '@openai/agents';
import Stripe from 'stripe';
import { z } from 'zod';

const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!);

const issueRefund = tool({
  name: 'issue_refund',
  description: 'Refund a charge, in full or in part.',
  parameters: z.object({ chargeId: z.string(), amountCents: z.number().int() }),
  needsApproval: true,
  async execute({ chargeId, amountCents }) {
    const refund = await stripe.refunds.create({ charge: chargeId, amount: amountCents });
    return refund.status;
  },
});

export const refundsAgent = new Agent({
  name: 'Refunds',
  instructions: 'Refund charges the customer did not receive goods for, up to the policy limit.',
  model: 'gpt-4.1',
  tools: [issueRefund],
});
