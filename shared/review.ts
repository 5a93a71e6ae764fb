/**
 * Review and drift: "mark reviewed" keeps a snapshot of what the agent could do and reach that
 * day; the agent page then shows what changed since: new credentials, write access, capabilities,
 * endpoints, a spend change. The snapshot is versioned (`v`) so a later shape can still be read
 * against an older review.
 */

export const REVIEW_SNAPSHOT_VERSION = 1;

/** One thing the review saw, keyed so the same fact matches across snapshots. */
export interface ReviewedFact {
  /** Stable identity of the fact: "registry:billing-db", "code:env-var:OPENAI_API_KEY", "cloud:arn:aws:iam::1:role/x". */
  key: string;
  /** For people: "IAM role kyc-reviewer (aws 111122223333)". */
  label: string;
  /** Where it was seen: "agents/kyc.py:42", a policy statement, "registry". */
  evidence: string | null;
}

export interface ReviewedDataAccess extends ReviewedFact {
  /** read, write, list, permissions-management, or the registry's "other: <word>". */
  access: string;
  /** Can change or delete the data (write, permissions management, delete, admin). */
  writes: boolean;
  environment: string | null;
  sensitivity: string | null;
}

export interface ReviewedCapability extends ReviewedFact {
  kind: string;
  tool: string | null;
  /** Not reversible within five minutes (delete, write, external communication, export, payment). */
  irreversible: boolean;
}

export interface ReviewedSpend {
  /** The last day of imported usage the review saw; null when there was none. */
  through: string | null;
  /** Cost and tokens per day over the last (up to) 30 days of the imported period, through `through`. */
  daily: Array<{ day: string; costUsd: number; tokens: number }>;
  totals: { costUsd: number; tokens: number; requests: number };
}

/** The review-relevant facts of one agent's dossier, as stored with each review. */
export interface ReviewSnapshot {
  v: typeof REVIEW_SNAPSHOT_VERSION;
  owner: string | null;
  trigger: string;
  credentials: ReviewedFact[];
  dataAccess: ReviewedDataAccess[];
  capabilities: ReviewedCapability[];
  tools: ReviewedFact[];
  endpoints: ReviewedFact[];
  models: ReviewedFact[];
  frameworks: ReviewedFact[];
  untrustedInputs: ReviewedFact[];
  advisories: ReviewedFact[];
  spend: ReviewedSpend;
}

export const DRIFT_KINDS = [
  'write-access',
  'credential',
  'capability',
  'endpoint',
  'tool',
  'untrusted-input',
  'advisory',
  'data-access',
  'model',
  'framework',
  'owner',
  'trigger',
] as const;
export type DriftKind = (typeof DRIFT_KINDS)[number];

export const DRIFT_KIND_LABELS: Record<DriftKind, string> = {
  'write-access': 'Write access',
  credential: 'Credentials',
  capability: 'Capabilities',
  endpoint: 'Endpoints',
  tool: 'Tools',
  'untrusted-input': 'Untrusted inputs',
  advisory: 'Advisories',
  'data-access': 'Data access',
  model: 'Models',
  framework: 'Frameworks',
  owner: 'Owner',
  trigger: 'Trigger',
};

/**
 * high: new write access, a new credential, a new irreversible capability (what a reviewer must
 * look at first); medium: other new reach (capabilities, tools, endpoints, outside content,
 * advisories); low: everything else, and every removal.
 */
export type DriftSeverity = 'high' | 'medium' | 'low';

export interface DriftChange {
  kind: DriftKind;
  change: 'added' | 'removed' | 'changed';
  severity: DriftSeverity;
  /** What changed, for people: "write on s3 bucket invoices-prod (prod, restricted)". */
  detail: string;
  evidence?: string;
}

export interface SpendDrift {
  /** Cost when every window with usage has a known cost; tokens otherwise. */
  metric: 'cost' | 'tokens';
  /** Average per day over the (up to) 30 days before the review; null when there was no usage. */
  beforePerDay: number | null;
  /** Average per day over the usage imported since the review; null when there is none. */
  nowPerDay: number | null;
  beforeDays: number;
  nowDays: number;
  /** -1..; null when there is nothing to compare (no usage on one side). */
  changePct: number | null;
  /** "$4.20/day before, $6.10/day since (+45%)", "No usage imported since the review". */
  summary: string;
}

export interface ReviewRecord {
  at: string;
  by: string;
  note: string;
}

export interface AgentDrift {
  agentId: string;
  lastReview: ReviewRecord | null;
  /** Most serious first: new write access, new credentials, new irreversible capabilities, new endpoints, ... removals last. */
  changes: DriftChange[];
  spend: SpendDrift | null;
  reviewCount: number;
}
