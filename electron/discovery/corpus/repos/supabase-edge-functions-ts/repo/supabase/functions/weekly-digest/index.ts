// Summarises the week's disputes for the merchant's email: one model call. The agent class is given
// no tools (`tools: {}`) and stops after one step, so it is a single structured call, not an agent.
import { Experimental_Agent as Agent, stepCountIs } from 'npm:ai@5.0.59';
import { openai } from 'npm:@ai-sdk/openai@2.0.42';

const summarizer = new Agent({
  model: openai('gpt-4.1-mini'),
  system: 'Summarise these card disputes for a merchant in five bullet points.',
  tools: {},
  stopWhen: stepCountIs(1),
});

Deno.serve(async (req: Request) => {
  const { disputes } = await req.json();
  const { text } = await summarizer.generate({ prompt: JSON.stringify(disputes) });
  return new Response(JSON.stringify({ summary: text }), { headers: { 'Content-Type': 'application/json' } });
});
