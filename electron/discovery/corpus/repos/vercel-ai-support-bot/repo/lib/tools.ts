import { WebClient } from '@slack/web-api';
import { tool } from 'ai';
import { z } from 'zod';
import { sql } from '@/lib/db';

const slack = new WebClient(process.env.SLACK_BOT_TOKEN);

export function supportTools(customerId: string) {
  return {
    lookupPayment: tool({
      description: "Find one of the signed-in customer's card payments by reference or by merchant name.",
      inputSchema: z.object({
        reference: z.string().regex(/^pay_[a-z0-9]{14}$/).optional(),
        merchant: z.string().max(80).optional(),
      }),
      execute: async ({ reference, merchant }) => {
        const rows = await sql`
          SELECT reference, amount_cents, currency, merchant_name, status, created_at
          FROM payments
          WHERE customer_id = ${customerId}
            AND (${reference ?? null}::text IS NULL OR reference = ${reference ?? null})
            AND (${merchant ?? null}::text IS NULL OR merchant_name ILIKE '%' || ${merchant ?? null} || '%')
          ORDER BY created_at DESC LIMIT 5`;
        return rows;
      },
    }),

    requestChargebackCallback: tool({
      description: 'Book a call-back from the disputes team about a payment the customer does not recognise.',
      inputSchema: z.object({
        reference: z.string().regex(/^pay_[a-z0-9]{14}$/),
        preferredTime: z.enum(['morning', 'afternoon', 'evening']),
      }),
      execute: async ({ reference, preferredTime }) => {
        await sql`
          INSERT INTO callback_requests (customer_id, payment_reference, preferred_time, source)
          VALUES (${customerId}, ${reference}, ${preferredTime}, 'help-chat')`;
        return { booked: true };
      },
    }),

    escalateToHuman: tool({
      description: 'Hand the conversation to a human agent when the customer asks for one or is upset.',
      inputSchema: z.object({ summary: z.string().max(1_000) }),
      execute: async ({ summary }) => {
        await slack.chat.postMessage({ channel: '#help-centre-escalations', text: `Customer ${customerId}: ${summary}` });
        return { escalated: true };
      },
    }),
  };
}
