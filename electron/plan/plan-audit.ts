import type { AuditChange } from '../store/audit-log';

/**
 * How the plan writes to the audit log: entity 'plan', the agent's id, and a field naming the
 * item. The burn-up is rebuilt from the status entries, so their shape is fixed here once:
 * before null = created (open), after 'done' = done, before 'done' and after 'open' = reopened.
 */
export const PLAN_START_ENTITY_ID = 'workspace';
export const PLAN_START_FIELD = 'start date';

export const statusField = (itemKey: string) => `task ${itemKey} status`;
/** GLOB for every status field (item keys have no spaces). */
export const STATUS_FIELD_GLOB = 'task * status';
export const itemKeyOfStatusField = (field: string) => field.slice('task '.length, -' status'.length);

export const taskStatusChange = (agentId: string, itemKey: string, before: 'open' | 'done' | null, after: 'open' | 'done'): AuditChange => ({
  entity: 'plan',
  entityId: agentId,
  field: statusField(itemKey),
  before,
  after,
});

export const taskFieldChange = (agentId: string, itemKey: string, what: 'owner' | 'due date', before: string | null, after: string | null): AuditChange => ({
  entity: 'plan',
  entityId: agentId,
  field: `task ${itemKey} ${what}`,
  before,
  after,
});
