import { AgentDraft } from '../../shared/agent';
import { isTeamOwner } from '../../shared/registry';
import type { RegistryRowError } from '../../shared/contract';
import { cleanCell } from './cell-text';
import { surelyValidAgent } from './draft-fast-check';
import {
  parseCredentials,
  parseDataAccess,
  parseOwnerCell,
  parseOwnerEmail,
  parseRegistryDate,
  parseStatus,
  parseTrigger,
  type Parsed,
} from './cell-values';
import type { RegistryColumnField, RegistryColumnMap } from './columns';
import { applyRegistryRow, NEW_AGENT_BASE, type RegistryRowFields } from './merge-row';
import type { RegistryTableRow } from './table';

export interface ParsedRegistryRow {
  rowNumber: number;
  /** The id cell, when the file has an id column and the cell is filled. */
  id: string | null;
  fields: RegistryRowFields;
  /** Every note column of the file, '' where the cell is blank (a blank removes the note). */
  notes: Record<string, string>;
  errors: RegistryRowError[];
  /** What was understood but should be looked at (an access that is neither read nor write, a team as owner). */
  warnings: RegistryRowError[];
}

/** One row being read; passed to module-level helpers so no closures are made per row. */
interface RowContext {
  rowNumber: number;
  /** The row's cells, cleaned once (see cleanCell). */
  cells: string[];
  map: RegistryColumnMap;
  errors: RegistryRowError[];
  warnings: RegistryRowError[];
}

/** The cleaned cell of a field, or undefined when the file has no such column. */
function cellOf(ctx: RowContext, field: RegistryColumnField): string | undefined {
  const column = ctx.map.byField[field];
  return column ? ctx.cells[column.index] : undefined;
}

/** The parsed value, or undefined after recording the cell's error. */
function take<T>(ctx: RowContext, field: RegistryColumnField, parsed: Parsed<T>): T | undefined {
  if (parsed.ok) return parsed.value;
  ctx.errors.push({ row: ctx.rowNumber, column: ctx.map.byField[field]!.header, message: parsed.error });
  return undefined;
}

/** Reads one row: typed values for the columns the file has, and an error per bad cell. */
export function parseRegistryRow(row: RegistryTableRow, map: RegistryColumnMap): ParsedRegistryRow {
  const ctx: RowContext = { rowNumber: row.rowNumber, cells: row.cells.map(cleanCell), map, errors: [], warnings: [] };
  const fields: RegistryRowFields = {};

  const name = cellOf(ctx, 'name');
  if (name !== undefined) fields.name = name;
  const statusText = cellOf(ctx, 'status');
  const status = statusText === undefined ? undefined : take(ctx, 'status', parseStatus(statusText));
  if (status !== undefined) fields.status = status;

  const trigger = readTrigger(ctx);
  if (trigger) fields.trigger = trigger;
  const dataAccessText = cellOf(ctx, 'dataAccess');
  const dataAccess = dataAccessText === undefined ? undefined : take(ctx, 'dataAccess', parseDataAccess(dataAccessText));
  if (dataAccess) {
    fields.dataAccess = dataAccess.value;
    for (const message of dataAccess.warnings) warn(ctx, 'dataAccess', message);
  }
  const credentials = cellOf(ctx, 'credentials');
  if (credentials !== undefined) fields.credentials = parseCredentials(credentials);
  const owner = readOwner(ctx);
  if (owner !== undefined) fields.owner = owner;
  const ownerShown = owner ? (owner.name ?? owner.email ?? '') : '';
  if (owner && ownerShown !== '' && isTeamOwner({ name: ownerShown, email: owner.email ?? '' })) {
    warn(ctx, map.byField.owner ? 'owner' : 'ownerEmail', `"${ownerShown}" looks like a team, not a person; imported as it is, and flagged until a person owns the agent.`);
  }

  const reviewedText = cellOf(ctx, 'lastReviewed');
  const lastReviewed = reviewedText === undefined ? undefined : take(ctx, 'lastReviewed', parseRegistryDate(reviewedText));
  if (lastReviewed !== undefined) fields.lastReviewed = lastReviewed;
  const rollback = readRollback(ctx);
  if (rollback) fields.rollback = rollback;

  const description = cellOf(ctx, 'description');
  if (description !== undefined) fields.description = description;
  const vendor = cellOf(ctx, 'vendor');
  if (vendor !== undefined) fields.vendor = vendor;
  const environment = cellOf(ctx, 'environment');
  if (environment !== undefined) fields.environment = environment;

  const notes: Record<string, string> = {};
  for (const column of map.noteColumns) {
    // defineProperty: a header such as "__proto__" must be an ordinary key.
    Object.defineProperty(notes, column.header, { value: ctx.cells[column.index], enumerable: true, writable: true, configurable: true });
  }
  if (ctx.errors.length === 0) ctx.errors.push(...schemaErrors(row.rowNumber, fields, notes, map));
  return { rowNumber: row.rowNumber, id: cellOf(ctx, 'id') || null, fields, notes, errors: ctx.errors, warnings: ctx.warnings };
}

function warn(ctx: RowContext, field: RegistryColumnField, message: string): void {
  ctx.warnings.push({ row: ctx.rowNumber, column: ctx.map.byField[field]?.header ?? '', message });
}

/** Kind from the trigger cell; schedule from a filled schedule column, else from the trigger cell. */
function readTrigger(ctx: RowContext): RegistryRowFields['trigger'] {
  const triggerText = cellOf(ctx, 'trigger');
  const scheduleText = cellOf(ctx, 'schedule');
  if (triggerText === undefined && scheduleText === undefined) return undefined;
  const parsed = triggerText === undefined ? undefined : take(ctx, 'trigger', parseTrigger(triggerText));
  if (triggerText !== undefined && parsed === undefined) return undefined;
  const trigger: NonNullable<RegistryRowFields['trigger']> = {};
  if (parsed) trigger.kind = parsed.kind;
  if (scheduleText) trigger.schedule = scheduleText;
  else if (parsed?.schedule !== undefined) trigger.schedule = parsed.schedule;
  else if (scheduleText === '') trigger.schedule = null;
  return trigger;
}

function readRollback(ctx: RowContext): RegistryRowFields['rollback'] {
  const procedure = cellOf(ctx, 'rollbackProcedure');
  const rehearsedText = cellOf(ctx, 'rollbackLastRehearsed');
  if (procedure === undefined && rehearsedText === undefined) return undefined;
  const rollback: NonNullable<RegistryRowFields['rollback']> = {};
  if (procedure !== undefined) rollback.procedure = procedure === '' ? null : procedure;
  if (rehearsedText !== undefined) {
    const rehearsed = take(ctx, 'rollbackLastRehearsed', parseRegistryDate(rehearsedText));
    if (rehearsed !== undefined) rollback.lastRehearsed = rehearsed;
  }
  return rollback;
}

/**
 * Owner from an "Owner" cell ("Jane Doe <jane@x.com>", an email or a name) and/or an email
 * column. undefined: the file has no owner column (or a cell is wrong); null: no owner.
 */
function readOwner(ctx: RowContext): RegistryRowFields['owner'] {
  const ownerText = cellOf(ctx, 'owner');
  const emailText = cellOf(ctx, 'ownerEmail');
  if (ownerText === undefined && emailText === undefined) return undefined;
  const fromCell = ownerText === undefined ? {} : take(ctx, 'owner', parseOwnerCell(ownerText));
  const emailColumn = emailText === undefined ? undefined : take(ctx, 'ownerEmail', parseOwnerEmail(emailText));
  if (fromCell === undefined || (emailText !== undefined && emailColumn === undefined)) return undefined;
  if (emailColumn && fromCell.email && emailColumn.toLowerCase() !== fromCell.email.toLowerCase()) {
    take(ctx, 'ownerEmail', { ok: false, error: `"${emailColumn}" differs from the email in the owner cell ("${fromCell.email}"); keep one of the two.` });
    return undefined;
  }
  const email = emailColumn ? emailColumn : (fromCell.email ?? emailColumn);
  if (ownerText !== undefined && fromCell.name === undefined && !email) return null;
  const owner: { name?: string; email?: string } = {};
  if (fromCell.name !== undefined) owner.name = fromCell.name;
  if (email !== undefined) owner.email = email;
  return owner;
}

/** Which column a schema issue belongs to, from the issue's path in AgentFields. */
const COLUMN_OF_PATH: Record<string, RegistryColumnField[]> = {
  name: ['name'],
  status: ['status'],
  'trigger.kind': ['trigger'],
  'trigger.schedule': ['schedule', 'trigger'],
  dataAccess: ['dataAccess'],
  credentials: ['credentials'],
  'owner.name': ['owner', 'ownerEmail'],
  'owner.email': ['ownerEmail', 'owner'],
  lastReviewed: ['lastReviewed'],
  'rollback.procedure': ['rollbackProcedure'],
  'rollback.lastRehearsed': ['rollbackLastRehearsed'],
  description: ['description'],
  vendor: ['vendor'],
  environment: ['environment'],
};

/** Validates the agent this row would create with the shared schema, so limits live in one place. */
function schemaErrors(rowNumber: number, fields: RegistryRowFields, notes: Record<string, string>, map: RegistryColumnMap): RegistryRowError[] {
  const candidate = applyRegistryRow(NEW_AGENT_BASE, fields, notes);
  if (surelyValidAgent(candidate)) return [];
  const result = AgentDraft.safeParse(candidate);
  if (result.success) return [];
  return result.error.issues.map((issue) => {
    const [top, second] = issue.path.map(String);
    const column =
      top === 'notes'
        ? (second ?? '')
        : ((COLUMN_OF_PATH[`${top}.${second}`] ?? COLUMN_OF_PATH[top ?? ''] ?? []).map((f) => map.byField[f]?.header).find((h) => h !== undefined) ?? '');
    return { row: rowNumber, column, message: issueMessage(issue) };
  });
}

interface SchemaIssue {
  code: string;
  message: string;
  maximum?: unknown;
  origin?: unknown;
  /** A record key's own issues (a note header that is too long). */
  issues?: SchemaIssue[];
}

function issueMessage(issue: SchemaIssue): string {
  const limit = (i: SchemaIssue) => `at most ${String(i.maximum)} ${i.origin === 'array' ? 'items' : 'characters'}`;
  if (issue.code === 'invalid_key') {
    const keyIssue = issue.issues?.[0];
    return keyIssue?.code === 'too_big' ? `this header is too long to keep as a note: ${limit(keyIssue)}.` : 'this header cannot be kept as a note.';
  }
  if (issue.code === 'too_big') return `too long: ${limit(issue)}.`;
  return issue.message.endsWith('.') ? issue.message : `${issue.message}.`;
}
