import { Mastra } from '@mastra/core';
import { createLogger } from '@mastra/core/logger';
import { kycReviewer } from './agents/kyc-reviewer';

export const mastra = new Mastra({
  agents: { kycReviewer },
  logger: createLogger({ name: 'kyc-review', level: 'info' }),
});
