import { multiAgent } from '@llamaindex/workflow';
import { triageAgent } from './agents/triage';
import { ledgerAgent } from './agents/ledger';
import { notifyAgent } from './agents/notify';

export const desk = multiAgent({
  agents: [triageAgent, ledgerAgent, notifyAgent],
  rootAgent: triageAgent,
});
