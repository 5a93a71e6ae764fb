import { z } from 'zod';
import { AgentStatus, TriggerKind } from './agent';
import { REVIEW_STATUSES } from './answer-card';

/**
 * The agents manifest: access as code, for check-in next to the agents' code. One YAML document
 * (`apiVersion: agent-triage/v1`, `kind: AgentManifest`) listing per agent what a reviewer signed
 * off: owner, trigger, credentials, data access, endpoints, irreversible actions with their review
 * step, and the daily budget. The engine writes it from the workspace's read models, reads it
 * back through the one import pipeline, and diffs it against the workspace (the Import dialog's
 * preview, `diffManifest`, and the `check` CI gate).
 *
 * Two kinds of field:
 * - declarations a person owns, which importing applies: owner, trigger, budget, and the review
 *   step where it is a person's attestation ("attested" / "unreviewed");
 * - observations the app derives from scans, IAM exports and usage (credentials, data access,
 *   endpoints, irreversible actions, code sources, status, name, a review found in code), which
 *   only diff: an import cannot make an agent stop holding a credential.
 */

export const MANIFEST_API_VERSION = 'agent-triage/v1';
export const MANIFEST_KIND = 'AgentManifest';

const text = (max: number) => z.string().max(max);

export const ManifestOwner = z.object({ name: text(200).trim().min(1, 'owner name is empty'), email: z.union([z.literal(''), z.email('owner email is not an email address').max(320)]).default('') }).strict();

export const ManifestCredential = z
  .object({
    /** env-var, ci-secret, iam-role, ..., a cloud identity's principal kind, or `registry` for a name the registry lists. */
    kind: text(60).min(1),
    /** The credential's name or identity (never a secret value: hard-coded secrets appear only as their redacted preview). */
    name: text(2048).min(1),
  })
  .strict();

export const ManifestDataAccess = z
  .object({
    dataSource: text(2048).min(1),
    name: text(1000).default(''),
    access: z.enum(['read', 'write']),
  })
  .strict();

export const ManifestEndpoint = z.object({ host: text(1000).min(1), purpose: text(40).min(1) }).strict();

export const ManifestIrreversibleAction = z.object({ kind: text(60).min(1), detail: text(2000).min(1) }).strict();

export const ManifestBudget = z
  .object({
    dailyTokenCap: z.number().int().min(1).max(1e13).nullable().default(null),
    dailyCostCapUsd: z.number().min(0.01).max(1e9).nullable().default(null),
  })
  .strict();

export const ManifestReview = z.object({ status: z.enum(REVIEW_STATUSES), note: text(2000).default('') }).strict();

export const ManifestAgent = z
  .object({
    id: text(100).min(1, 'agent id is empty'),
    name: text(200).min(1, 'agent name is empty'),
    status: AgentStatus,
    owner: ManifestOwner.nullable().default(null),
    trigger: z.object({ kind: TriggerKind, schedule: text(300).nullable().default(null) }).strict(),
    /** Identity keys of the discovered code units joined to the agent: how a re-scan recognises it. */
    sources: z.array(text(2048)).max(1000).default([]),
    credentials: z.array(ManifestCredential).max(5000).default([]),
    dataAccess: z.array(ManifestDataAccess).max(50_000).default([]),
    endpoints: z.array(ManifestEndpoint).max(5000).default([]),
    irreversibleActions: z.array(ManifestIrreversibleAction).max(5000).default([]),
    review: ManifestReview,
    budget: ManifestBudget,
  })
  .strict();
export type ManifestAgent = z.infer<typeof ManifestAgent>;

export const AgentManifest = z
  .object({
    apiVersion: z.literal(MANIFEST_API_VERSION),
    kind: z.literal(MANIFEST_KIND),
    agents: z.array(ManifestAgent).max(100_000),
    /** Discovered units still waiting for a decision (confirm, merge, dismiss): known, so a re-scan finding them is not a new agent. */
    unconfirmed: z.array(z.object({ identityKey: text(2048).min(1), name: text(1000) }).strict()).max(100_000).default([]),
  })
  .strict();
export type AgentManifest = z.infer<typeof AgentManifest>;

/** Fields importing a manifest applies to the workspace; every other difference is shown and left as the facts say. */
export const MANIFEST_APPLIED_FIELDS = ['owner', 'trigger', 'budget', 'review'] as const;
export type ManifestAppliedField = (typeof MANIFEST_APPLIED_FIELDS)[number];

export const MANIFEST_LIST_FIELDS = ['sources', 'credentials', 'dataAccess', 'endpoints', 'irreversibleActions'] as const;
export type ManifestListField = (typeof MANIFEST_LIST_FIELDS)[number];

/**
 * One difference in one agent. Scalars: `workspace` and `manifest` both say their value. List
 * items: the item is only in the workspace (`manifest` null) or only in the manifest (`workspace`
 * null); a data source whose access differs is one change with both.
 */
export interface ManifestFieldChange {
  field: 'name' | 'status' | ManifestAppliedField | ManifestListField;
  /** For list fields: which item ("OPENAI_API_KEY (env-var)", "api.openai.com (inference)"). */
  item: string | null;
  workspace: string | null;
  manifest: string | null;
  /** Whether importing the manifest changes the workspace here (a declaration); false: an observation, shown only. */
  applies: boolean;
}

export interface ManifestAgentDiff {
  agentId: string;
  name: string;
  changes: ManifestFieldChange[];
}

export interface ManifestDiff {
  /** Agents in both, with at least one difference, in manifest order. */
  changed: ManifestAgentDiff[];
  unchanged: number;
  /** In the manifest, not in the workspace (by id, then by name): importing does not create agents. */
  onlyInManifest: Array<{ id: string; name: string }>;
  /** In the workspace, not in the manifest. */
  onlyInWorkspace: Array<{ id: string; name: string }>;
  /** Discovered units waiting for a decision that the manifest does not know. */
  unconfirmedNotInManifest: Array<{ identityKey: string; name: string }>;
  /** Changes importing would apply. */
  applicable: number;
}

export const isEmptyManifestDiff = (d: ManifestDiff) => d.changed.length === 0 && d.onlyInManifest.length === 0 && d.onlyInWorkspace.length === 0 && d.unconfirmedNotInManifest.length === 0;

export const MANIFEST_FIELD_LABELS: Record<ManifestFieldChange['field'], string> = {
  name: 'Name',
  status: 'Status',
  owner: 'Owner',
  trigger: 'Trigger',
  budget: 'Daily budget',
  review: 'Review of irreversible actions',
  sources: 'Code',
  credentials: 'Credential',
  dataAccess: 'Data access',
  endpoints: 'Endpoint',
  irreversibleActions: 'Irreversible action',
};
