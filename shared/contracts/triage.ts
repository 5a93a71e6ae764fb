import { z } from 'zod';
import type { AnswerCard, IrreversibleAction, IrreversibleRegisterRow } from '../answer-card';
import type { ChecklistRow, RiskScore, TriageRow, UntrustedExposure } from '../checklist';
import { CHECKLIST_ITEMS } from '../checklist';
import { method } from './method';

/** Triage: the checklists evaluated over each agent's dossier, a person's attestations beside them, and the risk order. */
const AgentId = z.string().min(1).max(100);
const ItemKey = z.enum(CHECKLIST_ITEMS.map((i) => i.key) as [string, ...string[]]);

export interface AgentTriage {
  agentId: string;
  checklist: ChecklistRow[];
  risk: RiskScore;
  exposure: UntrustedExposure;
  /** The four questions of the "Done" phase, each answered or with its gaps. */
  answers: AnswerCard;
  /** Its actions that cannot be undone within five minutes, with their human-review status. */
  irreversible: IrreversibleAction[];
}

export const triageContract = {
  /** Step 0 and the 48-hour checklist for one agent (pass, fail or unknown with evidence, and any attestation), and its risk score. */
  agentChecklist: method<AgentTriage>()(z.object({ agentId: AgentId })),
  /** Every agent, highest risk first: the priority list and the matrix read this. */
  triageOverview: method<TriageRow[]>()(z.object({})),
  /** Every agent's irreversible actions (delete, production write, external communication, export, payment) with their review status, unreviewed first. */
  irreversibleRegister: method<IrreversibleRegisterRow[]>()(z.object({})),
  /** A person's word on an item: done, not done or not applicable, with a note. Audited; null status withdraws it. */
  attestChecklistItem: method<ChecklistRow>()(
    z.object({ agentId: AgentId, key: ItemKey, status: z.enum(['done', 'not-done', 'not-applicable']).nullable(), note: z.string().trim().max(2000).default('') }),
  ),
} as const;
