import { createStep, createWorkflow } from '@mastra/core/workflows';
import { z } from 'zod';

const listMismatches = createStep({
  id: 'list-mismatches',
  inputSchema: z.object({ day: z.string() }),
  outputSchema: z.object({ merchants: z.array(z.string()) }),
  execute: async ({ inputData }) => ({ merchants: inputData.day ? [] : [] }),
});

export const dailyReconcile = createWorkflow({
  id: 'daily-reconcile',
  inputSchema: z.object({ day: z.string() }),
  outputSchema: z.object({ merchants: z.array(z.string()) }),
})
  .then(listMismatches)
  .commit();
