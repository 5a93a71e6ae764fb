import { z } from 'zod';
import type { AgentDrift } from '../review';
import { method } from './method';

/** Review and drift: a person marks an agent reviewed (a snapshot of what it can do and reach), then sees what changed since. */
const AgentId = z.string().min(1).max(100);

export const reviewContract = {
  /** Keeps a snapshot of the agent's dossier and sets its last reviewed date to today, in one audited write; answers the (empty) drift. */
  markReviewed: method<AgentDrift>()(z.object({ agentId: AgentId, note: z.string().trim().max(2000).default('') })),
  /** What changed since the last review, most serious first; `lastReview` null when it was never reviewed. */
  agentDrift: method<AgentDrift>()(z.object({ agentId: AgentId })),
} as const;
