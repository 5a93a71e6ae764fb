import { RealtimeAgent } from '@openai/agents/realtime';
import { getNextResponseFromSupervisor } from './supervisorAgent';

export const chatAgent = new RealtimeAgent({
  name: 'chatAgent',
  voice: 'sage',
  instructions: `
You are a helpful junior customer service agent. Your task is to keep the conversation flowing
and defer heavily to the Supervisor Agent via getNextResponseFromSupervisor for anything beyond
greetings and small talk.
`,
  tools: [getNextResponseFromSupervisor],
});

export const chatSupervisorScenario = [chatAgent];

export default chatSupervisorScenario;
