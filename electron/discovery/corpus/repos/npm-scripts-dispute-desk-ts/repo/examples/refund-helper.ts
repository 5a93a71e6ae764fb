// How to call the desk API from an OpenAI Agents SDK agent; see README for the set-up.
import { Agent, run, tool } from '@openai/agents';
import { z } from 'zod';

const disputeStatus = tool({
  name: 'dispute_status',
  description: 'Status of a dispute',
  parameters: z.object({ reference: z.string() }),
  execute: async ({ reference }) => (await fetch(`http://localhost:8080/disputes/${reference}`)).json(),
});

const helper = new Agent({ name: 'Refund helper', instructions: 'Answer questions about disputes.', tools: [disputeStatus] });
const result = await run(helper, process.argv[2] ?? 'What is the status of DSP-1042?');
console.log(result.finalOutput);
