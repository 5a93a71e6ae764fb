import { DEFAULT_AGENT_FIELDS, type AgentFields, type AgentStatus, type DataAccess, type Owner, type TriggerKind } from '../../shared/agent';

/**
 * What one spreadsheet row says about an agent: only the columns present in the file. Trigger,
 * owner and rollback are partial because a file may carry one half of them (an "Owner" column
 * but no email column); the half it does not carry keeps its current value.
 */
export interface RegistryRowFields {
  name?: string;
  status?: AgentStatus;
  trigger?: { kind?: TriggerKind; schedule?: string | null };
  dataAccess?: DataAccess[];
  credentials?: string[];
  /** null: the file's owner cells are blank, so the agent has no owner. */
  owner?: { name?: string; email?: string } | null;
  lastReviewed?: string | null;
  rollback?: { procedure?: string | null; lastRehearsed?: string | null };
  description?: string;
  vendor?: string;
  environment?: string;
}

/**
 * What a new agent starts from. One object serves every row, and drafts share its untouched parts,
 * so it is frozen: a consumer that mutated a draft would otherwise change every later create.
 */
export const NEW_AGENT_BASE: AgentFields = deepFreeze(structuredClone({ ...DEFAULT_AGENT_FIELDS, name: '' }));

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) for (const child of Object.values(value)) deepFreeze(child);
  return Object.freeze(value);
}

/** The agent after the row is applied: a create applies it to the defaults, an update to the agent. */
export function applyRegistryRow(base: AgentFields, fields: RegistryRowFields, notes: Record<string, string>): AgentFields {
  const { trigger, rollback } = fields;
  return {
    name: fields.name ?? base.name,
    status: fields.status ?? base.status,
    trigger: trigger ? { kind: trigger.kind ?? base.trigger.kind, schedule: trigger.schedule !== undefined ? trigger.schedule : base.trigger.schedule } : base.trigger,
    dataAccess: fields.dataAccess ?? base.dataAccess,
    credentials: fields.credentials ?? base.credentials,
    owner: fields.owner === undefined ? base.owner : mergeOwner(base.owner, fields.owner),
    lastReviewed: fields.lastReviewed !== undefined ? fields.lastReviewed : base.lastReviewed,
    rollback: rollback
      ? {
          procedure: rollback.procedure !== undefined ? rollback.procedure : base.rollback.procedure,
          lastRehearsed: rollback.lastRehearsed !== undefined ? rollback.lastRehearsed : base.rollback.lastRehearsed,
        }
      : base.rollback,
    description: fields.description ?? base.description,
    vendor: fields.vendor ?? base.vendor,
    environment: fields.environment ?? base.environment,
    notes: mergeNotes(base.notes, notes),
  };
}

/**
 * An owner needs a name; a bare email stands in for it rather than inventing one. The current
 * name and email are kept only while the row still describes the same person.
 */
function mergeOwner(current: Owner | null, row: { name?: string; email?: string } | null): Owner | null {
  if (row === null) return null;
  const same = current !== null && isSamePerson(current, row);
  const name = row.name ?? (same ? current.name : (row.email ?? ''));
  const email = row.email ?? (same ? current.email : '');
  return name === '' ? null : { name, email };
}

function isSamePerson(current: Owner, row: { name?: string; email?: string }): boolean {
  if (row.name !== undefined) return row.name === current.name;
  return !row.email || current.email === '' || row.email.toLowerCase() === current.email.toLowerCase();
}

/**
 * A note column with a blank cell removes that note; notes from columns not in the file stay.
 * Built through a Map so a header such as "__proto__" is an ordinary key, not a prototype.
 */
function mergeNotes(current: Record<string, string>, row: Record<string, string>): Record<string, string> {
  const keys = Object.keys(row);
  // Re-importing the same file is the common case: keep the current object when nothing changes.
  if (keys.every((key) => (row[key] === '' ? !Object.hasOwn(current, key) : Object.hasOwn(current, key) && current[key] === row[key]))) return current;
  const merged = new Map(Object.entries(current));
  for (const key of keys) {
    if (row[key] === '') merged.delete(key);
    else merged.set(key, row[key]!);
  }
  return Object.fromEntries(merged);
}
