import {
  AGENT_STATUSES,
  DATA_ACCESS_NOT_STATED,
  DEFAULT_AGENT_FIELDS,
  type AgentDraft,
  type AgentFields,
  type AgentPatch,
  type AgentRecord,
  type DataAccess,
  type Owner,
} from '../../shared/agent';
import type { AgentDetail, AgentList, AgentSummary, ParsedInputOf } from '../../shared/contract';
import { BackendError } from '../../shared/errors';
import { completenessOf, flagsOf, isTeamOwner, registrySnapshotOf, REVIEW_STALE_AFTER_DAYS, todayIso, type RegistrySnapshot } from '../../shared/registry';
import { appendAudit, type AuditChange, type ChangeAuthor } from '../store/audit-log';
import { newId } from '../store/ids';
import { insertRows } from '../store/insert-rows';
import { statement } from '../store/statements';
import type { Db } from '../store/workspace-file';
import { writeTransaction } from '../store/write-transaction';

/** The agent registry's store: the only place agent rows are read or written with SQL. */

interface AgentRow {
  id: string;
  name: string;
  status: AgentRecord['status'];
  trigger_kind: AgentRecord['trigger']['kind'];
  schedule: string | null;
  owner_name: string | null;
  owner_email: string | null;
  last_reviewed: string | null;
  rollback_procedure: string | null;
  rollback_rehearsed: string | null;
  description: string;
  vendor: string;
  environment: string;
  notes: string;
  created_at: string;
  updated_at: string;
}

const SELECT_AGENT = `SELECT id, name, status, trigger_kind, schedule, owner_name, owner_email, last_reviewed,
  rollback_procedure, rollback_rehearsed, description, vendor, environment, notes, created_at, updated_at FROM agents`;

function recordOf(row: AgentRow, dataAccess: DataAccess[], credentials: string[]): AgentRecord {
  return {
    id: row.id,
    name: row.name,
    status: row.status,
    trigger: { kind: row.trigger_kind, schedule: row.schedule },
    dataAccess,
    credentials,
    owner: row.owner_name === null ? null : { name: row.owner_name, email: row.owner_email ?? '' },
    lastReviewed: row.last_reviewed,
    rollback: { procedure: row.rollback_procedure, lastRehearsed: row.rollback_rehearsed },
    description: row.description,
    vendor: row.vendor,
    environment: row.environment,
    notes: JSON.parse(row.notes) as Record<string, string>,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function getAgentRecord(db: Db, id: string): AgentRecord {
  const row = statement(db, `${SELECT_AGENT} WHERE id = ?`).get(id) as AgentRow | undefined;
  if (!row) throw new BackendError('not-found', `No agent with id ${id} in this workspace. It may have been removed; reload the registry.`);
  const dataAccess = statement(db, 'SELECT source, access FROM agent_data_access WHERE agent_id = ? ORDER BY position').all(id) as DataAccess[];
  const credentials = (statement(db, 'SELECT credential FROM agent_credentials WHERE agent_id = ? ORDER BY position').all(id) as Array<{ credential: string }>).map(
    (r) => r.credential,
  );
  return recordOf(row, dataAccess, credentials);
}

export function getAgentDetail(db: Db, id: string, today = todayIso()): AgentDetail {
  return agentDetailOf(getAgentRecord(db, id), today);
}

/** A record's completeness and flags as of `today`. */
export function agentDetailOf(record: AgentRecord, today = todayIso()): AgentDetail {
  const snapshot = registrySnapshotOf(record);
  return { ...record, completeness: completenessOf(snapshot), flags: flagsOf(snapshot, today) };
}

/** Every agent with all its fields: for exports and for matching imported rows. */
export function allAgentRecords(db: Db): AgentRecord[] {
  const rows = db.prepare(`${SELECT_AGENT} ORDER BY name COLLATE NOCASE, id`).all() as AgentRow[];
  const access = new Map<string, DataAccess[]>();
  for (const r of db.prepare('SELECT agent_id, source, access FROM agent_data_access ORDER BY agent_id, position').iterate() as Iterable<DataAccess & { agent_id: string }>) {
    const list = access.get(r.agent_id) ?? [];
    list.push({ source: r.source, access: r.access });
    access.set(r.agent_id, list);
  }
  const credentials = new Map<string, string[]>();
  for (const r of db.prepare('SELECT agent_id, credential FROM agent_credentials ORDER BY agent_id, position').iterate() as Iterable<{ agent_id: string; credential: string }>) {
    const list = credentials.get(r.agent_id) ?? [];
    list.push(r.credential);
    credentials.set(r.agent_id, list);
  }
  return rows.map((row) => recordOf(row, access.get(row.id) ?? [], credentials.get(row.id) ?? []));
}

// ---- writing ---------------------------------------------------------------------------------

/** How each field is shown in the audit log: stable text a person can read. */
const auditText: { [K in keyof AgentFields]: (v: AgentFields[K]) => string | null } = {
  name: (v) => v,
  status: (v) => v,
  trigger: (v) => (v.schedule ? `${v.kind} (${v.schedule})` : v.kind),
  dataAccess: (v) => (v.length === 0 ? null : v.map((d) => `${d.source}:${d.access}`).join('; ')),
  credentials: (v) => (v.length === 0 ? null : v.join('; ')),
  owner: (v) => (v === null ? null : v.email ? `${v.name} <${v.email}>` : v.name),
  lastReviewed: (v) => v,
  rollback: (v) => (v.procedure === null && v.lastRehearsed === null ? null : `${v.procedure ?? '(none)'}${v.lastRehearsed ? ` [rehearsed ${v.lastRehearsed}]` : ''}`),
  description: (v) => v || null,
  vendor: (v) => v || null,
  environment: (v) => v || null,
  notes: (v) => (Object.keys(v).length === 0 ? null : JSON.stringify(v)),
};

/** The agents columns a person's fields fill, in one order for inserts and updates alike. */
const FIELD_COLUMNS = [
  'name',
  'status',
  'trigger_kind',
  'schedule',
  'owner_name',
  'owner_email',
  'last_reviewed',
  'rollback_procedure',
  'rollback_rehearsed',
  'description',
  'vendor',
  'environment',
  'notes',
] as const;

function fieldColumnValues(fields: AgentFields): unknown[] {
  const values: unknown[] = [];
  pushFieldColumnValues(values, fields);
  return values;
}

/** FIELD_COLUMNS' values of `fields`, appended to `values` (a multi-row insert's list). */
function pushFieldColumnValues(values: unknown[], fields: AgentFields): void {
  values.push(
    fields.name,
    fields.status,
    fields.trigger.kind,
    fields.trigger.schedule,
    fields.owner?.name ?? null,
    fields.owner ? fields.owner.email : null,
    fields.lastReviewed,
    fields.rollback.procedure,
    fields.rollback.lastRehearsed,
    fields.description,
    fields.vendor,
    fields.environment,
    JSON.stringify(fields.notes),
  );
}

const INSERT_AGENT = `INSERT INTO agents (id, identity_key, ${FIELD_COLUMNS.join(', ')}, created_at, updated_at)
  VALUES (?, ?, ${FIELD_COLUMNS.map(() => '?').join(', ')}, ?, ?)`;
const UPDATE_AGENT = `UPDATE agents SET ${FIELD_COLUMNS.map((c) => `${c} = ?`).join(', ')}, updated_at = ? WHERE id = ?`;

function writeAgentRow(db: Db, id: string, fields: AgentFields, updatedAt: string): void {
  statement(db, UPDATE_AGENT).run(...fieldColumnValues(fields), updatedAt, id);
}

function insertLists(db: Db, id: string, fields: Partial<Pick<AgentFields, 'dataAccess' | 'credentials'>>): void {
  if (fields.dataAccess) {
    const insert = statement(db, 'INSERT INTO agent_data_access (agent_id, position, source, access) VALUES (?, ?, ?, ?)');
    fields.dataAccess.forEach((d, i) => insert.run(id, i, d.source, d.access));
  }
  if (fields.credentials) {
    const insert = statement(db, 'INSERT INTO agent_credentials (agent_id, position, credential) VALUES (?, ?, ?)');
    fields.credentials.forEach((c, i) => insert.run(id, i, c));
  }
}

function replaceLists(db: Db, id: string, fields: AgentFields, which: { dataAccess: boolean; credentials: boolean }): void {
  if (which.dataAccess) statement(db, 'DELETE FROM agent_data_access WHERE agent_id = ?').run(id);
  if (which.credentials) statement(db, 'DELETE FROM agent_credentials WHERE agent_id = ?').run(id);
  insertLists(db, id, { ...(which.dataAccess ? { dataAccess: fields.dataAccess } : {}), ...(which.credentials ? { credentials: fields.credentials } : {}) });
}

function fieldsOf(record: AgentRecord): AgentFields {
  const { id: _id, createdAt: _c, updatedAt: _u, ...fields } = record;
  return fields;
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Creates an agent a person (or their spreadsheet) described. Runs inside the caller's
 * transaction when there is one, so an import creates all of its rows or none.
 */
export function createAgent(db: Db, draft: AgentDraft, author: ChangeAuthor, identityKey?: string): string {
  const id = newId();
  const now = new Date().toISOString();
  const fields: AgentFields = { ...DEFAULT_AGENT_FIELDS, ...draft };
  writeTransaction(db, () => {
    statement(db, INSERT_AGENT).run(id, identityKey ?? `manual:${id}`, ...fieldColumnValues(fields), now, now);
    insertLists(db, id, fields);
    appendAudit(db, author, [creationAudit(id, draft, fields)], now);
  });
  return id;
}

/**
 * One audit row for a creation, listing what the agent was created with: an import of 10,000
 * agents writes 10,000 audit rows, not one per field.
 */
function creationAudit(id: string, draft: AgentDraft, fields: AgentFields): AuditChange {
  let after = fields.name;
  for (const key of Object.keys(draft) as Array<keyof AgentFields>) {
    if (key === 'name') continue;
    const text = (auditText[key] as (v: unknown) => string | null)(fields[key]);
    if (text !== null) after += `\n${key}: ${text}`;
  }
  return { entity: 'agent', entityId: id, field: 'created', before: null, after };
}

/**
 * { ...DEFAULT_AGENT_FIELDS, ...draft } written out: an object spread costs microseconds a row
 * while the JIT is still cold, which is most of an import's run.
 */
function withDefaults(draft: AgentDraft): AgentFields {
  const has = (key: keyof AgentFields) => Object.hasOwn(draft, key);
  const d = DEFAULT_AGENT_FIELDS;
  return {
    name: draft.name,
    status: has('status') ? draft.status! : d.status,
    trigger: has('trigger') ? draft.trigger! : d.trigger,
    dataAccess: has('dataAccess') ? draft.dataAccess! : d.dataAccess,
    credentials: has('credentials') ? draft.credentials! : d.credentials,
    owner: has('owner') ? draft.owner! : d.owner,
    lastReviewed: has('lastReviewed') ? draft.lastReviewed! : d.lastReviewed,
    rollback: has('rollback') ? draft.rollback! : d.rollback,
    description: has('description') ? draft.description! : d.description,
    vendor: has('vendor') ? draft.vendor! : d.vendor,
    environment: has('environment') ? draft.environment! : d.environment,
    notes: has('notes') ? draft.notes! : d.notes,
  };
}

const AGENT_INSERT_COLUMNS = ['id', 'identity_key', ...FIELD_COLUMNS, 'created_at', 'updated_at'] as const;
const DATA_ACCESS_COLUMNS = ['agent_id', 'position', 'source', 'access'] as const;
const CREDENTIAL_COLUMNS = ['agent_id', 'position', 'credential'] as const;

/**
 * Creates many agents people described (a registry import's new rows): the same rows, lists and
 * audit rows as createAgent one by one, in the order given, written with multi-row INSERTs. Runs
 * inside the caller's transaction when there is one. Returns the new ids in the drafts' order.
 */
export function createAgents(db: Db, drafts: readonly AgentDraft[], author: ChangeAuthor): string[] {
  const now = new Date().toISOString();
  const ids: string[] = [];
  const agentValues: unknown[] = [];
  const accessValues: unknown[] = [];
  const credentialValues: unknown[] = [];
  const audit: AuditChange[] = [];
  // Plain indexed loops: this runs once per imported row, mostly before the JIT has warmed up.
  for (let n = 0; n < drafts.length; n++) {
    const draft = drafts[n]!;
    const id = newId();
    const fields = withDefaults(draft);
    ids.push(id);
    agentValues.push(id, `manual:${id}`);
    pushFieldColumnValues(agentValues, fields);
    agentValues.push(now, now);
    const { dataAccess, credentials } = fields;
    if (dataAccess) for (let i = 0; i < dataAccess.length; i++) accessValues.push(id, i, dataAccess[i]!.source, dataAccess[i]!.access);
    if (credentials) for (let i = 0; i < credentials.length; i++) credentialValues.push(id, i, credentials[i]);
    audit.push(creationAudit(id, draft, fields));
  }
  writeTransaction(db, () => {
    insertRows(db, 'agents', AGENT_INSERT_COLUMNS, agentValues);
    insertRows(db, 'agent_data_access', DATA_ACCESS_COLUMNS, accessValues);
    insertRows(db, 'agent_credentials', CREDENTIAL_COLUMNS, credentialValues);
    appendAudit(db, author, audit, now);
  });
  return ids;
}

/** Applies the fields of `patch` that differ; returns the names of the fields that changed. */
export function updateAgent(db: Db, id: string, patch: AgentPatch, author: ChangeAuthor): string[] {
  return writeTransaction(db, () => {
    const before = fieldsOf(getAgentRecord(db, id));
    const after: AgentFields = { ...before, ...patch };
    const changed = (Object.keys(patch) as Array<keyof AgentFields>).filter((k) => !sameValue(before[k], after[k]));
    if (changed.length === 0) return [];
    const now = new Date().toISOString();
    writeAgentRow(db, id, after, now);
    replaceLists(db, id, after, { dataAccess: changed.includes('dataAccess'), credentials: changed.includes('credentials') });
    appendAudit(
      db,
      author,
      changed.map((k) => ({
        entity: 'agent',
        entityId: id,
        field: k,
        before: (auditText[k] as (v: unknown) => string | null)(before[k]),
        after: (auditText[k] as (v: unknown) => string | null)(after[k]),
      })),
      now,
    );
    return changed;
  });
}

// ---- listing ---------------------------------------------------------------------------------

interface SummaryRow {
  id: string;
  name: string;
  status: AgentSummary['status'];
  trigger_kind: AgentSummary['triggerKind'];
  schedule: string | null;
  owner_name: string | null;
  owner_email: string | null;
  last_reviewed: string | null;
  rollback_procedure: string | null;
  environment: string;
  vendor: string;
  updated_at: string;
  access_count: number;
  credential_count: number;
}

type SortKey = ParsedInputOf<'listAgents'>['sort'];

/** Column sorts run in SQL; completeness is derived, so it sorts in memory. */
const SQL_ORDER: Record<Exclude<SortKey, 'completeness'>, string> = {
  name: 'a.name COLLATE NOCASE',
  status: `CASE a.status ${AGENT_STATUSES.map((s, i) => `WHEN '${s}' THEN ${i}`).join(' ')} END`,
  trigger: 'a.trigger_kind',
  owner: 'a.owner_name IS NULL, a.owner_name COLLATE NOCASE',
  lastReviewed: 'a.last_reviewed IS NULL, a.last_reviewed',
  updatedAt: 'a.updated_at',
};

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function daysBefore(today: string, days: number): string {
  return new Date(Date.parse(`${today}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The registry table's query. SQL filters and sorts by stored fields (including the two flags
 * that are plain field tests); completeness and the team-owner flag are derived in memory with
 * the same rules the agent page shows, never stored.
 */
export function listAgents(db: Db, query: ParsedInputOf<'listAgents'>, today = todayIso()): AgentList {
  const where: string[] = [];
  const params: unknown[] = [];
  if (query.text && query.text.trim() !== '') {
    const like = `%${escapeLike(query.text.trim())}%`;
    const columns = ['a.name', 'a.description', 'a.owner_name', 'a.owner_email', 'a.vendor', 'a.environment', 'a.schedule'];
    where.push(`(${columns.map((c) => `${c} LIKE ? ESCAPE '\\'`).join(' OR ')})`);
    params.push(...columns.map(() => like));
  }
  if (query.statuses && query.statuses.length > 0) {
    where.push(`a.status IN (${query.statuses.map(() => '?').join(', ')})`);
    params.push(...query.statuses);
  }
  if (query.triggers && query.triggers.length > 0) {
    where.push(`a.trigger_kind IN (${query.triggers.map(() => '?').join(', ')})`);
    params.push(...query.triggers);
  }
  if (query.owner !== undefined && query.owner !== '') {
    if (query.owner === 'none') where.push(`(a.owner_name IS NULL OR a.owner_name = '')`);
    else {
      where.push('(a.owner_name = ? COLLATE NOCASE OR a.owner_email = ? COLLATE NOCASE)');
      params.push(query.owner, query.owner);
    }
  }
  const flags = query.flags ?? [];
  if (flags.includes('no-owner')) where.push(`(a.owner_name IS NULL OR (trim(a.owner_name) = '' AND trim(coalesce(a.owner_email, '')) = ''))`);
  if (flags.includes('no-rollback')) where.push(`(a.rollback_procedure IS NULL OR trim(a.rollback_procedure) = '')`);
  if (flags.includes('review-stale')) {
    where.push('a.last_reviewed < ?');
    params.push(daysBefore(today, REVIEW_STALE_AFTER_DAYS));
  }
  const direction = query.direction === 'desc' ? 'DESC' : 'ASC';
  // Missing values ("IS NULL" parts) stay last whichever way the column is sorted.
  const orderPart = (part: string) => (part.endsWith('IS NULL') ? part : `${part} ${direction}`);
  const order = query.sort === 'completeness' ? 'a.name COLLATE NOCASE' : `${SQL_ORDER[query.sort].split(', ').map(orderPart).join(', ')}, a.name COLLATE NOCASE`;
  const sql = `SELECT a.id, a.name, a.status, a.trigger_kind, a.schedule, a.owner_name, a.owner_email, a.last_reviewed,
      a.rollback_procedure, a.environment, a.vendor, a.updated_at,
      (SELECT count(*) FROM agent_data_access d WHERE d.agent_id = a.id AND d.access <> '${DATA_ACCESS_NOT_STATED}') AS access_count,
      (SELECT count(*) FROM agent_credentials c WHERE c.agent_id = a.id) AS credential_count
    FROM agents a ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY ${order}`;
  const rows = statement(db, sql).all(...params) as SummaryRow[];

  const teamOwner = memoisedTeamOwnerTest();
  let summaries = rows.map((r) => summaryOf(r, today, teamOwner));
  if (flags.includes('owner-is-team')) summaries = summaries.filter((s) => s.flags.includes('owner-is-team'));
  if (query.sort === 'completeness') {
    const sign = direction === 'DESC' ? -1 : 1;
    // Array.prototype.sort is stable, so equal scores keep the name order from SQL.
    summaries.sort((a, b) => sign * (a.completeness.filled - b.completeness.filled));
  }

  const workspaceTotal = (statement(db, 'SELECT count(*) AS n FROM agents').get() as { n: number }).n;
  const owners = (
    statement(db, `SELECT DISTINCT owner_name AS o FROM agents WHERE owner_name IS NOT NULL AND owner_name <> '' ORDER BY owner_name COLLATE NOCASE`).all() as Array<{ o: string }>
  ).map((r) => r.o);
  return { rows: summaries.slice(query.offset, query.offset + query.limit), total: summaries.length, workspaceTotal, owners };
}

/** Most agents share a few hundred owners: test each owner once per listing. */
function memoisedTeamOwnerTest(): (owner: Owner) => boolean {
  const seen = new Map<string, boolean>();
  return (owner) => {
    const key = `${owner.name}\u0000${owner.email}`;
    let result = seen.get(key);
    if (result === undefined) {
      result = isTeamOwner(owner);
      seen.set(key, result);
    }
    return result;
  };
}

function summaryOf(r: SummaryRow, today: string, teamOwner: (owner: Owner) => boolean): AgentSummary {
  const owner = r.owner_name === null ? null : { name: r.owner_name, email: r.owner_email ?? '' };
  const snapshot: RegistrySnapshot = {
    name: r.name,
    triggerKind: r.trigger_kind,
    dataAccessCount: r.access_count,
    credentialCount: r.credential_count,
    owner,
    ownerIsTeam: owner !== null && teamOwner(owner),
    lastReviewed: r.last_reviewed,
    rollbackProcedure: r.rollback_procedure,
  };
  return {
    id: r.id,
    name: r.name,
    status: r.status,
    triggerKind: r.trigger_kind,
    schedule: r.schedule,
    ownerName: r.owner_name,
    ownerEmail: r.owner_email,
    lastReviewed: r.last_reviewed,
    environment: r.environment,
    vendor: r.vendor,
    completeness: completenessOf(snapshot),
    flags: flagsOf(snapshot, today),
    updatedAt: r.updated_at,
  };
}

export function countAgents(db: Db): number {
  return (db.prepare('SELECT count(*) AS n FROM agents').get() as { n: number }).n;
}

/** Changes whenever an agent is added, removed or edited: what caches of derived facts key on. */
export function registryVersion(db: Db): string {
  return (statement(db, `SELECT COUNT(*) || ':' || COALESCE(MAX(updated_at), '') AS v FROM agents`).get() as { v: string }).v;
}
