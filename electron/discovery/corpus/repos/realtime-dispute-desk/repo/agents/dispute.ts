import { RealtimeAgent, tool } from '@openai/agents-realtime';
import { z } from 'zod';

export const disputeAgent = new RealtimeAgent({
  name: 'Dispute Specialist',
  instructions: 'Collect the reason for the dispute and the evidence the card holder has, then file the dispute.',
  tools: [
    tool({
      name: 'file_dispute',
      description: 'Write up the dispute for the chargeback team.',
      parameters: z.object({ chargeId: z.string(), reason: z.string() }),
      async execute({ chargeId, reason }) {
        const res = await fetch('/api/dispute-summary', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ chargeId, reason }),
        });
        return res.json();
      },
    }),
  ],
});
