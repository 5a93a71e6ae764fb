import { createGateway } from "@ai-sdk/gateway";
import { generateObject } from "ai";
import { z } from "zod";

const gateway = createGateway({ apiKey: process.env.AI_GATEWAY_API_KEY });

// Tags a ticket the agent is typing, once, for the inbox filters.
export async function POST(req: Request) {
  const { text } = await req.json();
  const { object } = await generateObject({
    model: gateway("openai/gpt-5-mini"),
    schema: z.object({ tags: z.array(z.enum(["refund", "shipping", "fraud", "other"])) }),
    prompt: `Tag this support ticket:\n${text}`,
  });
  return Response.json(object);
}
