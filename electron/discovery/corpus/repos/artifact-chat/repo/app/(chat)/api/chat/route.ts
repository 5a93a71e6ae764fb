import { convertToModelMessages, createUIMessageStream, JsonToSseTransformStream, smoothStream, stepCountIs, streamText } from 'ai';
import { auth } from '@/app/(auth)/auth';
import { myProvider } from '@/lib/ai/providers';
import { createDocument } from '@/lib/ai/tools/create-document';
import { updateDocument } from '@/lib/ai/tools/update-document';
import { getWeather } from '@/lib/ai/tools/get-weather';

export const maxDuration = 60;

export async function POST(request: Request) {
  const { messages, selectedChatModel } = await request.json();
  const session = await auth();
  if (!session?.user) return new Response('Unauthorized', { status: 401 });

  const stream = createUIMessageStream({
    execute: ({ writer: dataStream }) => {
      const result = streamText({
        model: myProvider.languageModel(selectedChatModel),
        system: 'You are a friendly assistant for Northwind Pay staff. Use artifacts for documents and code.',
        messages: convertToModelMessages(messages),
        stopWhen: stepCountIs(5),
        experimental_transform: smoothStream({ chunking: 'word' }),
        tools: {
          getWeather,
          createDocument: createDocument({ session, dataStream }),
          updateDocument: updateDocument({ session, dataStream }),
        },
      });
      result.consumeStream();
      dataStream.merge(result.toUIMessageStream({ sendReasoning: true }));
    },
  });
  return new Response(stream.pipeThrough(new JsonToSseTransformStream()));
}
