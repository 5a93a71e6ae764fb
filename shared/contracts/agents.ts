import { z } from 'zod';
import { method } from './method';
import { AgentDraft, AgentPatch, AgentStatus, TriggerKind, type AgentRecord } from '../agent';
import { AGENT_FLAG_KEYS, type AgentFlag, type Completeness } from '../registry';

/** The agent registry: list, read, create, edit, audit trail. */

export const AGENT_SORT_KEYS = ['name', 'status', 'trigger', 'owner', 'lastReviewed', 'completeness', 'updatedAt'] as const;

export const AgentListQuery = z.object({
  text: z.string().max(200).optional(),
  statuses: z.array(AgentStatus).optional(),
  triggers: z.array(TriggerKind).optional(),
  /** 'none' lists agents without an owner; any other value matches owner name or email. */
  owner: z.string().max(320).optional(),
  flags: z.array(z.enum(AGENT_FLAG_KEYS)).optional(),
  sort: z.enum(AGENT_SORT_KEYS).default('name'),
  direction: z.enum(['asc', 'desc']).default('asc'),
  limit: z.number().int().min(1).max(50_000).default(50_000),
  offset: z.number().int().min(0).default(0),
});
export type AgentListQuery = z.input<typeof AgentListQuery>;

export interface AgentSummary {
  id: string;
  name: string;
  status: AgentStatus;
  triggerKind: TriggerKind;
  schedule: string | null;
  ownerName: string | null;
  ownerEmail: string | null;
  lastReviewed: string | null;
  environment: string;
  vendor: string;
  completeness: Completeness;
  flags: AgentFlag[];
  updatedAt: string;
}
export interface AgentList {
  rows: AgentSummary[];
  /** Rows matching the filter, before limit/offset. */
  total: number;
  /** All agents in the workspace. */
  workspaceTotal: number;
  /** Distinct owners, for the owner filter. */
  owners: string[];
}

export interface AgentDetail extends AgentRecord {
  completeness: Completeness;
  flags: AgentFlag[];
}

export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  entity: 'agent' | 'workspace' | 'candidate' | 'rule' | 'import' | 'data-source' | 'usage-key' | 'model-price' | 'plan';
  entityId: string;
  field: string;
  before: string | null;
  after: string | null;
  /** How the change came: the UI, a registry import, the CLI, the demo seed. */
  via: string;
}

export const agentsContract = {
  listAgents: method<AgentList>()(AgentListQuery),
  getAgent: method<AgentDetail>()(z.object({ id: z.string().min(1).max(100) })),
  createAgent: method<AgentDetail>()(z.object({ draft: AgentDraft })),
  updateAgent: method<AgentDetail>()(z.object({ id: z.string().min(1).max(100), patch: AgentPatch })),
  agentAudit: method<AuditEntry[]>()(z.object({ id: z.string().min(1).max(100) })),
} as const;
