import { Mastra } from '@mastra/core/mastra';
import { PinoLogger } from '@mastra/loggers';
import * as agents from './agents';
import { payoutNetwork } from './networks/payout-network';
import { dailyReconcile } from './workflows/daily-reconcile';

export const mastra = new Mastra({
  agents,
  workflows: { dailyReconcile },
  vnext_networks: { 'payout-network': payoutNetwork },
  logger: new PinoLogger({ name: 'payout-desk', level: 'info' }),
});
