import type { AgentStatus, TriggerKind } from '../../../shared/agent';
import { AGENT_FLAGS, REGISTRY_FIELDS, type AgentFlag, type RegistryFieldKey } from '../../../shared/registry';
import type { BadgeTone } from '../ui/Badge';

export const STATUS_LABELS: Record<AgentStatus, string> = {
  candidate: 'Candidate',
  confirmed: 'Confirmed',
  dismissed: 'Dismissed',
  retired: 'Retired',
};

export const STATUS_TONES: Record<AgentStatus, BadgeTone> = {
  candidate: 'accent',
  confirmed: 'success',
  dismissed: 'muted',
  retired: 'neutral',
};

export const TRIGGER_LABELS: Record<TriggerKind, string> = {
  cron: 'Cron',
  webhook: 'Webhook',
  user: 'User',
  event: 'Event',
  chained: 'Chained',
  unknown: 'Unknown',
};

/** Short names for the table's flag badges; AGENT_FLAGS holds the full explanation. */
export const FLAG_SHORT_LABELS: Record<AgentFlag, string> = {
  'no-owner': 'No owner',
  'owner-is-team': 'Team owner',
  'review-stale': 'Review stale',
  'no-rollback': 'No rollback',
};

/** Nobody accountable is the one flag in red; the others are things to fix. */
export const FLAG_TONES: Record<AgentFlag, BadgeTone> = {
  'no-owner': 'danger',
  'owner-is-team': 'warning',
  'review-stale': 'warning',
  'no-rollback': 'warning',
};

export const flagExplanation = (flag: AgentFlag): string => AGENT_FLAGS[flag];

const FIELD_LABELS = Object.fromEntries(REGISTRY_FIELDS.map((f) => [f.key, f.label])) as Record<RegistryFieldKey, string>;
export const registryFieldLabel = (key: RegistryFieldKey): string => FIELD_LABELS[key];

const AGENT_FIELD_LABELS: Record<string, string> = {
  created: 'Created',
  name: 'Name',
  status: 'Status',
  trigger: 'Trigger',
  dataAccess: 'Data access scope',
  credentials: 'Credentials',
  owner: 'Owner',
  lastReviewed: 'Last reviewed',
  rollback: 'Rollback',
  description: 'Description',
  vendor: 'Vendor',
  environment: 'Environment',
  notes: 'Notes',
  review: 'Review',
};

/** Audit entries name fields by key; unknown keys (from newer engines) are shown as written. */
export const agentFieldLabel = (field: string): string => AGENT_FIELD_LABELS[field] ?? field;

const IMPORT_COLUMN_LABELS: Record<string, string> = {
  id: 'Agent id',
  name: 'Name',
  status: 'Status',
  trigger: 'Trigger',
  schedule: 'Schedule',
  dataAccess: 'Data access scope',
  credentials: 'Credentials',
  owner: 'Owner name',
  ownerEmail: 'Owner email',
  lastReviewed: 'Last reviewed',
  rollbackProcedure: 'Rollback procedure',
  rollbackLastRehearsed: 'Rollback last rehearsed',
  description: 'Description',
  vendor: 'Vendor',
  environment: 'Environment',
};

/** The field an imported column fills, as the import preview names it; unknown names are shown as written. */
export const importColumnLabel = (field: string): string => IMPORT_COLUMN_LABELS[field] ?? field;
