import { RealtimeAgent, tool, type RealtimeItem } from '@openai/agents/realtime';

export const returnsAgent = new RealtimeAgent({
  name: 'returns',
  voice: 'sage',
  handoffDescription: 'Handles refunds of card purchases and disputes of charges.',
  instructions: `
You help card holders get refunds for purchases and dispute charges. Look up their recent
card transactions, then check eligibility against the policy before starting a refund.
`,
  tools: [
    tool({
      name: 'lookupRecentTransactions',
      description: "Retrieve the card holder's recent transactions by phone number.",
      parameters: {
        type: 'object',
        properties: { phoneNumber: { type: 'string' } },
        required: ['phoneNumber'],
        additionalProperties: false,
      },
      execute: async (input: any) => {
        const { phoneNumber } = input as { phoneNumber: string };
        return { transactions: [{ id: 'TX-1041', merchant: 'Skyline Outfitters', amount: 129.5, phoneNumber }] };
      },
    }),
    tool({
      name: 'checkEligibilityAndPossiblyInitiateRefund',
      description: 'Ask the policy model whether a refund is allowed and start it when it is.',
      parameters: {
        type: 'object',
        properties: {
          transactionId: { type: 'string' },
          reason: { type: 'string' },
        },
        required: ['transactionId', 'reason'],
        additionalProperties: false,
      },
      execute: async (input: any, details) => {
        const { transactionId, reason } = input as { transactionId: string; reason: string };
        const history: RealtimeItem[] = (details?.context as any)?.history ?? [];
        // A stronger text model reads the policy; the route holds the API key.
        const response = await fetch('/api/responses', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({
            model: 'o4-mini',
            input: [
              { type: 'message', role: 'system', content: 'Decide whether this refund complies with the Northwind Pay refund policy. Answer true or false with a reason.' },
              { type: 'message', role: 'user', content: `Transaction ${transactionId}: ${reason}\n${JSON.stringify(history.slice(-6))}` },
            ],
          }),
        });
        if (!response.ok) return { error: 'Something went wrong.' };
        return await response.json();
      },
    }),
  ],
  handoffs: [],
});
