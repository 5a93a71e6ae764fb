'use server';

import { openai } from '@ai-sdk/openai';
import { generateText, type UIMessage } from 'ai';

export async function titleForConversation(messages: UIMessage[]) {
  const first = messages[0]?.parts.map((part) => (part.type === 'text' ? part.text : '')).join(' ') ?? '';
  const { text } = await generateText({ model: openai('gpt-4.1-mini'), system: 'Give this conversation a title of at most six words.', prompt: first });
  return text;
}
