import type { IrreversibleAction, IrreversibleActionKind, IrreversibleRegisterRow, ReviewStatus } from '../../shared/answer-card';
import { REVIEW_STATUSES } from '../../shared/answer-card';
import type { ChecklistRow, VerdictEvidence } from '../../shared/checklist';
import type { AgentDossier } from '../../shared/contract';
import { irreversibleActionsOf } from './checklist-facts';

/**
 * The irreversible actions register: every action of an agent that cannot be undone within five
 * minutes (found in its code, or a production write its credentials allow), with its human-review
 * status and the evidence for it. Pure over the dossier and the evaluated checklist.
 *
 * Review is agent-wide, as the checklist judges it: an approval step found in its code covers its
 * irreversible actions; otherwise a person's attestation of h48.irreversible-reviewed or
 * d60.irreversible-interrupt, kept beside the automatic fail (conflict) rather than hiding it.
 */

const WRITE_ACCESS = new Set(['write', 'permissions-management']);
const REVIEW_ITEMS = ['h48.irreversible-reviewed', 'd60.irreversible-interrupt'] as const;

export interface Review {
  status: ReviewStatus;
  evidence: VerdictEvidence[];
  conflict: boolean;
}

/** The agent-wide review step of its irreversible actions (also what the agents manifest records). */
export function reviewOf(d: AgentDossier, rows: ReadonlyMap<string, ChecklistRow>): Review {
  const approvals = d.guardrails.filter((g) => g.kind === 'human-approval');
  if (approvals.length > 0) return { status: 'reviewed-in-code', evidence: approvals.map((g) => ({ text: `approval step: ${g.detail}`, path: g.evidence.path, line: g.evidence.line })), conflict: false };
  const attested = REVIEW_ITEMS.flatMap((key) => {
    const row = rows.get(key);
    const a = row?.attestation;
    return row && a && (a.status === 'done' || a.status === 'not-applicable') ? [{ row, a }] : [];
  });
  if (attested.length > 0) {
    return {
      status: 'attested',
      evidence: attested.map(({ row, a }) => ({ text: `${a.by} attested "${row.key === 'h48.irreversible-reviewed' ? 'irreversible actions reviewed' : 'human interrupt on irreversible actions'}" ${a.status === 'done' ? 'done' : 'not applicable'} on ${a.at.slice(0, 10)}${a.note ? `: ${a.note}` : ''}` })),
      conflict: attested.some(({ row }) => row.verdict === 'fail'),
    };
  }
  return { status: 'unreviewed', evidence: [], conflict: false };
}

/** This agent's irreversible actions, unreviewed first. */
export function irreversibleActionsRegisterOf(d: AgentDossier, checklist: readonly ChecklistRow[]): IrreversibleAction[] {
  const review = reviewOf(d, new Map(checklist.map((r) => [r.key, r])));
  const base = { reviewStatus: review.status, reviewEvidence: review.evidence, conflict: review.conflict };
  const inCode: IrreversibleAction[] = irreversibleActionsOf(d).map((c) => ({
    kind: c.kind as IrreversibleActionKind,
    detail: c.detail,
    tool: c.tool,
    where: { text: c.evidence.snippet || c.detail, path: c.evidence.path, line: c.evidence.line },
    target: null,
    ...base,
  }));
  // The dossier keeps the worst paths (production and sensitive first), so production writes are among them.
  const seen = new Set<string>();
  const prodWrites: IrreversibleAction[] = [];
  for (const p of d.blastRadius.worstPaths) {
    if (p.environment !== 'prod' || !WRITE_ACCESS.has(p.access)) continue;
    const key = `${p.credential}\u0000${p.dataSourceKey}\u0000${p.access}`;
    if (seen.has(key)) continue;
    seen.add(key);
    prodWrites.push({
      kind: 'production-write',
      detail: `${p.dataSourceName}: ${p.access}`,
      tool: null,
      where: { text: `${p.credential} → ${[...p.principals, p.dataSourceName].join(' → ')}${p.conditional ? ' (conditional)' : ''}` },
      target: { dataSourceKey: p.dataSourceKey, sensitivity: p.sensitivity, access: p.access },
      ...base,
    });
  }
  return [...inCode, ...prodWrites];
}

const STATUS_ORDER = (a: IrreversibleAction) => (a.reviewStatus === 'attested' && a.conflict ? 0.5 : REVIEW_STATUSES.indexOf(a.reviewStatus));

/** Unreviewed first, then attested against a failing check, attested, reviewed in code; then by agent. */
export function compareRegisterRows(a: IrreversibleRegisterRow, b: IrreversibleRegisterRow): number {
  return STATUS_ORDER(a) - STATUS_ORDER(b) || a.agentName.localeCompare(b.agentName) || a.kind.localeCompare(b.kind) || a.detail.localeCompare(b.detail);
}
