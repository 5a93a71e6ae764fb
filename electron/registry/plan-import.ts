import { DEFAULT_AGENT_FIELDS, type AgentDraft, type AgentFields, type AgentPatch } from '../../shared/agent';
import type { RegistryImportPreview, RegistryPreviewRow, RegistryRowError } from '../../shared/contract';
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
  /** Creates and updates of the valid rows, in file order. Apply them only when preview.errors is empty: an import is all or nothing. */
  operations: RegistryImportOperation[];
}

/**
 * Compares a parsed file with the agents in the workspace. Rows match by id when the file has
 * one, else by name ignoring case; each row becomes a create, an update of only the fields whose
 * value differs, or nothing. Columns the file does not have leave the agent as it is.
 */
export function planRegistryImport(parsed: ParsedRegistryFile, existing: ExistingAgent[]): RegistryImportPlan {
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

  const errors: RegistryRowError[] = [...parsed.columns.errors];
  const rows: RegistryPreviewRow[] = [];
  const operations: RegistryImportOperation[] = [];
  const firstRowFor = new Map<string, number>();
  const totals = { rows: parsed.rows.length, valid: 0, invalid: 0, create: 0, update: 0, unchanged: 0 };

  for (const row of parsed.rows) {
    const match = matchAgent(row, byId, byName, idHeader, nameHeader);
    const rowErrors = match.error ? [...row.errors, match.error] : [...row.errors];
    const agentKey = match.agent ? `id:${match.agent.id}` : `name:${nameKey(row.fields.name ?? '')}`;
    const earlier = firstRowFor.get(agentKey);
    if (rowErrors.length === 0 && earlier !== undefined) {
      rowErrors.push({ row: row.rowNumber, column: match.agent && row.id ? idHeader : nameHeader, message: `this agent is already in row ${earlier}; keep one row per agent.` });
    }
    if (rowErrors.length > 0) {
      errors.push(...rowErrors);
      totals.invalid++;
      continue;
    }
    firstRowFor.set(agentKey, row.rowNumber);
    totals.valid++;

    const base = match.agent?.fields ?? NEW_AGENT_BASE;
    const next = applyRegistryRow(base, row.fields, row.notes);
    if (!match.agent) {
      totals.create++;
      operations.push({ kind: 'create', rowNumber: row.rowNumber, draft: next });
      rows.push({ row: row.rowNumber, name: next.name, action: 'create', agentId: null, changedFields: changedFields(base, next) });
      continue;
    }
    const changed = changedFields(base, next);
    if (changed.length === 0) totals.unchanged++;
    else {
      totals.update++;
      operations.push({ kind: 'update', rowNumber: row.rowNumber, id: match.agent.id, patch: Object.fromEntries(changed.map((k) => [k, next[k]])) });
    }
    rows.push({ row: row.rowNumber, name: next.name, action: 'update', agentId: match.agent.id, changedFields: changed });
  }

  errors.sort((a, b) => a.row - b.row);
  return {
    preview: { format: parsed.format, fileName: parsed.fileName, columns: columnMappings(parsed.columns), rows, errors, totals },
    operations,
  };
}

const nameKey = (name: string) => name.trim().toLowerCase();

function matchAgent(
  row: ParsedRegistryRow,
  byId: Map<string, ExistingAgent>,
  byName: Map<string, ExistingAgent[]>,
  idHeader: string,
  nameHeader: string,
): { agent?: ExistingAgent; error?: RegistryRowError } {
  if (row.id !== null) {
    const agent = byId.get(row.id);
    return agent
      ? { agent }
      : { error: { row: row.rowNumber, column: idHeader, message: `no agent in this workspace has the id "${row.id}"; clear the id cell to add it as a new agent.` } };
  }
  const named = byName.get(nameKey(row.fields.name ?? '')) ?? [];
  if (named.length > 1) {
    return {
      error: {
        row: row.rowNumber,
        column: nameHeader,
        message: `ambiguous: ${named.length} agents in this workspace are named "${row.fields.name}"; add an id column (export the registry to get the ids) to say which one.`,
      },
    };
  }
  return named[0] ? { agent: named[0] } : {};
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
