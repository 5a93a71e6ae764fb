import { AGENT_STATUSES, AgentFields, DataAccess, IsoDate, isOtherDataAccess, Owner, Rollback, Trigger, TRIGGER_KINDS } from '../../shared/agent';
import { isOwnerEmail } from './cell-values';
import { rememberPassing } from './remembered-check';

/**
 * A hand-written check of an agent a registry row would create, for the common well-formed row:
 * zod's parse of the whole AgentDraft cost about a tenth of a 10,000-row import. It answers true
 * only when AgentDraft would accept the agent; false means "not sure", and the caller asks the
 * schema, which also says what is wrong. So it may be stricter than the schema (arrays past
 * FAST_CHECKED_ITEMS, untrimmed text) but never looser, and the limits are the schema's own.
 */
export function surelyValidAgent(agent: AgentFields): boolean {
  return (
    trimmedTextFits(agent.name, NAME) &&
    STATUSES.has(agent.status) &&
    triggerFits(agent.trigger) &&
    dataAccessFits(agent.dataAccess) &&
    credentialsFit(agent.credentials) &&
    ownerFits(agent.owner) &&
    dateFits(agent.lastReviewed) &&
    rollbackFits(agent.rollback) &&
    textFits(agent.description, DESCRIPTION) &&
    textFits(agent.vendor, VENDOR) &&
    textFits(agent.environment, ENVIRONMENT) &&
    notesFit(agent.notes)
  );
}

interface Lengths {
  min: number;
  max: number;
}

/** A string schema's bounds; a schema without a maximum gets one no text meets, so its values always go to the schema. */
function lengthsOf(schema: { minLength: number | null; maxLength: number | null }): Lengths {
  return { min: schema.minLength ?? 0, max: schema.maxLength ?? -1 };
}

const fields = AgentFields.shape;
const NAME = lengthsOf(fields.name);
const SCHEDULE = lengthsOf(Trigger.shape.schedule.unwrap());
const SOURCE = lengthsOf(DataAccess.shape.source);
const CREDENTIAL = lengthsOf(fields.credentials.element);
const OWNER_NAME = lengthsOf(Owner.shape.name);
const PROCEDURE = lengthsOf(Rollback.shape.procedure.unwrap());
const DESCRIPTION = lengthsOf(fields.description);
const VENDOR = lengthsOf(fields.vendor);
const ENVIRONMENT = lengthsOf(fields.environment);
const NOTE_HEADER = lengthsOf(fields.notes.keyType);
const NOTE_TEXT = lengthsOf(fields.notes.valueType);
const STATUSES = new Set<string>(AGENT_STATUSES);
const TRIGGERS = new Set<string>(TRIGGER_KINDS);
/** The schema's own rule for a date, remembered per distinct value (as the owner's email is, by the cell reader). */
const isDate = rememberPassing((text) => IsoDate.safeParse(text).success);

/**
 * Lists longer than this go to the schema. Below the schema's own maximum (500, which zod keeps
 * in no public property); draft-fast-check.test.ts checks the schema takes this many.
 */
export const FAST_CHECKED_ITEMS = 50;

/** Text the schema trims before measuring: as long as it is untrimmed, it fits trimmed too. */
function textFits(value: unknown, lengths: Lengths): boolean {
  return typeof value === 'string' && value.length <= lengths.max;
}

/** Text with a minimum after trimming: only already-trimmed text is measured here. */
function trimmedTextFits(value: unknown, lengths: Lengths): boolean {
  return typeof value === 'string' && value.length >= lengths.min && value.length <= lengths.max && value.trim() === value;
}

function triggerFits(trigger: AgentFields['trigger']): boolean {
  return typeof trigger === 'object' && trigger !== null && TRIGGERS.has(trigger.kind) && (trigger.schedule === null || textFits(trigger.schedule, SCHEDULE));
}

function dataAccessFits(list: AgentFields['dataAccess']): boolean {
  if (!Array.isArray(list) || list.length > FAST_CHECKED_ITEMS) return false;
  for (const entry of list) {
    if (typeof entry !== 'object' || entry === null || !trimmedTextFits(entry.source, SOURCE)) return false;
    const access: unknown = entry.access;
    if (access !== 'read' && access !== 'write' && !(typeof access === 'string' && isOtherDataAccess(access))) return false;
  }
  return true;
}

function credentialsFit(list: AgentFields['credentials']): boolean {
  if (!Array.isArray(list) || list.length > FAST_CHECKED_ITEMS) return false;
  for (const credential of list) if (!trimmedTextFits(credential, CREDENTIAL)) return false;
  return true;
}

function ownerFits(owner: AgentFields['owner']): boolean {
  if (owner === null) return true;
  // The email is checked by the schema's own rule (the same one the owner cells were read with).
  return typeof owner === 'object' && trimmedTextFits(owner.name, OWNER_NAME) && (owner.email === '' || isOwnerEmail(owner.email));
}

function dateFits(date: string | null): boolean {
  return date === null || (typeof date === 'string' && isDate(date));
}

function rollbackFits(rollback: AgentFields['rollback']): boolean {
  return typeof rollback === 'object' && rollback !== null && (rollback.procedure === null || textFits(rollback.procedure, PROCEDURE)) && dateFits(rollback.lastRehearsed);
}

function notesFit(notes: AgentFields['notes']): boolean {
  if (typeof notes !== 'object' || notes === null) return false;
  const prototype: unknown = Object.getPrototypeOf(notes);
  if (prototype !== Object.prototype && prototype !== null) return false;
  for (const header of Object.keys(notes)) {
    if (header.length > NOTE_HEADER.max || !textFits(notes[header], NOTE_TEXT)) return false;
  }
  return true;
}
