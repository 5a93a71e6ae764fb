// Resolves payout exceptions from the queue: Claude decides whether to retry a payout or hold it.
import { anthropic } from '@ai-sdk/anthropic';
import { generateText, stepCountIs } from 'ai';
import { createClient } from 'redis';
import { holdPayout, retryPayout } from './tools/payouts';

const redis = createClient({ url: process.env.REDIS_URL });
await redis.connect();

for (;;) {
  const item = await redis.blPop(process.env.PAYOUT_QUEUE ?? 'payout-exceptions', 0);
  if (!item) continue;
  const exception = JSON.parse(item.element) as { payoutId: string; reason: string };
  const { text } = await generateText({
    model: anthropic('claude-sonnet-4-5'),
    system: 'You resolve failed merchant payouts. Retry only when the bank error is transient.',
    prompt: `Payout ${exception.payoutId} failed: ${exception.reason}`,
    tools: { retryPayout, holdPayout },
    stopWhen: stepCountIs(4),
  });
  console.log(exception.payoutId, text);
}
