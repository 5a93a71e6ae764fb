import { AzureOpenAI } from 'openai';

const client = new AzureOpenAI({
  apiKey: process.env.AZURE_OPENAI_KEY,
  endpoint: process.env.AZURE_OPENAI_ENDPOINT,
  apiVersion: '2024-10-21',
  deployment: 'gpt-4o-fraud',
});

const SYSTEM =
  'You help fraud analysts at Northwind Pay. Summarise the case in at most five short lines, then suggest one next ' +
  'step (call the cardholder, block the card, release the payment, or escalate). Do not speculate beyond the data.';

/** One call per click on "Summarise" in the fraud console. */
export async function summariseCase(fraudCase: Record<string, unknown>): Promise<string> {
  const completion = await client.chat.completions.create({
    model: 'gpt-4o-fraud',
    max_tokens: 500,
    temperature: 0.2,
    messages: [
      { role: 'system', content: SYSTEM },
      { role: 'user', content: JSON.stringify(fraudCase) },
    ],
  });
  return completion.choices[0]?.message.content ?? '';
}
