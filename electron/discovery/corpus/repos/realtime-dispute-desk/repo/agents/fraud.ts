import { RealtimeAgent, tool } from '@openai/agents-realtime';
import { z } from 'zod';

export const fraudAgent = new RealtimeAgent({
  name: 'Fraud Desk',
  instructions: 'The card holder reports charges they did not make. Freeze the card first, then explain the next steps.',
  tools: [
    tool({
      name: 'freeze_card',
      description: 'Freeze the card the charge was made with.',
      parameters: z.object({ chargeId: z.string() }),
      async execute({ chargeId }) {
        const res = await fetch('/api/cards/freeze', { method: 'POST', body: JSON.stringify({ chargeId }) });
        return { frozen: res.ok };
      },
    }),
  ],
});
