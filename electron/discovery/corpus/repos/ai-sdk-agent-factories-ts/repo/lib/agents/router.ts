import { Experimental_Agent as Agent, Output, stepCountIs } from 'ai';
import { z } from 'zod';

// Classifies the request: structured output, no tools (one model call).
export function createRouter(model: any) {
  return new Agent({
    model,
    system: 'Decide which specialists the merchant request needs.',
    experimental_output: Output.object({ schema: z.object({ needs: z.array(z.enum(['ledger', 'outreach'])) }) }),
    stopWhen: stepCountIs(2),
  });
}
