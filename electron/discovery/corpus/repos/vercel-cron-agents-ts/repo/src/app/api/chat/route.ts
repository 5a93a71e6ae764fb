import { openai } from '@ai-sdk/openai';
import { streamText } from 'ai';

export async function POST(req: Request) {
  const { messages } = await req.json();
  const result = streamText({ model: openai('gpt-4.1-mini'), system: 'You answer merchants’ questions about disputes.', messages });
  return result.toDataStreamResponse();
}
