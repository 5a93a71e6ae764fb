import { createTool } from '@mastra/core/tools';
import { Resend } from 'resend';
import { z } from 'zod';

const resend = new Resend(process.env.RESEND_API_KEY);

export const emailMerchant = createTool({
  id: 'email-merchant',
  description: 'Email the merchant a dispute notice.',
  inputSchema: z.object({ to: z.string().email(), subject: z.string(), body: z.string() }),
  execute: async ({ context }) => {
    const sent = await resend.emails.send({ from: 'disputes@northwind-pay.example', to: context.to, subject: context.subject, text: context.body });
    return { id: sent.data?.id ?? null };
  },
});
