/**
 * The "done" card of DESIGN.md: the four questions every agent must answer, and the register of
 * its actions that cannot be undone within five minutes with the human review behind each.
 * Both are derived from the dossier and the evaluated checklist, never stored.
 */

import type { VerdictEvidence } from './checklist';
import type { CapabilityKind } from './discovery';
import type { AccessLevel, Sensitivity } from './iam';

/** One of the four questions: answered or not, in a sentence, what is missing (shown in red), and the evidence. */
export interface Answer {
  answered: boolean;
  summary: string;
  /** What keeps it from being answered, each saying where the missing fact would come from; empty when answered. */
  gaps: string[];
  evidence: VerdictEvidence[];
}

export const ANSWER_QUESTIONS = ['access', 'prevented', 'owner', 'detect'] as const;
export type AnswerQuestion = (typeof ANSWER_QUESTIONS)[number];

export const ANSWER_QUESTION_LABELS: Record<AnswerQuestion, string> = {
  access: 'What can it access?',
  prevented: 'What is it explicitly prevented from doing?',
  owner: 'Who owns it?',
  detect: 'How would you know within five minutes if it went wrong?',
};

export type AnswerCard = Record<AnswerQuestion, Answer>;

export const answeredCount = (card: AnswerCard): number => ANSWER_QUESTIONS.filter((q) => card[q].answered).length;

/** An action that cannot be undone within five minutes: one found in its code, or a production write its credentials allow. */
export type IrreversibleActionKind = Extract<CapabilityKind, 'data-delete' | 'data-write' | 'external-communication' | 'data-export' | 'payment'> | 'production-write';

export const IRREVERSIBLE_ACTION_LABELS: Record<IrreversibleActionKind, string> = {
  'data-delete': 'Delete',
  'data-write': 'Data write',
  'external-communication': 'External communication',
  'data-export': 'Export',
  payment: 'Payment',
  'production-write': 'Production write (credentials)',
};

export const REVIEW_STATUSES = ['unreviewed', 'attested', 'reviewed-in-code'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

export const REVIEW_STATUS_LABELS: Record<ReviewStatus, string> = {
  unreviewed: 'Unreviewed',
  attested: 'Attested',
  'reviewed-in-code': 'Reviewed in code',
};

export interface IrreversibleAction {
  kind: IrreversibleActionKind;
  /** What exactly: "DELETE FROM accounts", "smtplib.SMTP.send_message", or "payments-prod.ledger: write". */
  detail: string;
  /** The tool function it sits in, when found inside one. */
  tool: string | null;
  /** Where it was seen: a file and line for code, the credential path for a production write. */
  where: VerdictEvidence;
  /** For production writes: the data store's sensitivity and the access the credentials give. */
  target: { dataSourceKey: string; sensitivity: Sensitivity; access: AccessLevel } | null;
  reviewStatus: ReviewStatus;
  /** The human-approval steps found in code, or the person's attestation (who, when, note). */
  reviewEvidence: VerdictEvidence[];
  /** A person attested the review, but the automatic check finds no review step in code: both are shown. */
  conflict: boolean;
}

/** One row of the workspace register: the action and whose it is. */
export interface IrreversibleRegisterRow extends IrreversibleAction {
  agentId: string;
  agentName: string;
  owner: string | null;
}
