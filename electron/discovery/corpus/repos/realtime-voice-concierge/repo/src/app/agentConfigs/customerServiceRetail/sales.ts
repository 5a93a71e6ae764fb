import { RealtimeAgent, tool } from '@openai/agents/realtime';

export const salesAgent = new RealtimeAgent({
  name: 'sales',
  voice: 'sage',
  handoffDescription: 'Explains card plans and current offers and takes card applications.',
  instructions: 'You explain the Northwind Pay card plans and current offers. Never promise a credit limit.',
  tools: [
    tool({
      name: 'lookupCardPlans',
      description: 'List the card plans and their fees.',
      parameters: { type: 'object', properties: {}, required: [], additionalProperties: false },
      execute: async () => ({
        plans: [
          { id: 'everyday', annualFee: 0 },
          { id: 'travel', annualFee: 95 },
        ],
      }),
    }),
  ],
  handoffs: [],
});
