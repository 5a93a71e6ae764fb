// Deno imports npm packages by URL: the same `ai` and `@ai-sdk/openai` a Node app imports bare.
import { generateText, tool } from 'npm:ai@4.3.16';
import { createOpenAI } from 'https://esm.sh/@ai-sdk/openai@1.3.22';
import { z } from 'https://esm.sh/zod@3.24.2';
import { TavilyClient } from 'https://esm.sh/@agentic/tavily@7.6.4';
import { createAISDKTools } from 'https://esm.sh/@agentic/ai-sdk@7.6.4';

const openai = createOpenAI({ apiKey: Deno.env.get('OPENAI_API_KEY') });

// The carrier's tracking page the model picks (a tracking URL from the dispute evidence).
const fetchTrackingPage = tool({
  description: 'Fetch a carrier tracking page to check whether a parcel was delivered',
  parameters: z.object({ url: z.string().url() }),
  execute: async ({ url }) => {
    const page = await fetch(url, { headers: { 'User-Agent': 'northwind-disputes/1.0' } });
    return (await page.text()).slice(0, 4000);
  },
});

export async function answerDispute(question: string, history: Array<{ role: 'user' | 'assistant'; content: string }>) {
  const search = createAISDKTools(new TavilyClient({ apiKey: Deno.env.get('TAVILY_API_KEY') }));
  const { text } = await generateText({
    model: openai('gpt-4.1-mini'),
    system: 'You help Northwind Pay merchants answer card disputes. Check delivery evidence before advising.',
    messages: [...history, { role: 'user', content: question }],
    tools: { ...search, fetchTrackingPage },
    maxSteps: 6,
  });
  return text;
}
