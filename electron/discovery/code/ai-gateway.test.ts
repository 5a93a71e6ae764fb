import { describe, expect, it } from 'vitest';
import { analyzed } from './test-helpers';

/**
 * Vercel AI Gateway model ids name the provider before the slash (`'anthropic/claude-sonnet-4.5'`):
 * a call through the gateway shows that provider and model, as a direct provider package would.
 */
const uses = async (path: string, text: string) => (await analyzed(path, text)).llm.map((use) => `${use.provider} ${use.models.join(',')}`).sort();

describe('AI Gateway model strings', () => {
  it('a plain "provider/model" string given to generateText or streamText', async () => {
    expect(
      await uses(
        'app/api/chat/route.ts',
        `import { generateText, streamText } from "ai";

export async function POST(req: Request) {
  const { prompt } = await req.json();
  const draft = await generateText({ model: "anthropic/claude-sonnet-4.5", prompt });
  return streamText({ model: "openai/gpt-5-mini", prompt: draft.text }).toTextStreamResponse();
}
`,
      ),
    ).toEqual(['anthropic claude-sonnet-4.5', 'openai gpt-5-mini']);
  });

  it('gateway("…") from @ai-sdk/gateway or ai, and an instance made by createGateway', async () => {
    expect(
      await uses(
        'src/summarise.ts',
        `import { gateway, createGateway } from "@ai-sdk/gateway";
import { generateObject, embed } from "ai";
import { z } from "zod";

const team = createGateway({ apiKey: process.env.AI_GATEWAY_API_KEY });

export async function summarise(text: string) {
  const { object } = await generateObject({ model: gateway("xai/grok-4"), schema: z.object({ summary: z.string() }), prompt: text });
  const { embedding } = await embed({ model: team.textEmbeddingModel("openai/text-embedding-3-small"), value: text });
  const second = await generateObject({ model: team("google/gemini-2.5-flash"), schema: z.object({ tags: z.array(z.string()) }), prompt: text });
  return { object, embedding, second };
}
`,
      ),
    ).toEqual(['google gemini-2.5-flash', 'openai text-embedding-3-small', 'xai grok-4']);
  });

  it('an OpenAI-compatible client pointed at the gateway takes the provider of the model id, not openai', async () => {
    expect(
      await uses(
        'src/models.ts',
        `import { createOpenAI } from "@ai-sdk/openai";
import { generateText } from "ai";

const viaGateway = createOpenAI({ apiKey: process.env.AI_GATEWAY_API_KEY, baseURL: "https://ai-gateway.vercel.sh/v1" });

export async function ask(prompt: string) {
  return generateText({ model: viaGateway("anthropic/claude-3-7-sonnet"), prompt });
}
`,
      ),
    ).toEqual(['anthropic claude-3-7-sonnet']);
    expect(
      await uses(
        'bots/digest.py',
        `import os
from openai import OpenAI

client = OpenAI(api_key=os.environ["AI_GATEWAY_API_KEY"], base_url="https://ai-gateway.vercel.sh/v1")


def digest(text: str) -> str:
    reply = client.chat.completions.create(model="google/gemini-2.5-pro", messages=[{"role": "user", "content": text}])
    return reply.choices[0].message.content
`,
      ),
    ).toEqual(['google gemini-2.5-pro']);
  });

  it('leaves direct provider packages and models held in variables as they were', async () => {
    expect(
      await uses(
        'src/direct.ts',
        `import { openai } from "@ai-sdk/openai";
import { generateText } from "ai";

export async function direct(prompt: string, model: string) {
  const a = await generateText({ model: openai("gpt-4o"), prompt });
  const b = await generateText({ model, prompt });
  return [a, b];
}
`,
      ),
    ).toEqual(['openai gpt-4o']);
    expect(
      await uses(
        'bots/together.py',
        `from openai import OpenAI

client = OpenAI(base_url="https://api.together.xyz/v1")
reply = client.chat.completions.create(model="meta-llama/Llama-3.3-70B-Instruct-Turbo", messages=[])
`,
      ),
    ).toEqual(['openai meta-llama/Llama-3.3-70B-Instruct-Turbo']);
  });
});
