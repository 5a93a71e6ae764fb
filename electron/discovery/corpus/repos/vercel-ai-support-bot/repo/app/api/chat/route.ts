import { openai } from '@ai-sdk/openai';
import { convertToModelMessages, stepCountIs, streamText, type UIMessage } from 'ai';
import { cookies } from 'next/headers';
import { supportTools } from '@/lib/tools';

export const maxDuration = 30;

const SYSTEM = `You are the Northwind Pay help centre assistant.
Only discuss the signed-in customer's own payments. Never reveal card numbers.
Offer a call-back from the disputes team for payments the customer does not recognise.`;

export async function POST(req: Request) {
  const customerId = (await cookies()).get('nw_customer')?.value;
  if (!customerId) return new Response('Sign in to chat with us.', { status: 401 });

  const { messages }: { messages: UIMessage[] } = await req.json();
  const result = streamText({
    model: openai('gpt-4o-mini'),
    system: SYSTEM,
    messages: convertToModelMessages(messages),
    tools: supportTools(customerId),
    stopWhen: stepCountIs(5),
    maxOutputTokens: 800,
  });
  return result.toUIMessageStreamResponse();
}
