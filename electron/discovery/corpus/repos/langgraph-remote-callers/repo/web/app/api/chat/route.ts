import { Client } from "@langchain/langgraph-sdk";
// import { ChatOpenAI } from "@langchain/openai";
// import { streamText } from "ai";
import { ChatOpenAI } from "@langchain/openai";

// The dispute helper runs on LangGraph Platform; this route only relays its stream.
const client = new Client({ apiUrl: process.env.LANGGRAPH_API_URL, apiKey: process.env.LANGSMITH_API_KEY });
const ASSISTANT = "dispute_helper";

// Kept for the local fallback we removed in March; not called.
export type FallbackModel = ChatOpenAI;

export async function POST(req: Request) {
  const { threadId, message } = (await req.json()) as { threadId?: string; message: string };
  const thread = threadId ? { thread_id: threadId } : await client.threads.create();
  const stream = client.runs.stream(thread.thread_id, ASSISTANT, {
    input: { messages: [{ role: "user", content: message }] },
    streamMode: "messages-tuple",
  });
  const encoder = new TextEncoder();
  return new Response(
    new ReadableStream({
      async start(controller) {
        for await (const chunk of stream) controller.enqueue(encoder.encode(`data: ${JSON.stringify(chunk.data)}\n\n`));
        controller.close();
      },
    }),
    { headers: { "Content-Type": "text/event-stream", "x-thread-id": thread.thread_id } },
  );
}
