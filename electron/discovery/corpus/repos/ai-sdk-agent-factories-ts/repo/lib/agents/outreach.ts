import { ToolLoopAgent, stepCountIs, tool } from 'ai';
import { Resend } from 'resend';
import { z } from 'zod';

const resend = new Resend(process.env.RESEND_API_KEY);

const emailMerchant = tool({
  description: 'Email the merchant a follow-up.',
  inputSchema: z.object({ to: z.string().email(), subject: z.string(), body: z.string() }),
  execute: async ({ to, subject, body }) => {
    await resend.emails.send({ from: 'support@northwind-pay.example', to, subject, text: body });
    return 'sent';
  },
});

export const createOutreachAgent = (model: any) =>
  new ToolLoopAgent({
    model,
    instructions: 'Write short, polite follow-ups.',
    tools: { emailMerchant },
    stopWhen: stepCountIs(3),
  });
