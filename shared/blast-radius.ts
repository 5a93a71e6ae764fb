import type { AccessLevel, CloudProvider, DataSourceKind, Environment, PrincipalKind, RiskClass, Sensitivity, StatementRef } from './iam';

/**
 * What an agent can touch if it goes wrong: agent -> credentials -> principals (and the roles they
 * can assume) -> data sources. The same graph answers the reverse question (every agent that can
 * reach one data source, and how). Computed from the identity graph and decisions, never stored.
 */

export type GraphNodeKind = 'agent' | 'credential' | 'principal' | 'data-source';

export interface GraphNode {
  /** Unique in the graph: "agent:<id>", "credential:<key>", "principal:<key>", "data-source:<key>". */
  id: string;
  kind: GraphNodeKind;
  label: string;
  /** Second line: provider + kind, account/project, "conditional", ... */
  detail: string;
  provider: CloudProvider | null;
  /** Account, project, tenant or cluster: what "collapse by account" groups on. */
  scope: string;
  /** Service for data sources ("s3"), principal kind for principals: what "collapse by service" groups on. */
  group: string;
  principalKind?: PrincipalKind;
  dataSourceKind?: DataSourceKind;
  environment?: Environment;
  sensitivity?: Sensitivity;
  /** 'shared-credential', 'public-trust', 'foreign-trust', 'wildcard', 'focus', risk classes, ... */
  flags: string[];
}

export type GraphEdgeKind = 'holds' | 'authenticates-as' | 'member-of' | 'can-assume' | 'grants';

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  kind: GraphEdgeKind;
  /** For grants: the highest access over every statement joining the two. */
  access: AccessLevel | null;
  conditional: boolean;
  riskClasses: RiskClass[];
  /** Why the edge exists: the statements and bindings (grants, trusts), or the link reason ("named in discovery", "linked by ana"). */
  via: StatementRef[];
  reason: string;
}

/** One way an agent reaches a data source, read left to right in the path table. */
export interface BlastPath {
  agentId: string;
  agentName: string;
  credential: string;
  /** Principal names from the one the credential authenticates as to the one holding the grant. */
  principals: string[];
  dataSourceKey: string;
  dataSourceName: string;
  environment: Environment;
  sensitivity: Sensitivity;
  access: AccessLevel;
  conditional: boolean;
  riskClasses: RiskClass[];
  via: StatementRef[];
}

export interface BlastRadius {
  focus: { kind: 'agent'; agentId: string; name: string } | { kind: 'data-source'; key: string; name: string };
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** Every path, worst first (restricted prod data with write access at the top). */
  paths: BlastPath[];
  /** Data sources reached, by sensitivity and highest access: the agent page's summary. */
  summary: Array<{ sensitivity: Sensitivity; access: AccessLevel; count: number }>;
  /** Agents with no credential linked yet, or credentials that match no imported principal: why a graph is empty. */
  gaps: string[];
}
