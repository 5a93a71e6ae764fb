import { RealtimeAgent, handoff, tool } from '@openai/agents-realtime';
import { z } from 'zod';
import { disputeAgent } from './dispute';
import { fraudAgent } from './fraud';

const lookupCharge = tool({
  name: 'lookup_charge',
  description: 'Find a card charge by amount and merchant.',
  parameters: z.object({ amount: z.number(), merchant: z.string() }),
  async execute({ amount, merchant }) {
    return { chargeId: `ch_${merchant.slice(0, 3)}_${Math.round(amount * 100)}` };
  },
});

export const triageAgent = new RealtimeAgent({
  name: 'Dispute Triage',
  instructions: 'Greet the card holder, find the charge they are calling about, then hand off: disputes to the dispute specialist, suspected fraud to the fraud desk.',
  tools: [lookupCharge],
  handoffs: [disputeAgent, handoff(fraudAgent)],
});
