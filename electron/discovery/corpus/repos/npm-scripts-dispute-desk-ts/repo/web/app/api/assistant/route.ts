import { openai } from '@ai-sdk/openai';
import { convertToModelMessages, stepCountIs, streamText, tool, type UIMessage } from 'ai';
import { z } from 'zod';
import { titleForConversation } from '../../actions';

export const maxDuration = 30;

export async function POST(req: Request) {
  const { messages }: { messages: UIMessage[] } = await req.json();
  const title = await titleForConversation(messages);
  const result = streamText({
    model: openai('gpt-4.1'),
    system: 'You help cardholders follow their disputes. Look disputes up before answering.',
    messages: convertToModelMessages(messages),
    stopWhen: stepCountIs(4),
    tools: {
      disputeStatus: tool({
        description: 'Status of a dispute by its reference',
        inputSchema: z.object({ reference: z.string() }),
        execute: async ({ reference }) => {
          const res = await fetch(`https://dispute-api.internal.northwind-pay.example/disputes/${encodeURIComponent(reference)}`);
          return res.json();
        },
      }),
    },
  });
  return result.toUIMessageStreamResponse({ headers: { 'x-conversation-title': title } });
}
