import { z } from 'zod';
import type { BlastPath, BlastRadius } from '../blast-radius';
import { ENVIRONMENTS, RISK_CLASSES, SENSITIVITIES } from '../iam';
import type { AccessLevel, CloudProvider, DataSourceKind, Environment, PrincipalKind, RiskClass, Sensitivity, StatementRef } from '../iam';
import { method } from './method';

/** Cloud identities and data: what each agent can reach, who can reach each data source, and the decisions people make on them. */

export interface DataSourceSummary {
  key: string;
  name: string;
  provider: CloudProvider;
  service: string;
  kind: DataSourceKind;
  scope: string;
  wildcard: boolean;
  environment: Environment;
  sensitivity: Sensitivity;
  /** Who decided: a rule (named in `because`), a person (a decision, audited), or nothing matched. */
  classifiedBy: 'rule' | 'person' | 'none';
  because: string;
  tags: Record<string, string>;
  /** Agents that can reach it, the principals holding the grants on their paths, and the highest access an agent has. */
  agentCount: number;
  principalCount: number;
  highestAccess: AccessLevel | null;
}

export interface PrincipalRisk {
  riskClass: RiskClass;
  detail: string;
  conditional: boolean;
  via: StatementRef;
}

export interface PrincipalSummary {
  key: string;
  name: string;
  provider: CloudProvider;
  kind: PrincipalKind;
  scope: string;
  lastUsedAt: string | null;
  risks: PrincipalRisk[];
  /** Agents whose credentials authenticate as it (directly or by assuming it). */
  agents: Array<{ id: string; name: string }>;
  dataSourceCount: number;
}

/** How an agent holds a cloud identity, and why the app believes it. */
export interface CredentialLink {
  principalKey: string;
  principalName: string;
  provider: CloudProvider;
  principalKind: PrincipalKind;
  scope: string;
  /** 'discovery': a scan found the ARN / service account in the agent's code or config; 'registry': the registry names it; 'person': linked by hand. */
  how: 'discovery' | 'registry' | 'person';
  /** What the agent holds as the evidence says it: "IAM role kyc-reviewer-lambda", an env var, a file and line. */
  credential: string;
  reason: string;
  /** Other holders of the same identity: other agents, or non-agent systems (humans' users, CI, services) that use it. */
  sharedWith: Array<{ kind: 'agent' | 'non-agent'; name: string; agentId: string | null; evidence: string }>;
}

export interface CredentialSuggestion {
  principalKey: string;
  principalName: string;
  provider: CloudProvider;
  principalKind: PrincipalKind;
  scope: string;
  /** Why it may be this agent's: "role name kyc-reviewer-lambda matches the agent's credential 'IAM role kyc-reviewer-lambda'". */
  reason: string;
  score: number;
}

export interface AgentCredentialLinks {
  links: CredentialLink[];
  suggestions: CredentialSuggestion[];
}

/** The agent page's blast-radius card: data reached by sensitivity and access, the worst paths, and what is missing. */
export interface BlastRadiusSummary {
  dataSources: number;
  bySensitivity: BlastRadius['summary'];
  worstPaths: BlastPath[];
  riskClasses: RiskClass[];
  gaps: string[];
}

const Key = z.string().min(1).max(2048);
const AgentId = z.string().min(1).max(100);

export const blastRadiusContract = {
  blastRadius: method<BlastRadius>()(z.object({ agentId: AgentId })),
  whoCanReach: method<BlastRadius>()(z.object({ dataSourceKey: Key })),
  listDataSources: method<DataSourceSummary[]>()(
    z.object({
      text: z.string().max(200).optional(),
      sensitivity: z.enum(SENSITIVITIES).optional(),
      environment: z.enum(ENVIRONMENTS).optional(),
    }),
  ),
  /** A person's classification, kept over any rule and across re-imports; null hands the field back to the rules. */
  classifyDataSource: method<DataSourceSummary>()(
    z.object({
      key: Key,
      environment: z.enum(ENVIRONMENTS).nullable().optional(),
      sensitivity: z.enum(SENSITIVITIES).nullable().optional(),
    }),
  ),
  listPrincipals: method<PrincipalSummary[]>()(z.object({ risk: z.enum(RISK_CLASSES).optional(), text: z.string().max(200).optional() })),
  credentialLinks: method<AgentCredentialLinks>()(z.object({ agentId: AgentId })),
  linkCredential: method<AgentCredentialLinks>()(z.object({ agentId: AgentId, principalKey: Key, reason: z.string().trim().max(2000).default('') })),
  /** Removes a person's link, or overrules an automatic one (kept as a decision, so a re-import does not bring it back). */
  unlinkCredential: method<AgentCredentialLinks>()(z.object({ agentId: AgentId, principalKey: Key, reason: z.string().trim().max(2000).default('') })),
} as const;
