import { Mastra } from '@mastra/core/mastra';
import { mastraAgents } from './agents';

export const mastra = new Mastra({
  agents: mastraAgents,
});
