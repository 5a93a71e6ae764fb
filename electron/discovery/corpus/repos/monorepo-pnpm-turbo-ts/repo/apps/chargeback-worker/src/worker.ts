import { DeleteMessageCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { openai } from '@ai-sdk/openai';
import { generateText, tool } from 'ai';
import postgres from 'postgres';
import { z } from 'zod';

const sqs = new SQSClient({});
const sql = postgres(process.env.DATABASE_URL!);
const queueUrl = process.env.CHARGEBACK_QUEUE_URL!;

const earlierChargebacks = tool({
  description: "The cardholder's earlier chargebacks, newest first",
  parameters: z.object({ cardholderId: z.string() }),
  execute: async ({ cardholderId }) => sql`
    SELECT reason_code, amount_cents, opened_at FROM chargebacks
    WHERE cardholder_id = ${cardholderId} ORDER BY opened_at DESC LIMIT 10
  `,
});

// Each chargeback notice from the card network gets a reason code before a person looks at it.
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
    await sql`UPDATE chargebacks SET reason_code = ${text.trim()} WHERE id = ${notice.id}`;
    await sqs.send(new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: message.ReceiptHandle }));
  }
}
