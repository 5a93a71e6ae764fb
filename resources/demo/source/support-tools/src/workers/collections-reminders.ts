import { openai } from '@ai-sdk/openai';
import sgMail from '@sendgrid/mail';
import { generateText, tool } from 'ai';
import Redis from 'ioredis';
import { z } from 'zod';
import { loanInArrears } from '../lending-db';

sgMail.setApiKey(process.env.SENDGRID_API_KEY ?? '');
const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379');
const queue = process.env.QUEUE_NAME ?? 'collections-due';

const SYSTEM = `You write payment reminders for Northwind Pay customers whose loan instalment is overdue.
Be factual and kind, write in the customer's locale, state the amount and how to pay or ask for a payment plan.
Never threaten, never mention credit bureaus, never send more than one email per loan.`;

const tools = {
  loanDetails: tool({
    description: 'The overdue loan: outstanding amount, days past due, customer first name, email and locale.',
    parameters: z.object({ loanId: z.string() }),
    execute: async ({ loanId }) => loanInArrears(loanId),
  }),
  sendReminderEmail: tool({
    description: 'Send the reminder email to the customer.',
    parameters: z.object({ to: z.string().email(), subject: z.string().max(120), body: z.string().max(4_000) }),
    execute: async ({ to, subject, body }) => {
      await sgMail.send({ to, from: 'collections@northwindpay.example', subject, text: body, categories: ['collections-reminder'] });
      return { sent: true };
    },
  }),
};

async function remind(loanId: string): Promise<void> {
  const { text } = await generateText({
    model: openai('gpt-4o-mini'),
    system: SYSTEM,
    prompt: `Loan ${loanId} is overdue. Look it up and send one reminder.`,
    tools,
    maxSteps: 4,
    maxTokens: 1_200,
  });
  console.log(`loan ${loanId}: ${text.slice(0, 120)}`);
}

for (;;) {
  const item = await redis.brpop(queue, 30);
  if (item) await remind(item[1]);
}
