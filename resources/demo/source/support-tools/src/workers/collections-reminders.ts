import { openai } from '@ai-sdk/openai';
import sgMail from '@sendgrid/mail';
import { generateText, tool } from 'ai';
import { ImapFlow } from 'imapflow';
import Redis from 'ioredis';
import { z } from 'zod';
import { loanInArrears } from '../lending-db';

sgMail.setApiKey(process.env.SENDGRID_API_KEY ?? '');
const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379');
const queue = process.env.QUEUE_NAME ?? 'collections-due';
const mailbox = new ImapFlow({
  host: 'imap.northwindpay.example',
  port: 993,
  secure: true,
  auth: { user: 'collections@northwindpay.example', pass: process.env.COLLECTIONS_IMAP_PASSWORD ?? '' },
  logger: false,
});

/** Customers answer reminders in their own words; Lakera Guard drops any reply that carries instructions for the model. */
async function withoutInjections(replies: string[]): Promise<string[]> {
  const kept: string[] = [];
  for (const reply of replies) {
    const response = await fetch('https://api.lakera.ai/v2/guard', {
      method: 'POST',
      headers: { Authorization: `Bearer ${process.env.LAKERA_GUARD_API_KEY}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ messages: [{ role: 'user', content: reply }] }),
    });
    const verdict = (await response.json()) as { flagged: boolean };
    kept.push(verdict.flagged ? '[reply withheld: flagged by Lakera Guard, see the collections inbox]' : reply);
  }
  return kept;
}

const SYSTEM = `You write payment reminders for Northwind Pay customers whose loan instalment is overdue.
Be factual and kind, write in the customer's locale, state the amount and how to pay or ask for a payment plan.
Never threaten, never mention credit bureaus, never send more than one email per loan.`;

const tools = {
  loanDetails: tool({
    description: 'The overdue loan: outstanding amount, days past due, customer first name, email and locale.',
    parameters: z.object({ loanId: z.string() }),
    execute: async ({ loanId }) => loanInArrears(loanId),
  }),
  customerReplies: tool({
    description: "The customer's replies to earlier reminders (they may already have paid or asked for a plan).",
    parameters: z.object({ email: z.string().email() }),
    execute: async ({ email }) => {
      await mailbox.connect();
      const lock = await mailbox.getMailboxLock('INBOX');
      const replies: string[] = [];
      try {
        for await (const message of mailbox.fetch({ from: email, since: new Date(Date.now() - 30 * 86_400_000) }, { source: true })) {
          replies.push(message.source.toString('utf8').slice(0, 4_000));
        }
      } finally {
        lock.release();
        await mailbox.logout();
      }
      return withoutInjections(replies);
    },
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
    prompt: `Loan ${loanId} is overdue. Look it up, read what the customer has replied, and send one reminder unless they have paid or asked for a plan.`,
    tools,
    maxSteps: 5,
    maxTokens: 1_200,
  });
  console.log(`loan ${loanId}: ${text.slice(0, 120)}`);
}

for (;;) {
  const item = await redis.brpop(queue, 30);
  if (item) await remind(item[1]);
}
