import { convertToModelMessages, stepCountIs, streamText, tool, type UIMessage } from "ai";
import { z } from "zod";
import { orderById } from "@/lib/orders";

export const maxDuration = 30;

// AI SDK 5 sends a plain "provider/model" id through the Vercel AI Gateway (AI_GATEWAY_API_KEY).
export async function POST(req: Request) {
  const { messages }: { messages: UIMessage[] } = await req.json();
  const result = streamText({
    model: "anthropic/claude-sonnet-4.5",
    system: "You answer questions about orders. Look orders up; never guess.",
    messages: convertToModelMessages(messages),
    stopWhen: stepCountIs(5),
    tools: {
      lookupOrder: tool({
        description: "Look up an order by id",
        inputSchema: z.object({ id: z.string() }),
        execute: async ({ id }) => orderById(id),
      }),
    },
  });
  return result.toUIMessageStreamResponse();
}
