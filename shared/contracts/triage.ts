import { z } from 'zod';
import type { ItemVerdict } from '../checklist';
import { method } from './method';

/** Triage: the checklists evaluated over each agent's dossier (attestations, risk and the plan come next). */
export const triageContract = {
  /** Step 0 and the 48-hour checklist for one agent: pass, fail or unknown, with the evidence that decided each. */
  agentChecklist: method<ItemVerdict[]>()(z.object({ agentId: z.string().min(1).max(100) })),
} as const;
