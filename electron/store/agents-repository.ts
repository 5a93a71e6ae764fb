import { randomUUID } from 'node:crypto';
import {
  AGENT_STATUSES,
  DEFAULT_AGENT_FIELDS,
  type AgentDraft,
  type AgentFields,
  type AgentPatch,
  type AgentRecord,
  type DataAccess,
} from '../../shared/agent';
import type { AgentDetail, AgentList, AgentSummary, ParsedInputOf } from '../../shared/contract';
import { BackendError } from '../../shared/errors';
import { completenessOf, flagsOf, todayIso, type AgentFlag } from '../../shared/registry';
import { appendAudit, type AuditChange, type ChangeAuthor } from './audit-log';
import type { Db } from './workspace-file';

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
  const row = db.prepare(`${SELECT_AGENT} WHERE id = ?`).get(id) as AgentRow | undefined;
  if (!row) throw new BackendError('not-found', `No agent with id ${id} in this workspace. It may have been removed; reload the registry.`);
  const dataAccess = db.prepare('SELECT source, access FROM agent_data_access WHERE agent_id = ? ORDER BY position').all(id) as DataAccess[];
  const credentials = (db.prepare('SELECT credential FROM agent_credentials WHERE agent_id = ? ORDER BY position').all(id) as Array<{ credential: string }>).map(
    (r) => r.credential,
  );
  return recordOf(row, dataAccess, credentials);
}

export function getAgentDetail(db: Db, id: string, today = todayIso()): AgentDetail {
  const record = getAgentRecord(db, id);
  return { ...record, completeness: completenessOf(record), flags: flagsOf(record, today) };
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

function writeAgentRow(db: Db, id: string, fields: AgentFields, updatedAt: string): void {
  db.prepare(
    `UPDATE agents SET name = ?, status = ?, trigger_kind = ?, schedule = ?, owner_name = ?, owner_email = ?, last_reviewed = ?,
       rollback_procedure = ?, rollback_rehearsed = ?, description = ?, vendor = ?, environment = ?, notes = ?, updated_at = ?
     WHERE id = ?`,
  ).run(
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
    updatedAt,
    id,
  );
}

function writeLists(db: Db, id: string, fields: Pick<AgentFields, 'dataAccess' | 'credentials'>, which: { dataAccess: boolean; credentials: boolean }): void {
  if (which.dataAccess) {
    db.prepare('DELETE FROM agent_data_access WHERE agent_id = ?').run(id);
    const insert = db.prepare('INSERT INTO agent_data_access (agent_id, position, source, access) VALUES (?, ?, ?, ?)');
    fields.dataAccess.forEach((d, i) => insert.run(id, i, d.source, d.access));
  }
  if (which.credentials) {
    db.prepare('DELETE FROM agent_credentials WHERE agent_id = ?').run(id);
    const insert = db.prepare('INSERT INTO agent_credentials (agent_id, position, credential) VALUES (?, ?, ?)');
    fields.credentials.forEach((c, i) => insert.run(id, i, c));
  }
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
  const id = randomUUID();
  const now = new Date().toISOString();
  const fields: AgentFields = { ...DEFAULT_AGENT_FIELDS, ...draft };
  db.transaction(() => {
    db.prepare('INSERT INTO agents (id, identity_key, name, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run(
      id,
      identityKey ?? `manual:${id}`,
      fields.name,
      now,
      now,
    );
    writeAgentRow(db, id, fields, now);
    writeLists(db, id, fields, { dataAccess: true, credentials: true });
    const changes: AuditChange[] = [{ entity: 'agent', entityId: id, field: 'created', before: null, after: fields.name }];
    for (const key of Object.keys(draft) as Array<keyof AgentFields>) {
      if (key === 'name') continue;
      const after = (auditText[key] as (v: unknown) => string | null)(fields[key]);
      if (after !== null) changes.push({ entity: 'agent', entityId: id, field: key, before: null, after });
    }
    appendAudit(db, author, changes, now);
  })();
  return id;
}

/** Applies the fields of `patch` that differ; returns the names of the fields that changed. */
export function updateAgent(db: Db, id: string, patch: AgentPatch, author: ChangeAuthor): string[] {
  return db.transaction(() => {
    const before = fieldsOf(getAgentRecord(db, id));
    const after: AgentFields = { ...before, ...patch };
    const changed = (Object.keys(patch) as Array<keyof AgentFields>).filter((k) => !sameValue(before[k], after[k]));
    if (changed.length === 0) return [];
    const now = new Date().toISOString();
    writeAgentRow(db, id, after, now);
    writeLists(db, id, after, { dataAccess: changed.includes('dataAccess'), credentials: changed.includes('credentials') });
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
  })();
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

const STATUS_ORDER = new Map(AGENT_STATUSES.map((s, i) => [s, i]));
const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

type Comparator = (a: AgentSummary, b: AgentSummary) => number;
const nullsLast = (a: string | null, b: string | null): number => (a === b ? 0 : a === null ? 1 : b === null ? -1 : collator.compare(a, b));
const COMPARATORS: Record<ParsedInputOf<'listAgents'>['sort'], Comparator> = {
  name: (a, b) => collator.compare(a.name, b.name),
  status: (a, b) => (STATUS_ORDER.get(a.status) ?? 0) - (STATUS_ORDER.get(b.status) ?? 0),
  trigger: (a, b) => collator.compare(a.triggerKind, b.triggerKind),
  owner: (a, b) => nullsLast(a.ownerName, b.ownerName),
  lastReviewed: (a, b) => nullsLast(a.lastReviewed, b.lastReviewed),
  completeness: (a, b) => a.completeness.filled - b.completeness.filled,
  updatedAt: (a, b) => a.updatedAt.localeCompare(b.updatedAt),
};

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * The registry table's query. SQL narrows by the indexed fields; completeness and flags are
 * derived (never stored) from the same rules the agent page shows, then sorted in memory.
 */
export function listAgents(db: Db, query: ParsedInputOf<'listAgents'>, today = todayIso()): AgentList {
  const where: string[] = [];
  const params: unknown[] = [];
  if (query.text && query.text.trim() !== '') {
    const like = `%${escapeLike(query.text.trim())}%`;
    where.push(`(name LIKE ? ESCAPE '\\' OR description LIKE ? ESCAPE '\\' OR owner_name LIKE ? ESCAPE '\\' OR owner_email LIKE ? ESCAPE '\\' OR vendor LIKE ? ESCAPE '\\' OR environment LIKE ? ESCAPE '\\' OR schedule LIKE ? ESCAPE '\\')`);
    params.push(like, like, like, like, like, like, like);
  }
  if (query.statuses && query.statuses.length > 0) {
    where.push(`status IN (${query.statuses.map(() => '?').join(', ')})`);
    params.push(...query.statuses);
  }
  if (query.triggers && query.triggers.length > 0) {
    where.push(`trigger_kind IN (${query.triggers.map(() => '?').join(', ')})`);
    params.push(...query.triggers);
  }
  if (query.owner !== undefined && query.owner !== '') {
    if (query.owner === 'none') where.push(`(owner_name IS NULL OR owner_name = '')`);
    else {
      where.push('(owner_name = ? COLLATE NOCASE OR owner_email = ? COLLATE NOCASE)');
      params.push(query.owner, query.owner);
    }
  }
  const sql = `SELECT a.id, a.name, a.status, a.trigger_kind, a.schedule, a.owner_name, a.owner_email, a.last_reviewed,
      a.rollback_procedure, a.environment, a.vendor, a.updated_at,
      (SELECT count(*) FROM agent_data_access d WHERE d.agent_id = a.id) AS access_count,
      (SELECT count(*) FROM agent_credentials c WHERE c.agent_id = a.id) AS credential_count
    FROM agents a ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`;
  const rows = db.prepare(sql).all(...params) as SummaryRow[];

  let summaries = rows.map((r) => summaryOf(r, today));
  if (query.flags && query.flags.length > 0) {
    const wanted = query.flags;
    summaries = summaries.filter((s) => wanted.every((f) => s.flags.includes(f)));
  }
  const compare = COMPARATORS[query.sort];
  const sign = query.direction === 'desc' ? -1 : 1;
  summaries.sort((a, b) => sign * compare(a, b) || collator.compare(a.name, b.name));

  const workspaceTotal = (db.prepare('SELECT count(*) AS n FROM agents').get() as { n: number }).n;
  const owners = (db.prepare(`SELECT DISTINCT owner_name AS o FROM agents WHERE owner_name IS NOT NULL AND owner_name <> '' ORDER BY owner_name COLLATE NOCASE`).all() as Array<{ o: string }>).map(
    (r) => r.o,
  );
  return { rows: summaries.slice(query.offset, query.offset + query.limit), total: summaries.length, workspaceTotal, owners };
}

function summaryOf(r: SummaryRow, today: string): AgentSummary {
  const owner = r.owner_name === null ? null : { name: r.owner_name, email: r.owner_email ?? '' };
  // Only counts matter for completeness; building the lists here would cost a query per row.
  const view = {
    name: r.name,
    trigger: { kind: r.trigger_kind, schedule: r.schedule },
    dataAccess: new Array<DataAccess>(r.access_count),
    credentials: new Array<string>(r.credential_count),
    owner,
    lastReviewed: r.last_reviewed,
    rollback: { procedure: r.rollback_procedure, lastRehearsed: null },
  };
  const flags: AgentFlag[] = flagsOf(view, today);
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
    completeness: completenessOf(view),
    flags,
    updatedAt: r.updated_at,
  };
}

export function countAgents(db: Db): number {
  return (db.prepare('SELECT count(*) AS n FROM agents').get() as { n: number }).n;
}
