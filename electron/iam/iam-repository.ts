import type {
  AccessLevel,
  AssumeGrantFact,
  CloudCredentialFact,
  CloudProvider,
  DataSourceFact,
  DataSourceKind,
  Environment,
  GrantFact,
  IamFacts,
  PrincipalFact,
  PrincipalKind,
  PrincipalRiskFact,
  RiskClass,
  Sensitivity,
  StatementRef,
  TrustFact,
} from '../../shared/iam';
import { appendAudit, type ChangeAuthor } from '../store/audit-log';
import { statement } from '../store/statements';
import type { Db } from '../store/workspace-file';
import { writeTransaction } from '../store/write-transaction';

/**
 * SQL of the identity graph. Facts are written once per import (and deleted with it); reads
 * merge a principal or data source that several imports describe (a GCP service account seen in
 * the key list and in the IAM policy) into one.
 */

const json = (value: unknown) => JSON.stringify(value);

/**
 * Stores each shared JSON text once per import and answers its id. Importers hand the same
 * objects to many facts (one statement's `via` and `actions` in every principal's grant): those
 * are found by identity, without stringifying again; equal texts from distinct objects by text.
 */
function textStore(db: Db, importId: number): (value: object) => number {
  const insert = statement(db, 'INSERT INTO iam_texts (import_id, text) VALUES (?, ?)');
  const byObject = new WeakMap<object, number>();
  const byText = new Map<string, number>();
  return (value) => {
    let id = byObject.get(value);
    if (id === undefined) {
      const text = JSON.stringify(value);
      id = byText.get(text);
      if (id === undefined) byText.set(text, (id = Number(insert.run(importId, text).lastInsertRowid)));
      byObject.set(value, id);
    }
    return id;
  };
}
const flag = (value: boolean) => (value ? 1 : 0);

/** Writes one import's facts; duplicates within the file (the same ARN twice) are kept once. */
export function storeIamFacts(db: Db, importId: number, facts: IamFacts, throwIfCancelled: () => void): Record<string, number> {
  const principal = statement(
    db,
    `INSERT INTO iam_principals (import_id, key, provider, kind, name, scope, created_at, last_used_at, tags, attributes)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
  );
  const membership = statement(db, 'INSERT INTO iam_memberships (import_id, member_key, group_key) VALUES (?, ?, ?)');
  const trust = statement(
    db,
    `INSERT INTO iam_trusts (import_id, principal_key, trusted_key, trusted_kind, open_to_anyone, foreign_account, conditional, via)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const credential = statement(
    db,
    `INSERT INTO cloud_credentials (import_id, key, principal_key, kind, name, active, created_at, last_rotated_at, last_used_at, attributes)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
  );
  const dataSource = statement(
    db,
    `INSERT INTO data_sources (import_id, key, provider, service, kind, name, scope, wildcard, tags)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
  );
  const grant = statement(
    db,
    `INSERT INTO iam_grants (import_id, principal_key, data_source_key, access, actions_id, risk_classes, conditional, via_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const assume = statement(db, 'INSERT INTO iam_assume_grants (import_id, principal_key, resource, conditional, via) VALUES (?, ?, ?, ?, ?)');
  const risk = statement(db, 'INSERT INTO iam_principal_risks (import_id, principal_key, risk_class, detail, conditional, via_id) VALUES (?, ?, ?, ?, ?, ?)');
  writeTransaction(db, () => {
    const shared = textStore(db, importId);
    for (const p of facts.principals) principal.run(importId, p.key, p.provider, p.kind, p.name, p.scope, p.createdAt, p.lastUsedAt, json(p.tags), json(p.attributes));
    throwIfCancelled();
    for (const m of facts.memberships) membership.run(importId, m.memberKey, m.groupKey);
    for (const t of facts.trusts) trust.run(importId, t.principalKey, t.trustedKey, t.trustedKind, flag(t.openToAnyone), flag(t.foreignAccount), flag(t.conditional), json(t.via));
    for (const c of facts.credentials) credential.run(importId, c.key, c.principalKey, c.kind, c.name, flag(c.active), c.createdAt, c.lastRotatedAt, c.lastUsedAt, json(c.attributes));
    for (const d of facts.dataSources) dataSource.run(importId, d.key, d.provider, d.service, d.kind, d.name, d.scope, flag(d.wildcard), json(d.tags));
    throwIfCancelled();
    facts.grants.forEach((g, i) => {
      grant.run(importId, g.principalKey, g.dataSourceKey, g.access, shared(g.actions), json(g.riskClasses), flag(g.conditional), shared(g.via));
      if (i % 5000 === 0) throwIfCancelled();
    });
    for (const a of facts.assumeGrants ?? []) assume.run(importId, a.principalKey, a.resource, flag(a.conditional), json(a.via));
    for (const r of facts.risks) risk.run(importId, r.principalKey, r.riskClass, r.detail, flag(r.conditional), shared(r.via));
  });
  return { principals: facts.principals.length, grants: facts.grants.length, risks: facts.risks.length };
}

// ---- principals ------------------------------------------------------------------------------

interface PrincipalRow {
  key: string;
  provider: string;
  kind: string;
  name: string;
  scope: string;
  created_at: string | null;
  last_used_at: string | null;
  tags: string;
  attributes: string;
}

const PRINCIPAL_COLUMNS = 'key, provider, kind, name, scope, created_at, last_used_at, tags, attributes';

/** Kinds a key is described as, least specific first: a trust's "foreign-account" yields to the account's own export. */
const KIND_SPECIFICITY: PrincipalKind[] = ['service', 'public', 'domain', 'foreign-account', 'root', 'group', 'user', 'role', 'service-principal', 'service-account', 'k8s-service-account'];

function mergePrincipals(rows: PrincipalRow[]): PrincipalFact[] {
  const byKey = new Map<string, PrincipalFact>();
  for (const row of rows) {
    const fact: PrincipalFact = {
      key: row.key,
      provider: row.provider as CloudProvider,
      kind: row.kind as PrincipalKind,
      name: row.name,
      scope: row.scope,
      createdAt: row.created_at,
      lastUsedAt: row.last_used_at,
      tags: JSON.parse(row.tags) as Record<string, string>,
      attributes: JSON.parse(row.attributes) as Record<string, string>,
    };
    const seen = byKey.get(row.key);
    if (!seen) {
      byKey.set(row.key, fact);
      continue;
    }
    const richer = KIND_SPECIFICITY.indexOf(fact.kind) > KIND_SPECIFICITY.indexOf(seen.kind) ? fact : seen;
    byKey.set(row.key, {
      ...richer,
      name: richer.name || seen.name || fact.name,
      scope: seen.scope || fact.scope,
      createdAt: seen.createdAt ?? fact.createdAt,
      lastUsedAt: [seen.lastUsedAt, fact.lastUsedAt].filter((d): d is string => d !== null).sort().at(-1) ?? null,
      tags: { ...fact.tags, ...seen.tags },
      attributes: { ...fact.attributes, ...seen.attributes },
    });
  }
  return [...byKey.values()];
}

export function allPrincipals(db: Db): PrincipalFact[] {
  return mergePrincipals(statement(db, `SELECT ${PRINCIPAL_COLUMNS} FROM iam_principals ORDER BY key, import_id`).all() as PrincipalRow[]);
}

export function principalsByKeys(db: Db, keys: Iterable<string>): Map<string, PrincipalFact> {
  const one = statement(db, `SELECT ${PRINCIPAL_COLUMNS} FROM iam_principals WHERE key = ? ORDER BY import_id`);
  const rows: PrincipalRow[] = [];
  for (const key of new Set(keys)) rows.push(...(one.all(key) as PrincipalRow[]));
  return new Map(mergePrincipals(rows).map((p) => [p.key, p]));
}

/** Groups `memberKey` belongs to. */
export function groupsOf(db: Db, memberKey: string): string[] {
  return (statement(db, 'SELECT DISTINCT group_key FROM iam_memberships WHERE member_key = ?').all(memberKey) as Array<{ group_key: string }>).map((r) => r.group_key);
}

/** Members of `groupKey`. */
export function membersOf(db: Db, groupKey: string): string[] {
  return (statement(db, 'SELECT DISTINCT member_key FROM iam_memberships WHERE group_key = ?').all(groupKey) as Array<{ member_key: string }>).map((r) => r.member_key);
}

interface TrustRow {
  principal_key: string;
  trusted_key: string;
  trusted_kind: string;
  open_to_anyone: number;
  foreign_account: number;
  conditional: number;
  via: string;
}

function toTrust(row: TrustRow): TrustFact {
  return {
    principalKey: row.principal_key,
    trustedKey: row.trusted_key,
    trustedKind: row.trusted_kind as PrincipalKind,
    openToAnyone: row.open_to_anyone === 1,
    foreignAccount: row.foreign_account === 1,
    conditional: row.conditional === 1,
    via: JSON.parse(row.via) as StatementRef,
  };
}

const TRUST_COLUMNS = 'principal_key, trusted_key, trusted_kind, open_to_anyone, foreign_account, conditional, via';

/** What `trustedKey` can assume (roles whose trust names it). */
export function assumableBy(db: Db, trustedKey: string): TrustFact[] {
  return (statement(db, `SELECT ${TRUST_COLUMNS} FROM iam_trusts WHERE trusted_key = ?`).all(trustedKey) as TrustRow[]).map(toTrust);
}

/** Who can assume `principalKey`. */
export function trustsOf(db: Db, principalKey: string): TrustFact[] {
  return (statement(db, `SELECT ${TRUST_COLUMNS} FROM iam_trusts WHERE principal_key = ?`).all(principalKey) as TrustRow[]).map(toTrust);
}

interface CredentialRow {
  key: string;
  principal_key: string;
  kind: string;
  name: string;
  active: number;
  created_at: string | null;
  last_rotated_at: string | null;
  last_used_at: string | null;
  attributes: string;
}

export function cloudCredentialsOf(db: Db, principalKey: string): CloudCredentialFact[] {
  const rows = statement(
    db,
    'SELECT DISTINCT key, principal_key, kind, name, active, created_at, last_rotated_at, last_used_at, attributes FROM cloud_credentials WHERE principal_key = ? ORDER BY key',
  ).all(principalKey) as CredentialRow[];
  return rows.map((r) => ({
    key: r.key,
    principalKey: r.principal_key,
    kind: r.kind as CloudCredentialFact['kind'],
    name: r.name,
    active: r.active === 1,
    createdAt: r.created_at,
    lastRotatedAt: r.last_rotated_at,
    lastUsedAt: r.last_used_at,
    attributes: JSON.parse(r.attributes) as Record<string, string>,
  }));
}

/** Every sts:AssumeRole allowance, by principal: few enough (one per statement) to hold for a walk. */
export function allAssumeGrants(db: Db): AssumeGrantFact[] {
  const rows = statement(db, 'SELECT principal_key, resource, conditional, via FROM iam_assume_grants').all() as Array<{ principal_key: string; resource: string; conditional: number; via: string }>;
  return rows.map((r) => ({ principalKey: r.principal_key, resource: r.resource, conditional: r.conditional === 1, via: JSON.parse(r.via) as StatementRef }));
}

/** Roles whose trust policy names an account's root: any principal of that account allowed sts:AssumeRole on them may assume them. */
export function rolesTrustingAccountRoots(db: Db): TrustFact[] {
  return (statement(db, `SELECT ${TRUST_COLUMNS} FROM iam_trusts WHERE trusted_kind = 'root'`).all() as TrustRow[]).map(toTrust);
}

// ---- grants and risks --------------------------------------------------------------------------

interface GrantRow {
  principal_key: string;
  data_source_key: string;
  access: string;
  actions: string;
  risk_classes: string;
  conditional: number;
  via: string;
}

function toGrant(row: GrantRow): GrantFact {
  return {
    principalKey: row.principal_key,
    dataSourceKey: row.data_source_key,
    access: row.access as AccessLevel,
    actions: JSON.parse(row.actions) as string[],
    riskClasses: JSON.parse(row.risk_classes) as RiskClass[],
    conditional: row.conditional === 1,
    via: JSON.parse(row.via) as StatementRef,
  };
}

const SELECT_GRANTS = `SELECT g.principal_key, g.data_source_key, g.access, a.text AS actions, g.risk_classes, g.conditional, v.text AS via
  FROM iam_grants g JOIN iam_texts a ON a.id = g.actions_id JOIN iam_texts v ON v.id = g.via_id`;

export function grantsOfPrincipal(db: Db, principalKey: string): GrantFact[] {
  return (statement(db, `${SELECT_GRANTS} WHERE g.principal_key = ?`).all(principalKey) as GrantRow[]).map(toGrant);
}

export function grantsOnDataSource(db: Db, dataSourceKey: string): GrantFact[] {
  return (statement(db, `${SELECT_GRANTS} WHERE g.data_source_key = ?`).all(dataSourceKey) as GrantRow[]).map(toGrant);
}

interface RiskRow {
  principal_key: string;
  risk_class: string;
  detail: string;
  conditional: number;
  via: string;
}

function toRisk(row: RiskRow): PrincipalRiskFact {
  return { principalKey: row.principal_key, riskClass: row.risk_class as RiskClass, detail: row.detail, conditional: row.conditional === 1, via: JSON.parse(row.via) as StatementRef };
}

const SELECT_RISKS = 'SELECT r.principal_key, r.risk_class, r.detail, r.conditional, v.text AS via FROM iam_principal_risks r JOIN iam_texts v ON v.id = r.via_id';

export function risksOf(db: Db, principalKey: string): PrincipalRiskFact[] {
  return (statement(db, `${SELECT_RISKS} WHERE r.principal_key = ?`).all(principalKey) as RiskRow[]).map(toRisk);
}

export function allRisks(db: Db): PrincipalRiskFact[] {
  return (statement(db, `${SELECT_RISKS} ORDER BY r.principal_key, r.risk_class`).all() as RiskRow[]).map(toRisk);
}

/** Distinct data sources each principal has a grant on, for the principal list. */
export function dataSourceCountsByPrincipal(db: Db): Map<string, number> {
  const rows = statement(db, 'SELECT principal_key, COUNT(DISTINCT data_source_key) AS n FROM iam_grants GROUP BY principal_key').all() as Array<{ principal_key: string; n: number }>;
  return new Map(rows.map((r) => [r.principal_key, r.n]));
}

// ---- data sources ------------------------------------------------------------------------------

interface DataSourceRow {
  key: string;
  provider: string;
  service: string;
  kind: string;
  name: string;
  scope: string;
  wildcard: number;
  tags: string;
}

function toDataSource(row: DataSourceRow): DataSourceFact {
  return {
    key: row.key,
    provider: row.provider as CloudProvider,
    service: row.service,
    kind: row.kind as DataSourceKind,
    name: row.name,
    scope: row.scope,
    wildcard: row.wildcard === 1,
    tags: JSON.parse(row.tags) as Record<string, string>,
  };
}

/** Every data source once (the first import that names it describes it; tags are merged). */
export function allDataSources(db: Db): DataSourceFact[] {
  const rows = statement(db, 'SELECT key, provider, service, kind, name, scope, wildcard, tags FROM data_sources ORDER BY key, import_id').all() as DataSourceRow[];
  const byKey = new Map<string, DataSourceFact>();
  for (const row of rows) {
    const fact = toDataSource(row);
    const seen = byKey.get(fact.key);
    byKey.set(fact.key, seen ? { ...seen, tags: { ...fact.tags, ...seen.tags } } : fact);
  }
  return [...byKey.values()];
}

/**
 * A number that changes whenever the identity graph or a decision about it changes: what caches key
 * on. Only cloud IAM imports (those with a provider) count: a usage or registry import changes no
 * principal, grant or data source, and used to make every agent's reach be walked again.
 */
export function identityGraphVersion(db: Db): string {
  const row = statement(
    db,
    `SELECT (SELECT COALESCE(MAX(id), 0) || ':' || COUNT(*) FROM imports WHERE provider IS NOT NULL) || '/' ||
            (SELECT COUNT(*) || ':' || COALESCE(MAX(decided_at), '') FROM data_source_decisions) || '/' ||
            (SELECT COUNT(*) || ':' || COALESCE(MAX(decided_at), '') FROM credential_link_decisions) AS v`,
  ).get() as { v: string };
  return row.v;
}

// ---- decisions -------------------------------------------------------------------------------

export interface DataSourceDecision {
  environment: Environment | null;
  sensitivity: Sensitivity | null;
  decidedBy: string;
  decidedAt: string;
}

export function dataSourceDecisions(db: Db): Map<string, DataSourceDecision> {
  const rows = statement(db, 'SELECT data_source_key, environment, sensitivity, decided_by, decided_at FROM data_source_decisions').all() as Array<{
    data_source_key: string;
    environment: string | null;
    sensitivity: string | null;
    decided_by: string;
    decided_at: string;
  }>;
  return new Map(
    rows.map((r) => [r.data_source_key, { environment: r.environment as Environment | null, sensitivity: r.sensitivity as Sensitivity | null, decidedBy: r.decided_by, decidedAt: r.decided_at }]),
  );
}

/** A person's classification of a data source; null hands a field back to the rules. Audited. */
export function decideDataSource(db: Db, key: string, change: { environment?: Environment | null; sensitivity?: Sensitivity | null }, author: ChangeAuthor): void {
  writeTransaction(db, () => {
    const now = new Date().toISOString();
    const before = dataSourceDecisions(db).get(key) ?? null;
    const next = {
      environment: change.environment === undefined ? (before?.environment ?? null) : change.environment,
      sensitivity: change.sensitivity === undefined ? (before?.sensitivity ?? null) : change.sensitivity,
    };
    if (next.environment === null && next.sensitivity === null) statement(db, 'DELETE FROM data_source_decisions WHERE data_source_key = ?').run(key);
    else {
      statement(
        db,
        `INSERT INTO data_source_decisions (data_source_key, environment, sensitivity, decided_by, decided_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (data_source_key) DO UPDATE SET environment = excluded.environment, sensitivity = excluded.sensitivity, decided_by = excluded.decided_by, decided_at = excluded.decided_at`,
      ).run(key, next.environment, next.sensitivity, author.actor, now);
    }
    const changes = (['environment', 'sensitivity'] as const)
      .filter((field) => (before?.[field] ?? null) !== next[field])
      .map((field) => ({ entity: 'data-source' as const, entityId: key, field, before: before?.[field] ?? null, after: next[field] }));
    appendAudit(db, author, changes, now);
  });
}

export interface CredentialLinkDecision {
  agentId: string;
  principalKey: string;
  decision: 'linked' | 'unlinked';
  reason: string;
  decidedBy: string;
  decidedAt: string;
}

export function credentialLinkDecisions(db: Db, agentId?: string): CredentialLinkDecision[] {
  const sql = 'SELECT agent_id, principal_key, decision, reason, decided_by, decided_at FROM credential_link_decisions';
  const rows = (agentId === undefined ? statement(db, sql).all() : statement(db, `${sql} WHERE agent_id = ?`).all(agentId)) as Array<{
    agent_id: string;
    principal_key: string;
    decision: 'linked' | 'unlinked';
    reason: string;
    decided_by: string;
    decided_at: string;
  }>;
  return rows.map((r) => ({ agentId: r.agent_id, principalKey: r.principal_key, decision: r.decision, reason: r.reason, decidedBy: r.decided_by, decidedAt: r.decided_at }));
}

/** Links or unlinks an agent and a principal by a person's decision, kept over any automatic link. Audited on the agent. */
export function decideCredentialLink(db: Db, agentId: string, principalKey: string, decision: 'linked' | 'unlinked', reason: string, author: ChangeAuthor): void {
  writeTransaction(db, () => {
    const now = new Date().toISOString();
    const before = credentialLinkDecisions(db, agentId).find((d) => d.principalKey === principalKey) ?? null;
    statement(
      db,
      `INSERT INTO credential_link_decisions (agent_id, principal_key, decision, reason, decided_by, decided_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (agent_id, principal_key) DO UPDATE SET decision = excluded.decision, reason = excluded.reason, decided_by = excluded.decided_by, decided_at = excluded.decided_at`,
    ).run(agentId, principalKey, decision, reason, author.actor, now);
    appendAudit(db, author, [{ entity: 'agent', entityId: agentId, field: `cloud identity ${principalKey}`, before: before?.decision ?? null, after: reason ? `${decision}: ${reason}` : decision }], now);
  });
}
