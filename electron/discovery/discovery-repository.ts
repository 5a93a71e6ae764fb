import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import type { AgentDraft } from '../../shared/agent';
import {
  registersAsAgent,
  type AdvisoryMatch,
  type AgentLinkRelation,
  type CandidateClassification,
  type CandidateDecision,
  type CandidateDetail,
  type CandidateSummary,
  type DiscoveredAgent,
  type UsageEvidence,
  type ScanChanges,
  type ScanCounters,
  type ScanSummary,
} from '../../shared/discovery';
import { BackendError } from '../../shared/errors';
import { usageCandidates } from '../usage/usage-keys';
import { applyUsageCandidateDecision, isUsageCandidate } from '../usage/usage-decisions';
import { rfc3339Instant } from '../advisories/rfc3339';
import { appendAudit, type ChangeAuthor } from '../store/audit-log';
import { allAgentRecords, createAgent } from '../agents/agents-repository';
import { statement } from '../store/statements';
import type { Db } from '../store/workspace-file';
import { writeTransaction } from '../store/write-transaction';
import type { MatchableAgent } from './match/candidate-matches';

/** Discovery facts per scanned folder and the decisions people took about candidates. */

export interface ScanSource {
  id: number;
  root: string;
  label: string;
}

/**
 * The label a folder's identity keys start with: its name, or its name plus a short hash of its
 * path when another scanned folder already has that name (two checkouts called "api" must not
 * share candidates). Reads only; the label is recorded when the scan's facts are written.
 */
export function scanLabelFor(db: Db, root: string): string {
  const existing = statement(db, 'SELECT label FROM scan_sources WHERE root = ?').get(root) as { label: string } | undefined;
  if (existing) return existing.label;
  const name = basename(root) || root;
  const taken = statement(db, 'SELECT 1 FROM scan_sources WHERE label = ?').get(name) !== undefined;
  return taken ? `${name}-${createHash('sha256').update(root).digest('hex').slice(0, 8)}` : name;
}

export function scanSourceFor(db: Db, root: string): ScanSource {
  const existing = statement(db, 'SELECT id, root, label FROM scan_sources WHERE root = ?').get(root) as ScanSource | undefined;
  if (existing) return existing;
  const label = scanLabelFor(db, root);
  const id = Number(statement(db, 'INSERT INTO scan_sources (root, label) VALUES (?, ?)').run(root, label).lastInsertRowid);
  return { id, root, label };
}

interface StoredChanges extends ScanChanges {
  addedKeys: string[];
  changedKeys: string[];
  previousScanAt: string | null;
}

function capabilitiesOf(agent: DiscoveredAgent): Set<string> {
  return new Set(agent.capabilities.map((c) => c.kind));
}

function changesBetween(previous: Map<string, DiscoveredAgent>, next: DiscoveredAgent[], previousScanAt: string | null): StoredChanges {
  const isFirstScan = previousScanAt === null;
  const changes: StoredChanges = { added: [], removed: [], changed: [], addedKeys: [], changedKeys: [], previousScanAt };
  const nextKeys = new Set(next.map((a) => a.identityKey));
  for (const agent of next) {
    const before = previous.get(agent.identityKey);
    if (!before) {
      if (!isFirstScan) {
        changes.added.push(agent.name);
        changes.addedKeys.push(agent.identityKey);
      }
      continue;
    }
    const was = capabilitiesOf(before);
    const now = capabilitiesOf(agent);
    const addedCapabilities = [...now].filter((c) => !was.has(c)) as CandidateSummary['capabilities'];
    const removedCapabilities = [...was].filter((c) => !now.has(c)) as CandidateSummary['capabilities'];
    if (addedCapabilities.length || removedCapabilities.length) {
      changes.changed.push({ name: agent.name, addedCapabilities, removedCapabilities });
      changes.changedKeys.push(agent.identityKey);
    }
  }
  for (const [key, agent] of previous) if (!nextKeys.has(key)) changes.removed.push(agent.name);
  return changes;
}

/**
 * Replaces everything the previous scan of this folder found with what this scan found, and
 * records what changed. The caller runs it inside the scan's transaction.
 */
export function replaceScanFacts(
  db: Db,
  source: ScanSource,
  scan: { startedAt: string; actor: string; counters: ScanCounters; warnings: ScanSummary['warnings'] },
  agents: DiscoveredAgent[],
): ScanSummary {
  const previousRows = statement(db, 'SELECT identity_key, detail FROM discovered_agents WHERE source_id = ?').all(source.id) as Array<{ identity_key: string; detail: string }>;
  const previous = new Map(previousRows.map((r) => [r.identity_key, JSON.parse(r.detail) as DiscoveredAgent]));
  const previousScan = statement(db, 'SELECT c.finished_at FROM scan_sources s JOIN scans c ON c.id = s.last_scan_id WHERE s.id = ?').get(source.id) as
    | { finished_at: string }
    | undefined;
  const changes = changesBetween(previous, agents, previousScan?.finished_at ?? null);
  const finishedAt = new Date().toISOString();
  const scanId = Number(
    statement(db, 'INSERT INTO scans (source_id, started_at, finished_at, actor, counters, warnings, changes) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
      source.id,
      scan.startedAt,
      finishedAt,
      scan.actor,
      JSON.stringify(scan.counters),
      JSON.stringify(scan.warnings),
      JSON.stringify(changes),
    ).lastInsertRowid,
  );
  statement(db, 'DELETE FROM discovered_agents WHERE source_id = ?').run(source.id);
  const insert = statement(
    db,
    'INSERT INTO discovered_agents (identity_key, source_id, scan_id, name, unit_kind, unit_path, classification, confidence, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (identity_key) DO NOTHING',
  );
  for (const agent of agents) {
    insert.run(agent.identityKey, source.id, scanId, agent.name, agent.unit.kind, agent.unit.path, agent.classification, agent.confidence, JSON.stringify(agent));
  }
  statement(db, 'UPDATE scan_sources SET last_scan_id = ? WHERE id = ?').run(scanId, source.id);
  return summaryOfScan(source, { finishedAt, counters: scan.counters, warnings: scan.warnings, changes });
}

function summaryOfScan(source: ScanSource, scan: { finishedAt: string; counters: ScanCounters; warnings: ScanSummary['warnings']; changes: StoredChanges }): ScanSummary {
  const { added, removed, changed, previousScanAt } = scan.changes;
  return { root: source.root, label: source.label, finishedAt: scan.finishedAt, previousScanAt, counters: scan.counters, changes: { added, removed, changed }, warnings: scan.warnings };
}

export function latestScans(db: Db): ScanSummary[] {
  const rows = statement(
    db,
    `SELECT s.id AS source_id, s.root, s.label, c.finished_at, c.counters, c.warnings, c.changes
     FROM scan_sources s JOIN scans c ON c.id = s.last_scan_id ORDER BY c.finished_at DESC`,
  ).all() as Array<{ source_id: number; root: string; label: string; finished_at: string; counters: string; warnings: string; changes: string }>;
  return rows.map((r) =>
    summaryOfScan(
      { id: r.source_id, root: r.root, label: r.label },
      { finishedAt: r.finished_at, counters: JSON.parse(r.counters), warnings: JSON.parse(r.warnings), changes: JSON.parse(r.changes) },
    ),
  );
}

// ---- reading candidates ------------------------------------------------------------------------

interface CandidateRow {
  identity_key: string;
  detail: string;
  root: string;
  changes: string;
  decision: CandidateDecision | null;
  agent_id: string | null;
  reason: string | null;
  decided_by: string | null;
  decided_at: string | null;
}

const SELECT_CANDIDATES = `SELECT d.identity_key, d.detail, s.root, c.changes, x.decision, x.agent_id, x.reason, x.decided_by, x.decided_at
  FROM discovered_agents d
  JOIN scan_sources s ON s.id = d.source_id
  JOIN scans c ON c.id = d.scan_id
  LEFT JOIN discovery_decisions x ON x.identity_key = d.identity_key`;

export type AdvisoryLookup = (agent: DiscoveredAgent) => AdvisoryMatch[];

/** Where usage-log candidates say they come from, in place of a scanned folder. */
export const USAGE_LOGS_SOURCE = 'Imported usage logs';
const NO_CHANGES = JSON.stringify({ addedKeys: [], changedKeys: [] });

/** Keys and agent tags from usage logs, as rows of the same queue, with their decisions. */
function usageCandidateRows(db: Db): CandidateRow[] {
  const candidates = usageCandidates(db);
  if (candidates.length === 0) return [];
  const decisions = statement(db, `SELECT identity_key, decision, agent_id, reason, decided_by, decided_at FROM discovery_decisions WHERE identity_key LIKE 'usage-%'`).all() as Array<
    Omit<CandidateRow, 'detail' | 'root' | 'changes'>
  >;
  const byKey = new Map(decisions.map((d) => [d.identity_key, d]));
  return candidates.map((c) => {
    const d = byKey.get(c.identityKey);
    return {
      identity_key: c.identityKey,
      detail: JSON.stringify(c),
      root: USAGE_LOGS_SOURCE,
      changes: NO_CHANGES,
      decision: d?.decision ?? null,
      agent_id: d?.agent_id ?? null,
      reason: d?.reason ?? null,
      decided_by: d?.decided_by ?? null,
      decided_at: d?.decided_at ?? null,
    };
  });
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

function summaryOf(row: CandidateRow, advisories: AdvisoryLookup): CandidateSummary {
  const agent = JSON.parse(row.detail) as DiscoveredAgent;
  const changes = JSON.parse(row.changes) as StoredChanges;
  return {
    identityKey: agent.identityKey,
    name: agent.name,
    unit: agent.unit,
    classification: agent.classification,
    confidence: agent.confidence,
    trigger: agent.trigger,
    providers: unique(agent.llm.map((l) => l.provider)),
    frameworks: unique(agent.frameworks.map((f) => f.framework)),
    models: unique(agent.llm.flatMap((l) => l.models)),
    capabilities: unique(agent.capabilities.map((c) => c.kind)),
    credentialCount: unique(agent.credentials.map((c) => c.name)).length,
    endpointCount: unique(agent.endpoints.map((e) => e.host)).length,
    advisoryCount: advisories(agent).length,
    decision: row.decision ?? 'pending',
    agentId: row.agent_id,
    reason: row.reason ?? '',
    sourceRoot: row.root,
    change: changes.addedKeys.includes(agent.identityKey) ? 'new' : changes.changedKeys.includes(agent.identityKey) ? 'changed' : null,
  };
}

export function listCandidates(db: Db, filter: { decision: CandidateDecision | 'all'; text?: string | undefined }, advisories: AdvisoryLookup): CandidateSummary[] {
  const rows = [...(statement(db, `${SELECT_CANDIDATES} ORDER BY d.unit_kind, d.name COLLATE NOCASE`).all() as CandidateRow[]), ...usageCandidateRows(db)];
  const text = filter.text?.trim().toLowerCase() ?? '';
  return rows
    .map((r) => summaryOf(r, advisories))
    .filter((c) => filter.decision === 'all' || c.decision === filter.decision)
    .filter((c) => text === '' || [c.name, c.unit.path, c.unit.name, ...c.frameworks, ...c.providers].some((v) => v.toLowerCase().includes(text)));
}

export function getCandidate(db: Db, identityKey: string, advisories: AdvisoryLookup): CandidateDetail {
  const row = isUsageCandidate(identityKey)
    ? usageCandidateRows(db).find((r) => r.identity_key === identityKey)
    : (statement(db, `${SELECT_CANDIDATES} WHERE d.identity_key = ?`).get(identityKey) as CandidateRow | undefined);
  if (!row && isUsageCandidate(identityKey)) throw new BackendError('not-found', 'That key or agent tag is no longer in the imported usage, or something now accounts for it; see the Usage page.');
  if (!row) throw new BackendError('not-found', 'That candidate is not in the latest scan any more; scan the folder again to refresh the list.');
  return detailOf(row, advisories);
}

function detailOf(row: CandidateRow, advisories: AdvisoryLookup): CandidateDetail {
  const agent = JSON.parse(row.detail) as DiscoveredAgent;
  return {
    ...agent,
    decision: row.decision ?? 'pending',
    agentId: row.agent_id,
    reason: row.reason ?? '',
    decidedBy: row.decided_by,
    decidedAt: row.decided_at,
    sourceRoot: row.root,
    advisories: advisories(agent),
  };
}

export function allCandidates(db: Db, advisories: AdvisoryLookup): CandidateDetail[] {
  // One read of every row, not a lookup per key: `agent-triage agents` lists hundreds.
  const rows = statement(db, `${SELECT_CANDIDATES} ORDER BY d.name COLLATE NOCASE, d.identity_key`).all() as CandidateRow[];
  return [...rows, ...usageCandidateRows(db)].map((row) => detailOf(row, advisories));
}

/** The discovered units confirmed as, or merged into, `agentId`: where its code and config were seen. */
export function candidatesJoinedTo(db: Db, agentId: string, advisories: AdvisoryLookup): CandidateDetail[] {
  const keys = statement(db, `SELECT identity_key FROM discovery_decisions WHERE agent_id = ? AND decision IN ('confirmed', 'merged') ORDER BY identity_key`).all(agentId) as Array<{ identity_key: string }>;
  const present = keys.filter((k) => statement(db, 'SELECT 1 FROM discovered_agents WHERE identity_key = ?').get(k.identity_key));
  return present.map((k) => getCandidate(db, k.identity_key, advisories));
}

/** What `candidatesJoinedTo` gives each agent, for every agent in one read (the triage overview reads them all). */
export function candidatesJoinedToEvery(db: Db, advisories: AdvisoryLookup): Map<string, CandidateDetail[]> {
  const rows = statement(db, `${SELECT_CANDIDATES} WHERE x.agent_id IS NOT NULL AND x.decision IN ('confirmed', 'merged') ORDER BY x.identity_key`).all() as CandidateRow[];
  const joined = new Map<string, CandidateDetail[]>();
  for (const row of rows) {
    const list = joined.get(row.agent_id!) ?? [];
    list.push(detailOf(row, advisories));
    joined.set(row.agent_id!, list);
  }
  return joined;
}

/**
 * How an item runs another item's code in its own process: a graph's sub-agents, the agents an
 * agent hands off to. Those items' tools act with the runner's credentials.
 */
const RUNS_IN_PROCESS: ReadonlySet<AgentLinkRelation> = new Set(['sub-agent', 'handoff-to']);

/**
 * The items an agent's joined units run in their own process, transitively (a supervisor's
 * workers, a triage agent's handoff targets), other than the units themselves. Each is its own
 * item in the review queue, pending, confirmed or dismissed as a person decided, but what its
 * tools can do is also what the deployed unit running it can do: the dossier counts their
 * capabilities and untrusted inputs for the runner, so confirming only the parent does not hide
 * its workers' database writes from triage.
 */
export function itemsRunBy(db: Db, units: readonly DiscoveredAgent[]): Array<{ item: DiscoveredAgent; relation: AgentLinkRelation }> {
  const seen = new Set(units.map((u) => u.identityKey));
  const found: Array<{ item: DiscoveredAgent; relation: AgentLinkRelation }> = [];
  let frontier: readonly DiscoveredAgent[] = units;
  while (frontier.length > 0) {
    const next: DiscoveredAgent[] = [];
    for (const unit of frontier) {
      for (const link of unit.links ?? []) {
        if (!RUNS_IN_PROCESS.has(link.relation) || seen.has(link.identityKey)) continue;
        seen.add(link.identityKey);
        const row = statement(db, 'SELECT detail FROM discovered_agents WHERE identity_key = ?').get(link.identityKey) as { detail: string } | undefined;
        if (!row) continue;
        const item = JSON.parse(row.detail) as DiscoveredAgent;
        found.push({ item, relation: link.relation });
        next.push(item);
      }
    }
    frontier = next;
  }
  return found;
}

/** Every registry agent's joined discovered units (confirmed or merged), in one read. */
export function candidatesJoinedToAll(db: Db): Map<string, DiscoveredAgent[]> {
  const rows = statement(
    db,
    `SELECT x.agent_id, d.detail FROM discovered_agents d JOIN discovery_decisions x ON x.identity_key = d.identity_key
     WHERE x.agent_id IS NOT NULL AND x.decision IN ('confirmed', 'merged')`,
  ).all() as Array<{ agent_id: string; detail: string }>;
  const joined = new Map<string, DiscoveredAgent[]>();
  for (const row of rows) joined.set(row.agent_id, [...(joined.get(row.agent_id) ?? []), JSON.parse(row.detail) as DiscoveredAgent]);
  return joined;
}

/** Candidates a person said are not agents: the non-agent systems that may share an agent's credential. */
export function dismissedCandidates(db: Db): DiscoveredAgent[] {
  const rows = statement(db, `SELECT d.detail FROM discovered_agents d JOIN discovery_decisions x ON x.identity_key = d.identity_key WHERE x.decision = 'dismissed'`).all() as Array<{ detail: string }>;
  return rows.map((r) => JSON.parse(r.detail) as DiscoveredAgent);
}

/** Every registry agent with the candidates already joined to it: what a new candidate is matched against. */
export function registryForMatching(db: Db, advisories: AdvisoryLookup): MatchableAgent[] {
  const linked = new Map<string, CandidateDetail[]>();
  for (const candidate of allCandidates(db, advisories)) {
    if (candidate.agentId === null || (candidate.decision !== 'confirmed' && candidate.decision !== 'merged')) continue;
    linked.set(candidate.agentId, [...(linked.get(candidate.agentId) ?? []), candidate]);
  }
  const origins = new Map(
    (statement(db, 'SELECT id, identity_key FROM agents WHERE identity_key IS NOT NULL').all() as Array<{ id: string; identity_key: string }>).map((r) => [r.id, r.identity_key]),
  );
  return allAgentRecords(db).map((record) => ({ record, originKey: origins.get(record.id) ?? null, linked: linked.get(record.id) ?? [] }));
}

// ---- decisions -------------------------------------------------------------------------------

function recordDecision(db: Db, identityKey: string, decision: CandidateDecision, agentId: string | null, reason: string, author: ChangeAuthor): void {
  const before = statement(db, 'SELECT decision FROM discovery_decisions WHERE identity_key = ?').get(identityKey) as { decision: string } | undefined;
  const now = new Date().toISOString();
  if (decision === 'pending') statement(db, 'DELETE FROM discovery_decisions WHERE identity_key = ?').run(identityKey);
  else {
    statement(
      db,
      `INSERT INTO discovery_decisions (identity_key, decision, agent_id, reason, decided_by, decided_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (identity_key) DO UPDATE SET decision = excluded.decision, agent_id = excluded.agent_id, reason = excluded.reason,
         decided_by = excluded.decided_by, decided_at = excluded.decided_at`,
    ).run(identityKey, decision, agentId, reason, author.actor, now);
  }
  if (isUsageCandidate(identityKey)) applyUsageCandidateDecision(db, identityKey, decision, agentId, author);
  const target = agentId ? ` (agent ${agentId})` : '';
  appendAudit(db, author, [{ entity: 'candidate', entityId: identityKey, field: 'decision', before: before?.decision ?? 'pending', after: reason ? `${decision}${target}: ${reason}` : `${decision}${target}` }], now);
}

/** The registry agent's own history shows which discovered unit was joined to it. */
function auditOnAgent(db: Db, agentId: string, candidate: CandidateDetail, what: string, author: ChangeAuthor): void {
  appendAudit(db, author, [{ entity: 'agent', entityId: agentId, field: 'discovery', before: null, after: `${what} ${candidate.name} (${candidate.unit.kind}, ${candidate.unit.path})` }]);
}

/** What a confirmed candidate brings into the registry: the facts a person would otherwise type. */
function draftFromCandidate(candidate: CandidateDetail): AgentDraft {
  if (candidate.usage) return draftFromUsage(candidate, candidate.usage);
  const stack = unique([...candidate.frameworks.map((f) => f.framework), ...candidate.llm.map((l) => l.provider)]).join(', ');
  return {
    name: candidate.name,
    status: 'confirmed',
    trigger: { kind: candidate.trigger.kind, schedule: candidate.trigger.schedule },
    credentials: unique(candidate.credentials.map((c) => c.name)).slice(0, 500),
    description: `Discovered in ${candidate.unit.path} (${candidate.unit.kind}${stack ? `; ${stack}` : ''}).`,
  };
}

/** An agent known only from what its key or tag spent: the key is its credential. */
function draftFromUsage(candidate: CandidateDetail, usage: UsageEvidence): AgentDraft {
  const spent = usage.costUsd > 0 ? `$${usage.costUsd.toFixed(2)}` : 'an unknown amount';
  return {
    name: candidate.name,
    status: 'confirmed',
    trigger: { kind: 'unknown', schedule: null },
    credentials: usage.keyId ? [`${usage.provider} API key ${usage.keyId}`] : [],
    description: `Found in usage logs (${usage.files.join(', ')}): ${usage.keyId ? `key ${usage.keyId}` : `agent tag ${usage.agentTag}`} spent ${spent} on ${usage.models.join(', ') || 'unnamed models'} from ${usage.firstDay} to ${usage.lastDay}. No code or deployment seen yet.`,
  };
}

/**
 * What to do instead of confirming an item that is not an agent (`registersAsAgent`): merging it
 * into its agent makes the server's tools, or the caller's trigger, count for that agent.
 */
const INSTEAD_OF_CONFIRMING: Partial<Record<CandidateClassification, string>> = {
  'mcp-server': 'an MCP server, a tool provider, not an agent: merge it into the agent that uses it, or dismiss it.',
  'remote-caller': 'code that starts an agent deployed elsewhere, not an agent: merge it into that agent (it is one of its triggers), or dismiss it.',
} as const;

export function confirmCandidate(db: Db, identityKey: string, author: ChangeAuthor, advisories: AdvisoryLookup): string {
  return writeTransaction(db, () => {
    const candidate = getCandidate(db, identityKey, advisories);
    if (!registersAsAgent(candidate.classification)) throw new BackendError('invalid-input', `${candidate.name} is ${INSTEAD_OF_CONFIRMING[candidate.classification] ?? 'not an agent: merge it into the agent it belongs to, or dismiss it.'}`);
    const existing = statement(db, 'SELECT id FROM agents WHERE identity_key = ?').get(identityKey) as { id: string } | undefined;
    const agentId = existing?.id ?? createAgent(db, draftFromCandidate(candidate), author, identityKey);
    recordDecision(db, identityKey, 'confirmed', agentId, '', author);
    auditOnAgent(db, agentId, candidate, existing ? 'confirmed again from candidate' : 'created from candidate', author);
    return agentId;
  });
}

export function dismissCandidate(db: Db, identityKey: string, reason: string, author: ChangeAuthor, advisories: AdvisoryLookup): void {
  writeTransaction(db, () => {
    getCandidate(db, identityKey, advisories);
    recordDecision(db, identityKey, 'dismissed', null, reason, author);
  });
}

export function mergeCandidate(db: Db, identityKey: string, agentId: string, author: ChangeAuthor, advisories: AdvisoryLookup): void {
  writeTransaction(db, () => {
    const candidate = getCandidate(db, identityKey, advisories);
    if (!statement(db, 'SELECT 1 FROM agents WHERE id = ?').get(agentId)) throw new BackendError('not-found', `No agent with id ${agentId} to merge into.`);
    recordDecision(db, identityKey, 'merged', agentId, '', author);
    auditOnAgent(db, agentId, candidate, 'merged candidate', author);
  });
}

export function reopenCandidate(db: Db, identityKey: string, author: ChangeAuthor, advisories: AdvisoryLookup): void {
  writeTransaction(db, () => {
    getCandidate(db, identityKey, advisories);
    recordDecision(db, identityKey, 'pending', null, '', author);
  });
}

// ---- rules -----------------------------------------------------------------------------------

export function disabledRuleIds(db: Db): Set<string> {
  return new Set((statement(db, 'SELECT rule_id FROM rule_settings WHERE enabled = 0').all() as Array<{ rule_id: string }>).map((r) => r.rule_id));
}

export function setRuleEnabled(db: Db, ruleId: string, enabled: boolean, author: ChangeAuthor): void {
  const now = new Date().toISOString();
  writeTransaction(db, () => {
    const before = statement(db, 'SELECT enabled FROM rule_settings WHERE rule_id = ?').get(ruleId) as { enabled: number } | undefined;
    statement(
      db,
      `INSERT INTO rule_settings (rule_id, enabled, changed_by, changed_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (rule_id) DO UPDATE SET enabled = excluded.enabled, changed_by = excluded.changed_by, changed_at = excluded.changed_at`,
    ).run(ruleId, enabled ? 1 : 0, author.actor, now);
    appendAudit(db, author, [{ entity: 'rule', entityId: ruleId, field: 'enabled', before: before ? String(before.enabled === 1) : 'true', after: String(enabled) }], now);
  });
}

// ---- advisories ------------------------------------------------------------------------------

/** An OSV record to store: its id, its `modified` date-time and the record as JSON. */
export interface ImportedAdvisory {
  id: string;
  modified: string;
  json: string;
}

/**
 * Stores imported OSV records in one transaction; each replaces the stored copy of its id unless
 * that copy was modified later. `modified` is compared as an instant: as text, a record whose
 * `modified` is not a date ("zzz") would sort after every real one and keep the genuine record
 * out forever. `records` may be lazy (an ecosystem zip read entry by entry) and is consumed inside
 * the transaction: a record that fails to read, or a cancel thrown while reading, rolls back all.
 */
export function storeImportedAdvisories(db: Db, records: Iterable<ImportedAdvisory>, sourceFile: string, author: ChangeAuthor): { imported: number; total: number } {
  const now = new Date().toISOString();
  const storedModified = statement(db, 'SELECT modified FROM advisories WHERE id = ?');
  const upsert = statement(
    db,
    `INSERT INTO advisories (id, modified, record, imported_at, source_file) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET modified = excluded.modified, record = excluded.record, imported_at = excluded.imported_at, source_file = excluded.source_file`,
  );
  let imported = 0;
  let total = 0;
  writeTransaction(db, () => {
    for (const r of records) {
      total++;
      const stored = storedModified.get(r.id) as { modified: string } | undefined;
      if (stored && instantOf(r.modified) < instantOf(stored.modified)) continue;
      imported += upsert.run(r.id, r.modified, r.json, now, sourceFile).changes;
    }
    appendAudit(db, author, [{ entity: 'workspace', entityId: 'advisories', field: 'imported', before: null, after: `${imported} of ${total} OSV records from ${sourceFile}` }], now);
  });
  return { imported, total };
}

/** A stored `modified` from before records were checked may be anything: it then counts as oldest. */
function instantOf(modified: string): number {
  return rfc3339Instant(modified) ?? Number.NEGATIVE_INFINITY;
}

export function importedAdvisoryRecords(db: Db): string[] {
  return (statement(db, 'SELECT record FROM advisories').all() as Array<{ record: string }>).map((r) => r.record);
}

/** Changes with every decision on a candidate and every scan: what caches of derived facts key on. */
export function discoveryVersion(db: Db): string {
  const row = statement(db, `SELECT COUNT(*) || ':' || COALESCE(MAX(decided_at), '') || ':' || (SELECT COALESCE(MAX(id), 0) FROM scans) AS v FROM discovery_decisions`).get() as { v: string };
  return row.v;
}
