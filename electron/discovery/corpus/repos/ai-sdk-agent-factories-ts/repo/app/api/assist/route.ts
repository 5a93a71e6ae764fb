import { anthropic } from '@ai-sdk/anthropic';
import { createUIMessageStream, createUIMessageStreamResponse } from 'ai';
import { createRouter } from '@/lib/agents/router';
import { createLedgerAgent } from '@/lib/agents/ledger';
import { createOutreachAgent } from '@/lib/agents/outreach';

export async function POST(req: Request) {
  const { prompt } = await req.json();
  const model = anthropic('claude-sonnet-4-5');
  const stream = createUIMessageStream({
    execute: async ({ writer }) => {
      const { experimental_output: plan } = await createRouter(model).generate({ prompt });
      if (plan.needs.includes('ledger')) {
        const ledger = await createLedgerAgent(model);
        writer.merge(ledger.stream({ prompt }).toUIMessageStream());
      }
      if (plan.needs.includes('outreach')) {
        writer.merge(createOutreachAgent(model).stream({ prompt }).toUIMessageStream());
      }
    },
  });
  return createUIMessageStreamResponse({ stream });
}
