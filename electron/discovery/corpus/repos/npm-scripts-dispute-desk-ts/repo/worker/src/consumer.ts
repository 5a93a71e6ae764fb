import { DeleteMessageCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { openai } from '@ai-sdk/openai';
import { generateText, tool } from 'ai';
import pg from 'pg';
import { z } from 'zod';

const sqs = new SQSClient({});
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL });
const queueUrl = process.env.CHARGEBACK_QUEUE_URL!;

const earlierChargebacks = tool({
  description: "The cardholder's earlier chargebacks, newest first",
  parameters: z.object({ cardholderId: z.string() }),
  execute: async ({ cardholderId }) => {
    const { rows } = await pool.query('SELECT reason_code, amount_cents, opened_at FROM chargebacks WHERE cardholder_id = $1 ORDER BY opened_at DESC LIMIT 10', [cardholderId]);
    return rows;
  },
});

// Each chargeback notice from the card network is given a reason code before a person sees it.
for (;;) {
  const { Messages = [] } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, WaitTimeSeconds: 20, MaxNumberOfMessages: 5 }));
  for (const message of Messages) {
    const notice = JSON.parse(message.Body ?? '{}');
    const { text } = await generateText({
      model: openai('gpt-4.1-mini'),
      tools: { earlierChargebacks },
      maxSteps: 3,
      prompt: `Give one reason code (fraud, not-received, duplicate, other) for this chargeback notice of cardholder ${notice.cardholderId}: ${notice.text}`,
    });
    await pool.query('UPDATE chargebacks SET reason_code = $1 WHERE id = $2', [text.trim(), notice.id]);
    await sqs.send(new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: message.ReceiptHandle }));
  }
}
