import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';

describe('review prompt', () => {
  it('flags a float used for money', async () => {
    const openai = new OpenAI();
    const completion = await openai.chat.completions.create({ model: 'gpt-4.1-mini', messages: [{ role: 'user', content: 'Review: const total = 0.1 + 0.2; // EUR' }] });
    expect(completion.choices[0]?.message.content?.toLowerCase()).toContain('float');
  });
});
