import type Anthropic from '@anthropic-ai/sdk';
import Stripe from 'stripe';
import { chargeHistory } from '@northwind/ledger-client';

const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!);

export const refundTools: Anthropic.Tool[] = [
  { name: 'charge_history', description: 'Earlier charges of the cardholder at this merchant', input_schema: { type: 'object', properties: { chargeId: { type: 'string' } }, required: ['chargeId'] } },
  { name: 'refund_charge', description: 'Refund a disputed charge in full', input_schema: { type: 'object', properties: { chargeId: { type: 'string' } }, required: ['chargeId'] } },
];

export async function runRefundTool(name: string, input: unknown): Promise<unknown> {
  const { chargeId } = input as { chargeId: string };
  if (name === 'charge_history') return chargeHistory(chargeId);
  if (name === 'refund_charge') return stripe.refunds.create({ charge: chargeId, reason: 'requested_by_customer' });
  return { error: `unknown tool ${name}` };
}
