import { anthropic } from '@ai-sdk/anthropic';
import { generateText } from 'ai';
import { expect, it } from 'vitest';

it('holds a payout with a closed account', async () => {
  const { text } = await generateText({ model: anthropic('claude-haiku-4-5'), prompt: 'Payout p_1 failed: account_closed. Retry or hold?' });
  expect(text.toLowerCase()).toContain('hold');
});
