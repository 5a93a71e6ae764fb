import {
  DEFAULT_AGENT_FIELDS,
  OTHER_ACCESS_PREFIX,
  otherAccessWord,
  type AgentDraft,
  type AgentFields,
  type AgentPatch,
  type AgentStatus,
  type DataAccessLevel,
  type TriggerKind,
} from '../../../../shared/agent';
import type { ApiErrorData } from '../../../../shared/errors';

/**
 * The agent form edits flat strings (what inputs hold); the contract wants nullable, nested
 * fields. This module converts both ways and works out which fields a save must send.
 */

export interface DataAccessRow {
  /** Stable React key, so removing a row in the middle keeps focus and input state on the right rows. */
  key: string;
  source: string;
  /** 'other': access that is neither read nor write, described by `otherAccess` ("send", "publish"). */
  access: DataAccessLevel | 'other';
  otherAccess: string;
}

export interface CredentialRow {
  key: string;
  name: string;
}

export interface AgentFormValues {
  name: string;
  status: AgentStatus;
  triggerKind: TriggerKind;
  schedule: string;
  dataAccess: DataAccessRow[];
  credentials: CredentialRow[];
  ownerName: string;
  ownerEmail: string;
  lastReviewed: string | null;
  rollbackProcedure: string;
  rollbackLastRehearsed: string | null;
  description: string;
  vendor: string;
  environment: string;
}

export type EditableFields = Omit<AgentFields, 'notes'>;
type EditableKey = keyof EditableFields;

export function formValuesOf(fields: EditableFields): AgentFormValues {
  return {
    name: fields.name,
    status: fields.status,
    triggerKind: fields.trigger.kind,
    schedule: fields.trigger.schedule ?? '',
    dataAccess: fields.dataAccess.map((d, i) => {
      const word = otherAccessWord(d.access);
      return { key: `saved-${i}`, source: d.source, access: word === null ? (d.access as DataAccessLevel) : 'other', otherAccess: word ?? '' };
    }),
    credentials: fields.credentials.map((name, i) => ({ key: `saved-${i}`, name })),
    ownerName: fields.owner?.name ?? '',
    ownerEmail: fields.owner?.email ?? '',
    lastReviewed: fields.lastReviewed,
    rollbackProcedure: fields.rollback.procedure ?? '',
    rollbackLastRehearsed: fields.rollback.lastRehearsed,
    description: fields.description,
    vendor: fields.vendor,
    environment: fields.environment,
  };
}

export const emptyFormValues = (): AgentFormValues => formValuesOf({ ...DEFAULT_AGENT_FIELDS, name: '' });

const orNull = (s: string) => (s.trim() === '' ? null : s);

export function fieldsOf(values: AgentFormValues): EditableFields {
  const hasOwner = values.ownerName.trim() !== '' || values.ownerEmail.trim() !== '';
  return {
    name: values.name,
    status: values.status,
    trigger: { kind: values.triggerKind, schedule: orNull(values.schedule) },
    // An empty word gives "other: ", which the engine refuses with an error on this row's access.
    dataAccess: values.dataAccess.map(({ source, access, otherAccess }) => ({ source, access: access === 'other' ? `${OTHER_ACCESS_PREFIX}${otherAccess.trim()}` : access })),
    credentials: values.credentials.map((c) => c.name),
    // Half an owner is sent as is, so the engine can say which half is missing.
    owner: hasOwner ? { name: values.ownerName, email: values.ownerEmail } : null,
    lastReviewed: values.lastReviewed,
    rollback: { procedure: orNull(values.rollbackProcedure), lastRehearsed: values.rollbackLastRehearsed },
    description: values.description,
    vendor: values.vendor,
    environment: values.environment,
  };
}

/** Only the fields that differ from what was loaded, so the audit log records what the person actually changed. */
export function patchOf(original: EditableFields, values: AgentFormValues): AgentPatch {
  const edited = fieldsOf(values);
  const patch: Record<string, unknown> = {};
  for (const key of Object.keys(edited) as EditableKey[]) {
    if (JSON.stringify(edited[key]) !== JSON.stringify(original[key])) patch[key] = edited[key];
  }
  return patch as AgentPatch;
}

export const draftOf = (values: AgentFormValues): AgentDraft => fieldsOf(values);

/**
 * invalid-input details carry zod issue paths such as "patch.owner.email" or
 * "draft.dataAccess.2.source"; the form keys its errors by the same path without the wrapper.
 */
export function fieldErrorsOf(error: ApiErrorData | null): Record<string, string> {
  if (!error || error.code !== 'invalid-input' || !Array.isArray(error.details)) return {};
  const errors: Record<string, string> = {};
  for (const issue of error.details as unknown[]) {
    if (typeof issue !== 'object' || issue === null || !('path' in issue) || !('message' in issue)) continue;
    const { path, message } = issue;
    if (typeof path !== 'string' || typeof message !== 'string') continue;
    const field = path.replace(/^(patch|draft)\.?/, '');
    errors[field] ??= message;
  }
  return errors;
}
