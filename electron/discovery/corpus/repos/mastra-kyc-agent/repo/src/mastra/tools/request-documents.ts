import { createTool } from '@mastra/core/tools';
import { Resend } from 'resend';
import { z } from 'zod';

const resend = new Resend(process.env.RESEND_API_KEY);

export const requestDocuments = createTool({
  id: 'request-documents',
  description: 'Email the merchant asking for missing KYC documents.',
  inputSchema: z.object({ merchantEmail: z.string().email(), documents: z.array(z.string()).min(1) }),
  execute: async ({ context }) => {
    const { error } = await resend.emails.send({
      from: 'Northwind Pay Compliance <compliance@northwind-pay.example>',
      to: context.merchantEmail,
      subject: 'We need a few more documents to finish your review',
      text: `To complete your account review, please upload:\n${context.documents.map((d) => `- ${d}`).join('\n')}`,
    });
    return { sent: !error };
  },
});
