import { writeFile } from 'node:fs/promises';
import { FunctionTool, LlmAgent } from '@google/adk';
import { z } from 'zod';

const saveEvidence = new FunctionTool({
  name: 'save_evidence',
  description: 'Save the evidence letter for a chargeback to the outbox folder.',
  parameters: z.object({ chargeId: z.string(), letter: z.string() }),
  execute: async ({ chargeId, letter }) => {
    await writeFile(`/srv/chargebacks/outbox/${chargeId}.txt`, letter, 'utf8');
    return 'saved';
  },
});

export const evidenceAgent = new LlmAgent({
  name: 'evidence_agent',
  model: 'gemini-2.5-flash',
  description: 'Writes the evidence letter for a chargeback.',
  instruction: 'Write a short factual letter from the charge details and save it.',
  tools: [saveEvidence],
});
