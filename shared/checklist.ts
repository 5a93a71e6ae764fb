/**
 * The checklists of DESIGN.md as data (Step 0, the 48-hour checklist, Days 31-60 and 61-90): every item has a stable key, its phase and what it asks.
 * The engine evaluates each item over the agent dossier (pass, fail or unknown, with the evidence
 * that decided it); a person's attestation sits beside a verdict and never hides a later fail.
 */

import type { UntrustedInputKind } from './discovery';
import type { Sensitivity } from './iam';

export const CHECKLIST_PHASES = ['step-0', 'days-1-30', 'days-31-60', 'days-61-90'] as const;
export type ChecklistPhase = (typeof CHECKLIST_PHASES)[number];

export const CHECKLIST_PHASE_LABELS: Record<ChecklistPhase, string> = {
  'step-0': 'Step 0: inventory',
  'days-1-30': 'Days 1-30: the 48-hour checklist and runtime hardening',
  'days-31-60': 'Days 31-60: guardrails as code',
  'days-61-90': 'Days 61-90: observability and cost',
};

export interface ChecklistItemDefinition {
  key: string;
  phase: ChecklistPhase;
  title: string;
  /** What passing means, in a sentence a reviewer can check by hand. */
  asks: string;
}

export const CHECKLIST_ITEMS = [
  // Step 0: the seven registry fields.
  { key: 'registry.name', phase: 'step-0', title: 'Named', asks: 'The agent has a name people recognise.' },
  { key: 'registry.trigger', phase: 'step-0', title: 'Trigger known', asks: 'What starts it is known (schedule, event, webhook, user, upstream agent).' },
  { key: 'registry.data-access', phase: 'step-0', title: 'Data access scope', asks: 'Every data source it touches is listed, read or write.' },
  { key: 'registry.credentials', phase: 'step-0', title: 'Credentials listed', asks: 'The credentials it holds are listed.' },
  { key: 'registry.owner', phase: 'step-0', title: 'Owner is a person', asks: 'A named person, not a team, owns it.' },
  { key: 'registry.last-reviewed', phase: 'step-0', title: 'Reviewed in the last 90 days', asks: 'Someone reviewed it in the last 90 days.' },
  { key: 'registry.rollback', phase: 'step-0', title: 'Rollback procedure', asks: 'How to undo what it did is written down.' },
  // The 48-hour checklist.
  { key: 'h48.no-shell', phase: 'days-1-30', title: 'No shell execution', asks: 'It runs no shell or subprocess, or the reason is documented.' },
  { key: 'h48.no-arbitrary-network', phase: 'days-1-30', title: 'No arbitrary outbound network', asks: 'It calls only listed endpoints, never hosts chosen at run time.' },
  { key: 'h48.db-credentials-scoped', phase: 'days-1-30', title: 'Database credentials scoped', asks: 'Its database credentials allow only the operations it performs.' },
  { key: 'h48.no-shared-credential', phase: 'days-1-30', title: 'No shared credential', asks: 'No credential it holds is also used by another agent or system.' },
  { key: 'h48.execution-logging', phase: 'days-1-30', title: 'Execution logging on', asks: 'File writes, shell, external calls and LLM calls are logged, tagged with agent id and session.' },
  { key: 'h48.llm-keys-distinct', phase: 'days-1-30', title: 'LLM keys distinct from the application', asks: 'Its LLM provider keys are not the application layer’s.' },
  { key: 'h48.irreversible-reviewed', phase: 'days-1-30', title: 'Irreversible actions reviewed', asks: 'Every action that cannot be undone within five minutes has a human review step.' },
  { key: 'h48.prod-write-intended', phase: 'days-1-30', title: 'Production writes intended', asks: 'Write access to production data stores is intended and still needed.' },
  // Also in Days 1-30 (DESIGN.md): the runtime and what reaches the model.
  { key: 'd30.patched-runtime', phase: 'days-1-30', title: 'Agent runtime patched', asks: 'No open advisory affects the locked versions of its agent runtime and SDKs.' },
  { key: 'd30.sandbox', phase: 'days-1-30', title: 'Runtime sandboxed', asks: 'Its runtime is sandboxed, with file system access restricted to what it needs.' },
  { key: 'd30.untrusted-content-scanned', phase: 'days-1-30', title: 'Outside content scanned', asks: 'Content from outside the organisation is scanned for injected instructions before it reaches the model.' },
  // Days 31-60: guardrails as code.
  { key: 'd60.input-schema', phase: 'days-31-60', title: 'Input schema validation', asks: 'What reaches the agent (and its tools) is validated against a schema.' },
  { key: 'd60.output-classifier', phase: 'days-31-60', title: 'Output classifier on high-risk actions', asks: 'Deletes, production writes, external messages and exports pass an output check first.' },
  { key: 'd60.irreversible-interrupt', phase: 'days-31-60', title: 'Human interrupt on irreversible actions', asks: 'Irreversible actions stop for a person’s approval, in code.' },
  { key: 'd60.rollback-rehearsed', phase: 'days-31-60', title: 'Rollback rehearsed', asks: 'The rollback procedure is written and was rehearsed in the last 180 days.' },
  { key: 'd60.adversarial-tests', phase: 'days-31-60', title: 'Adversarial tests of the guardrails', asks: 'Prompt injection and misuse tests were run against its guardrails.' },
  // Days 61-90: observability and cost.
  { key: 'd90.tagged-attribution', phase: 'days-61-90', title: 'LLM calls tagged', asks: 'Its LLM calls carry its agent id (and feature, user, session) as tags.' },
  { key: 'd90.daily-budget', phase: 'days-61-90', title: 'Daily budget with a hard cap', asks: 'A daily token or cost cap is set for it.' },
  { key: 'd90.tracing', phase: 'days-61-90', title: 'Traces across tool and external calls', asks: 'Its runs are traced across tool and external calls.' },
  { key: 'd90.audit-trail', phase: 'days-61-90', title: 'Structured audit trail', asks: 'What it did is kept as a structured, tamper-evident audit trail.' },
  { key: 'd90.cost-per-unit', phase: 'days-61-90', title: 'Cost per productive unit', asks: 'Its cost per unit of work (ticket, document) is known.' },
] as const satisfies readonly ChecklistItemDefinition[];

export type ChecklistItemKey = (typeof CHECKLIST_ITEMS)[number]['key'];

export const VERDICTS = ['pass', 'fail', 'unknown'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** What decided a verdict: a file and line, a grant, usage rows, a registry field. */
export interface VerdictEvidence {
  text: string;
  /** For evidence in code or config: the file (relative to its scanned folder) and line. */
  path?: string;
  line?: number;
}

export interface ItemVerdict {
  key: ChecklistItemKey;
  verdict: Verdict;
  /** One sentence: why pass, why fail, or which fact is missing and where it would come from. */
  because: string;
  evidence: VerdictEvidence[];
}

/** A person's word on one item of one agent: kept beside the automatic verdict, never instead of it. */
export interface Attestation {
  status: 'done' | 'not-done' | 'not-applicable';
  note: string;
  by: string;
  at: string;
}

export interface ChecklistRow extends ItemVerdict {
  attestation: Attestation | null;
  /** The automatic verdict is a fail although a person attested it done: both are shown. */
  conflict: boolean;
}

/** Priority tiers, P0 first. */
export const RISK_TIERS = ['P0', 'P1', 'P2', 'P3'] as const;
export type RiskTier = (typeof RISK_TIERS)[number];

/**
 * The risk score of DESIGN.md with its parts: data sensitivity reached (write above read) times the
 * monitoring gap orders agents; irreversible actions without review, then volume, break ties.
 */
export interface RiskScore {
  /** 0..1: the most sensitive data its credentials or registry entry reach, write weighted above read; null when nothing is known. */
  sensitivity: number | null;
  sensitivityBecause: string;
  /** 0..1: the share of monitoring checks (logging, tagged LLM calls, daily budget, tracing) not passed. */
  monitoringGap: number;
  monitoringBecause: string;
  /** Irreversible actions (delete, production write, external communication, export, payment) without a human review step. */
  irreversibleUnreviewed: number;
  /** LLM requests per day over the imported period; null without usage. */
  volumePerDay: number | null;
  /** sensitivity x monitoring gap (unknown sensitivity counts as middling, 0.5). */
  score: number;
  tier: RiskTier;
}

/**
 * Untrusted content exposure ("Comment and Control"): the outside content an agent reads, whether it
 * is scanned for injected instructions first, and whether what it reads can drive an action that
 * cannot be undone.
 */
export interface UntrustedExposure {
  inputs: Array<{ kind: UntrustedInputKind; detail: string; evidence: VerdictEvidence }>;
  /** How outside content is scanned before it reaches the model: found in code, attested, or neither (null). */
  scan: { by: 'code' | 'attestation'; evidence: VerdictEvidence[] } | null;
  /** Its actions that cannot be undone within five minutes. */
  irreversibleActions: number;
  /** A human review step on those actions: found in code or attested. */
  humanReview: boolean;
  /** Reads outside content, can act irreversibly, with no scan and no human review: the worst combination. */
  worst: boolean;
}

export interface TriageRow {
  agentId: string;
  name: string;
  owner: string | null;
  risk: RiskScore;
  counts: Record<Verdict, number>;
  /** Items failing (automatically) or attested not done. */
  failing: ChecklistItemKey[];
  exposure: { inputs: number; worst: boolean };
  /** What its credentials reach (the blast radius), for the inventory's Reachable data column. */
  reach: ReachSummary;
  /** Advisories that affect its locked packages; the worst severity named by any of them. */
  advisories: { count: number; worstSeverity: string | null };
}

export interface ReachSummary {
  /** Data sources its credentials reach; null when no cloud identity is linked (unknown, not none). */
  dataSources: number | null;
  /** Of those, the ones it can write, delete or change permissions on. */
  writable: number;
  /** The most sensitive data reached. */
  sensitivity: Sensitivity | null;
}
