import { DEFAULT_AGENT_FIELDS, type AgentDraft, type AgentFields, type AgentPatch } from '../../shared/agent';
import type { RegistryImportPreview, RegistryPreviewRow, RegistryRowError, RegistryRowMatch, RegistryRowWarning } from '../../shared/contract';
import { columnMappings } from './columns';
import { applyRegistryRow, NEW_AGENT_BASE } from './merge-row';
import type { ParsedRegistryFile } from './parse-file';
import type { ParsedRegistryRow } from './parse-row';

export interface ExistingAgent {
  id: string;
  fields: AgentFields;
}

export type RegistryImportOperation =
  | { kind: 'create'; rowNumber: number; draft: AgentDraft }
  | { kind: 'update'; rowNumber: number; id: string; patch: AgentPatch };

export interface RegistryImportPlan {
  preview: RegistryImportPreview;
  /**
   * Creates and updates of the valid rows, in file order. Apply them only when every error is in
   * a skipped row (preview.errors is empty once skipRows is applied): an import is all or nothing.
   */
  operations: RegistryImportOperation[];
  /** Rows left out because the caller asked to skip them. */
  skipped: number[];
}

export interface PlanOptions {
  /** Row numbers to leave out, as if the file did not have them (an explicit "skip the bad rows"). */
  skipRows?: readonly number[];
}

/**
 * Compares a parsed file with the agents in the workspace. Rows match by id when the workspace
 * knows the id; an id it does not know came from another workspace's export, so the row matches
 * by name (ignoring case and surrounding spaces) like a row without id, or is a new agent. Each
 * row becomes a create, an update of only the fields whose value differs, or nothing. Columns the
 * file does not have leave the agent as it is.
 */
export function planRegistryImport(parsed: ParsedRegistryFile, existing: ExistingAgent[], options: PlanOptions = {}): RegistryImportPlan {
  const byId = new Map(existing.map((a) => [a.id, a]));
  const byName = new Map<string, ExistingAgent[]>();
  for (const agent of existing) {
    const key = nameKey(agent.fields.name);
    const list = byName.get(key);
    if (list) list.push(agent);
    else byName.set(key, [agent]);
  }
  const idHeader = parsed.columns.byField.id?.header ?? '';
  const nameHeader = parsed.columns.byField.name!.header;
  const skip = new Set(options.skipRows ?? []);

  const errors: RegistryRowError[] = [...parsed.columns.errors];
  const warnings: RegistryRowWarning[] = [];
  const rows: RegistryPreviewRow[] = [];
  const invalidRows: number[] = [];
  const skipped: number[] = [];
  const operations: RegistryImportOperation[] = [];
  const firstRowFor = new Map<string, number>();
  const totals = { rows: 0, valid: 0, invalid: 0, create: 0, update: 0, unchanged: 0, warnings: 0 };

  for (const row of parsed.rows) {
    if (skip.has(row.rowNumber)) {
      skipped.push(row.rowNumber);
      continue;
    }
    totals.rows++;
    const rowName = nameKey(row.fields.name ?? '');
    const match = matchAgent(row, rowName, byId, byName, nameHeader);
    const rowErrors = match.error ? [...row.errors, match.error] : [...row.errors];
    const agentKey = match.agent ? `id:${match.agent.id}` : `name:${rowName}`;
    const earlier = firstRowFor.get(agentKey);
    if (rowErrors.length === 0 && earlier !== undefined) {
      rowErrors.push({ row: row.rowNumber, column: match.kind === 'id' ? idHeader : nameHeader, message: `this agent is already in row ${earlier}; keep one row per agent.` });
    }
    if (row.warnings.length > 0) {
      warnings.push(...row.warnings);
      totals.warnings += row.warnings.length;
    }
    const agentId = match.agent?.id ?? null;
    if (rowErrors.length > 0) {
      errors.push(...rowErrors);
      invalidRows.push(row.rowNumber);
      totals.invalid++;
      rows.push(previewRow(row, row.fields.name ?? '', match.kind, agentId, rowErrors, 'invalid', []));
      continue;
    }
    firstRowFor.set(agentKey, row.rowNumber);
    totals.valid++;

    const base = match.agent?.fields ?? NEW_AGENT_BASE;
    const next = applyRegistryRow(base, row.fields, row.notes);
    const changed = changedFields(base, next);
    if (!match.agent) {
      totals.create++;
      operations.push({ kind: 'create', rowNumber: row.rowNumber, draft: next });
      rows.push(previewRow(row, next.name, match.kind, agentId, rowErrors, 'create', changed));
      continue;
    }
    if (changed.length === 0) totals.unchanged++;
    else {
      totals.update++;
      operations.push({ kind: 'update', rowNumber: row.rowNumber, id: match.agent.id, patch: Object.fromEntries(changed.map((k) => [k, next[k]])) });
    }
    rows.push(previewRow(row, next.name, match.kind, agentId, rowErrors, changed.length === 0 ? 'unchanged' : 'update', changed));
  }

  errors.sort((a, b) => a.row - b.row);
  return {
    preview: { format: parsed.format, fileName: parsed.fileName, columns: columnMappings(parsed.columns), rows, errors, warnings, invalidRows, totals },
    operations,
    skipped,
  };
}

const nameKey = (name: string) => name.trim().replace(/\s+/g, ' ').toLowerCase();

/** One row of the preview, made in one go (a row of a 10,000-row sheet is not built twice). */
function previewRow(
  row: ParsedRegistryRow,
  name: string,
  match: RegistryRowMatch,
  agentId: string | null,
  errors: RegistryRowError[],
  action: RegistryPreviewRow['action'],
  changedFields: RegistryPreviewRow['changedFields'],
): RegistryPreviewRow {
  return { row: row.rowNumber, name, match, agentId, warnings: row.warnings, errors, action, changedFields };
}

interface RowMatch {
  kind: RegistryRowMatch;
  agent?: ExistingAgent;
  error?: RegistryRowError;
}

function matchAgent(row: ParsedRegistryRow, rowName: string, byId: Map<string, ExistingAgent>, byName: Map<string, ExistingAgent[]>, nameHeader: string): RowMatch {
  if (row.id !== null) {
    const agent = byId.get(row.id);
    if (agent) return { kind: 'id', agent };
  }
  const foreignId = row.id !== null;
  const named = byName.get(rowName) ?? [];
  if (named.length > 1) {
    return {
      kind: foreignId ? 'foreign-id-name' : 'name',
      error: {
        row: row.rowNumber,
        column: nameHeader,
        message: `ambiguous: ${named.length} agents in this workspace are named "${row.fields.name}"; add an id column (export the registry to get the ids) to say which one.`,
      },
    };
  }
  if (named[0]) return { kind: foreignId ? 'foreign-id-name' : 'name', agent: named[0] };
  return { kind: foreignId ? 'foreign-id-new' : 'new' };
}

const COMPARED_KEYS = ['name', ...Object.keys(DEFAULT_AGENT_FIELDS)] as Array<keyof AgentFields>;

function changedFields(before: AgentFields, after: AgentFields): Array<keyof AgentFields> {
  const changed: Array<keyof AgentFields> = [];
  for (const key of COMPARED_KEYS) if (!sameValue(before[key], after[key])) changed.push(key);
  return changed;
}

/** Deep equality for the plain data of AgentFields (strings, null, arrays, records); allocates nothing. */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameValue(a[i], b[i])) return false;
    return true;
  }
  const aRecord = a as Record<string, unknown>;
  const bRecord = b as Record<string, unknown>;
  let keys = 0;
  for (const key in aRecord) {
    if (!Object.hasOwn(bRecord, key) || !sameValue(aRecord[key], bRecord[key])) return false;
    keys++;
  }
  for (const key in bRecord) if (Object.hasOwn(bRecord, key)) keys--;
  return keys === 0;
}
