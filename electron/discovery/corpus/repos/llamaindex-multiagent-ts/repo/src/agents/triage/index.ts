import { agent } from '@llamaindex/workflow';
import { llm } from '../model';

export const triageAgent = agent({
  name: 'TriageAgent',
  description: 'Reads the merchant request and hands it to the right specialist.',
  llm,
  tools: [],
  canHandoffTo: ['LedgerAgent', 'NotifyAgent'],
  systemPrompt: 'Balance and payout questions go to LedgerAgent; alerts to the ops channel go to NotifyAgent.',
});
