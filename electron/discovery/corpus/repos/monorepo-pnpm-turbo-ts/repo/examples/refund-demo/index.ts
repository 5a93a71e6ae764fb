import Anthropic from '@anthropic-ai/sdk';

// A walkthrough for new engineers: one refund question, answered once, printed.
const anthropic = new Anthropic();
const reply = await anthropic.messages.create({
  model: 'claude-haiku-4-5',
  max_tokens: 300,
  messages: [{ role: 'user', content: 'When should a disputed charge be refunded without asking the merchant?' }],
});
console.log(reply.content);
