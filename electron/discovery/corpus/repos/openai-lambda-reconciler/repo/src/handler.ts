import OpenAI from 'openai';
import type { ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import { runTool, toolDefinitions } from './tools';

const client = new OpenAI();
const MAX_TURNS = 10;
const ACQUIRER_INDEX = 'https://reports.acquirers.northwind-pay.example/index.json';

function yesterday(): string {
  return new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
}

export const handler = async (): Promise<{ turns: number }> => {
  const messages: ChatCompletionMessageParam[] = [
    {
      role: 'system',
      content:
        'You reconcile acquirer settlement reports with the Northwind Pay ledger. Compare totals per currency. ' +
        'Book adjustments only for rounding or fee differences under 50.00; email finance about everything else.',
    },
    { role: 'user', content: `Reconcile value date ${yesterday()}. The report index is ${ACQUIRER_INDEX}.` },
  ];

  let turn = 0;
  for (; turn < MAX_TURNS; turn++) {
    const completion = await client.chat.completions.create({
      model: 'gpt-4o',
      messages,
      tools: toolDefinitions,
      max_tokens: 1_500,
      user: 'settlement-reconciler',
    });
    const message = completion.choices[0]!.message;
    messages.push(message);
    if (!message.tool_calls?.length) break;
    for (const call of message.tool_calls) {
      const output = await runTool(call.function.name, JSON.parse(call.function.arguments));
      messages.push({ role: 'tool', tool_call_id: call.id, content: output });
    }
  }
  return { turns: turn };
};
