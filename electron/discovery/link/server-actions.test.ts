import { describe, expect, it } from 'vitest';
import type { DiscoveredAgent } from '../../../shared/discovery';
import { scanTreeFixture } from '../scan/test-scan-tree';

/** Next.js server actions ('use server') that call a model: the real scanner over small app trees. */

const tree = scanTreeFixture('atw-actions-');
const write = tree.write;
async function scan(): Promise<DiscoveredAgent[]> {
  return (await tree.scan()).agents;
}
const items = (agents: DiscoveredAgent[]) => agents.map((a) => `${a.classification} ${a.unit.kind} ${a.unit.path}`).sort();

const TITLE_ACTION = "'use server';\n\nimport { generateText } from 'ai';\nimport { openai } from '@ai-sdk/openai';\n\nexport async function generateTitleFromUserMessage(message: string) {\n  const { text } = await generateText({ model: openai('gpt-4.1-mini'), system: 'Write a short title', prompt: message });\n  return text;\n}\n";
const CHAT_ROUTE = "import { streamText, tool } from 'ai';\nimport { openai } from '@ai-sdk/openai';\nimport { z } from 'zod';\nimport { generateTitleFromUserMessage } from '../../actions';\n\nexport async function POST(req: Request) {\n  const { messages } = await req.json();\n  const title = await generateTitleFromUserMessage(messages[0].content);\n  return streamText({\n    model: openai('gpt-4.1'),\n    messages,\n    tools: { lookupOrder: tool({ description: 'Look up an order', inputSchema: z.object({ id: z.string() }), execute: async ({ id }) => ({ id, title }) }) },\n  }).toUIMessageStreamResponse();\n}\n";

describe("a 'use server' model call", () => {
  it('is a chained component of the chat agent that calls it, not also an item of its own', async () => {
    write('app/actions.ts', TITLE_ACTION);
    write('app/api/chat/route.ts', CHAT_ROUTE);
    const found = await scan();
    expect(items(found)).toEqual(['agent code-entry-point app/api/chat/route.ts']);
    expect(found[0]!.chainedComponents?.map((c) => `${c.name} ${c.path}`)).toEqual(['generateTitleFromUserMessage app/actions.ts']);
  });

  it('is its own llm-call item when nothing found calls it (a page form posts to it)', async () => {
    write('app/actions.ts', TITLE_ACTION);
    write('app/api/chat/route.ts', CHAT_ROUTE);
    write('app/feedback/actions.ts', "'use server';\n\nimport Anthropic from '@anthropic-ai/sdk';\n\nexport async function summariseFeedback(form: FormData) {\n  const client = new Anthropic();\n  return client.messages.create({ model: 'claude-haiku-4-5', max_tokens: 300, messages: [{ role: 'user', content: String(form.get('text')) }] });\n}\n");
    write('app/feedback/page.tsx', "import { summariseFeedback } from './actions';\nexport default function Page() {\n  return <form action={summariseFeedback}><textarea name=\"text\" /></form>;\n}\n");
    expect(items(await scan())).toEqual(['agent code-entry-point app/api/chat/route.ts', 'llm-call code-entry-point app/feedback/actions.ts']);
  });
});
