import Stripe from 'stripe'
import { z } from 'genkit'
import { ai } from '../genkit'

const stripe = new Stripe(process.env.STRIPE_SECRET_KEY ?? '')

export const issueRefund = ai.defineTool(
  {
    name: 'issueRefund',
    description: 'Refund a disputed card charge, fully or in part.',
    inputSchema: z.object({ chargeId: z.string(), amountCents: z.number().int().positive() }),
    outputSchema: z.object({ refundId: z.string(), status: z.string() }),
  },
  async ({ chargeId, amountCents }) => {
    const refund = await stripe.refunds.create({ charge: chargeId, amount: amountCents })
    return { refundId: refund.id, status: refund.status ?? 'unknown' }
  }
)
