import Anthropic from '@anthropic-ai/sdk';

const anthropic = new Anthropic();

/** Five lines an analyst can read before opening the full case history. */
export async function summariseCaseNotes(notes) {
  const transcript = notes.map((n) => `[${n.created_at.toISOString()}] ${n.author}: ${n.body}`).join('\n');
  const message = await anthropic.messages.create({
    model: 'claude-3-5-haiku-20241022',
    max_tokens: 400,
    system: 'Summarise card dispute case notes for an analyst in at most five short lines. Do not speculate.',
    messages: [{ role: 'user', content: transcript }],
  });
  return message.content.find((block) => block.type === 'text')?.text ?? '';
}
