import { evidenceAgent } from './evidence-agent';
import { notifyAgent } from './notify-agent';

// One registry the app and the eval scripts share.
export const mastraAgents = { evidenceAgent, notifyAgent };
