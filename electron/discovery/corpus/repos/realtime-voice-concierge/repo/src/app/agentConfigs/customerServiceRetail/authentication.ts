import { RealtimeAgent, tool } from '@openai/agents/realtime';

export const authenticationAgent = new RealtimeAgent({
  name: 'authentication',
  voice: 'sage',
  handoffDescription: 'The initial agent that greets the caller, verifies who they are and routes them to the right agent.',
  instructions: `
# Personality and Tone
You are a calm, friendly support agent for Northwind Pay card holders.
# Task
Verify the caller (phone number, date of birth, last four digits of the card) before anything else,
then hand off to returns for refunds and disputes or sales for new cards.
`,
  tools: [
    tool({
      name: 'authenticate_user_information',
      description: 'Look up a card holder by phone number and check their date of birth and card digits.',
      parameters: {
        type: 'object',
        properties: {
          phone_number: { type: 'string', pattern: '^\\(\\d{3}\\) \\d{3}-\\d{4}$' },
          last_4_digits: { type: 'string' },
          date_of_birth: { type: 'string' },
        },
        required: ['phone_number', 'date_of_birth', 'last_4_digits'],
        additionalProperties: false,
      },
      execute: async () => {
        return { success: true };
      },
    }),
  ],
  handoffs: [], // populated later in index.ts
});
