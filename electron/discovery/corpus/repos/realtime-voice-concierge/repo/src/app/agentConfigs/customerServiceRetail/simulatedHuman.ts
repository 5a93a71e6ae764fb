import { RealtimeAgent } from '@openai/agents/realtime';

export const simulatedHumanAgent = new RealtimeAgent({
  name: 'simulatedHuman',
  voice: 'sage',
  handoffDescription: 'Placeholder, simulated human agent that can provide more advanced help to the user. Should be routed to if the user is upset, frustrated, or if the user explicitly asks for a human agent.',
  instructions: "You are a helpful human assistant, with a laid-back attitude. Greet the caller and say you are a human agent.",
  tools: [],
  handoffs: [],
});
