import { openai } from '@ai-sdk/openai';
import { generateText, tool } from 'ai';
import Stripe from 'stripe';
import { z } from 'zod';

const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!);

const refundCharge = tool({
  description: 'Refund a charge the merchant disputes, when it is under the desk limit',
  parameters: z.object({ chargeId: z.string(), amountCents: z.number().max(5000) }),
  execute: async ({ chargeId, amountCents }) => stripe.refunds.create({ charge: chargeId, amount: amountCents }),
});

export async function answerDispute(discordUser: string, question: string): Promise<string> {
  const { text } = await generateText({
    model: openai('gpt-4.1-mini'),
    system: 'You are the Northwind Pay dispute desk. Refund small disputed charges when the merchant gives the charge id.',
    prompt: `Merchant ${discordUser} asks: ${question}`,
    tools: { refundCharge },
    maxSteps: 4,
  });
  return text;
}
