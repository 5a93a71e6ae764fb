import type { Attribution } from '../../shared/usage';
import { fingerprintOfDigest } from '../discovery/secret-fingerprint';
import { candidatesJoinedToAll } from '../discovery/discovery-repository';
import { fingerprintKeyOf } from '../store/fingerprint-key';
import { statement } from '../store/statements';
import { scoped } from '../store/read-scope';
import type { Db } from '../store/workspace-file';
import { writeTransaction } from '../store/write-transaction';
import { hash53 } from './row-identity';

export interface AttributedTo {
  agentId: string | null;
  attribution: Attribution;
}

export interface RowTags {
  provider: string;
  keyId: string | null;
  agentTag: string | null;
  serviceTag: string | null;
}

export type Attribute = (row: RowTags) => AttributedTo;

const keyOf = (provider: string, keyId: string) => `${provider}\u0000${keyId}`;
/** Tags are written as slugs ("support-reply-drafter", "support_reply_drafter"); names as people write them. */
const slugOf = (text: string) => text.trim().toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
/** Key ids inside a registry credential ("OPENAI_API_KEY (disputes, key_2mX9dRkD4qLw)"). */
const credentialTokens = (credential: string) => credential.split(/[\s(),;]+/).filter((t) => t.length >= 8);
const UNATTRIBUTED: AttributedTo = { agentId: null, attribution: 'unattributed' };
const LITELLM_KEY_HASH = /^[0-9a-f]{64}$/;

/**
 * Who spent a usage row, in this order:
 * 1. its own tag: an agent id or name in the call's metadata, request tags or OTel attributes
 *    (a tag a person mapped to an agent counts too), then the caller's service or key alias;
 * 2. a person's mapping of the key (to an agent, or to the application layer);
 * 3. the key itself: an agent whose registry credentials name the key id, or whose code holds the
 *    key a LiteLLM hash stands for (its fingerprint, under the workspace's key, matches).
 * Anything else stays unattributed: it is never folded into another row.
 */
export function attributionOf(db: Db): Attribute {
  const byTag = new Map<string, string>();
  const agents = statement(db, 'SELECT id, name FROM agents ORDER BY created_at, id').all() as Array<{ id: string; name: string }>;
  for (const agent of agents) if (!byTag.has(slugOf(agent.name))) byTag.set(slugOf(agent.name), agent.id);
  for (const agent of agents) byTag.set(agent.id.toLowerCase(), agent.id);
  for (const m of statement(db, 'SELECT tag, agent_id FROM usage_tag_mappings').all() as Array<{ tag: string; agent_id: string }>) byTag.set(slugOf(m.tag), m.agent_id);

  const byPerson = new Map<string, AttributedTo>();
  for (const m of statement(db, 'SELECT provider, key_id, agent_id, application FROM usage_key_mappings').all() as Array<{ provider: string; key_id: string; agent_id: string | null; application: number }>) {
    byPerson.set(keyOf(m.provider, m.key_id), m.application ? { agentId: null, attribution: 'application' } : { agentId: m.agent_id, attribution: 'person' });
  }

  const byCredential = new Map<string, string>();
  for (const c of statement(db, 'SELECT agent_id, credential FROM agent_credentials ORDER BY agent_id, position').all() as Array<{ agent_id: string; credential: string }>) {
    for (const token of credentialTokens(c.credential)) if (!byCredential.has(token)) byCredential.set(token, c.agent_id);
  }
  let byFingerprint: Map<string, string> | null = null;
  const fingerprints = () => {
    if (!byFingerprint) {
      byFingerprint = new Map();
      for (const [agentId, units] of candidatesJoinedToAll(db)) for (const unit of units) for (const c of unit.credentials) if (c.fingerprint) byFingerprint.set(c.fingerprint, agentId);
    }
    return byFingerprint;
  };
  let fingerprintKey: Uint8Array | null = null;

  const byKey = new Map<string, AttributedTo>();
  const keyAttribution = (provider: string, keyId: string): AttributedTo => {
    const k = keyOf(provider, keyId);
    let found = byKey.get(k);
    if (found) return found;
    found = byPerson.get(k) ?? UNATTRIBUTED;
    if (found === UNATTRIBUTED) {
      const named = byCredential.get(keyId);
      if (named) found = { agentId: named, attribution: 'key' };
      else if (LITELLM_KEY_HASH.test(keyId) && fingerprints().size > 0) {
        fingerprintKey ??= fingerprintKeyOf(db);
        const agentId = fingerprints().get(fingerprintOfDigest(Buffer.from(keyId, 'hex'), fingerprintKey));
        if (agentId) found = { agentId, attribution: 'key' };
      }
    }
    byKey.set(k, found);
    return found;
  };

  return (row) => {
    const tagged = (row.agentTag && (byTag.get(row.agentTag.trim().toLowerCase()) ?? byTag.get(slugOf(row.agentTag)))) || (row.serviceTag && byTag.get(slugOf(row.serviceTag)));
    if (tagged) return { agentId: tagged, attribution: 'tag' };
    if (row.keyId === null) return UNATTRIBUTED;
    const byKeyAttribution = keyAttribution(row.provider, row.keyId);
    // A call that names an agent nobody registered is that (ghost) agent's, not the application's.
    return row.agentTag && byKeyAttribution.attribution === 'application' ? UNATTRIBUTED : byKeyAttribution;
  };
}

const VERSION_KEY = 'usage_attribution_inputs';
/** Per connection: the write counters at the last check that found attribution current. */
const checkedAt = new WeakMap<Db, string>();

/** What attribution depends on: agents' ids, names and credentials, mappings, and joined code (fingerprints). */
function attributionInputs(db: Db): string {
  const parts = [
    statement(db, `SELECT COALESCE(group_concat(id || '\u001f' || name, '\u001e'), '') AS v FROM (SELECT id, name FROM agents ORDER BY id)`).get() as { v: string },
    statement(db, `SELECT COALESCE(group_concat(agent_id || '\u001f' || credential, '\u001e'), '') AS v FROM (SELECT agent_id, credential FROM agent_credentials ORDER BY agent_id, position)`).get() as { v: string },
    statement(db, `SELECT COALESCE(group_concat(provider || '\u001f' || key_id || '\u001f' || COALESCE(agent_id, '') || application, '\u001e'), '') AS v FROM (SELECT * FROM usage_key_mappings ORDER BY provider, key_id)`).get() as { v: string },
    statement(db, `SELECT COALESCE(group_concat(tag || '\u001f' || agent_id, '\u001e'), '') AS v FROM (SELECT * FROM usage_tag_mappings ORDER BY tag)`).get() as { v: string },
    statement(db, `SELECT COUNT(*) || ':' || COALESCE(MAX(decided_at), '') || ':' || (SELECT COALESCE(MAX(id), 0) FROM scans) AS v FROM discovery_decisions`).get() as { v: string },
  ];
  return String(hash53(parts.map((p) => p.v).join('\u001d')));
}

/**
 * Attributes every stored row again when what attribution depends on changed since it last ran
 * (an agent created, renamed or deleted, a key or tag mapped, code joined), whichever process
 * changed it. Rows are grouped by what decides them (provider, key, agent tag, service), so a
 * million rows cost one pass and the writes of the rows that change.
 */
export function ensureAttribution(db: Db): void {
  scoped(db, 'attribution-checked', () => checkAttribution(db));
}

function checkAttribution(db: Db): true {
  // Nothing was written by this connection or any other since the last check: nothing to redo.
  if (checkedAt.get(db) === writeCounters(db)) return true;
  const inputs = attributionInputs(db);
  const stored = statement(db, 'SELECT value FROM workspace_meta WHERE key = ?').get(VERSION_KEY) as { value: string } | undefined;
  if (stored?.value !== inputs) reattribute(db, inputs);
  checkedAt.set(db, writeCounters(db));
  return true;
}

/** Commits by other connections (data_version) and changes made by this one (total_changes). */
function writeCounters(db: Db): string {
  return `${db.pragma('data_version', { simple: true }) as number}:${(statement(db, 'SELECT total_changes() AS n').get() as { n: number }).n}`;
}

function reattribute(db: Db, inputs: string): void {
  writeTransaction(db, () => {
    const attribute = attributionOf(db);
    const combos = statement(db, 'SELECT DISTINCT provider, key_id, agent_tag, service_tag FROM usage_rows').all() as Array<{ provider: string; key_id: string | null; agent_tag: string | null; service_tag: string | null }>;
    db.exec('CREATE TEMP TABLE IF NOT EXISTS usage_attribution (provider TEXT NOT NULL, key_id TEXT NOT NULL, agent_tag TEXT NOT NULL, service_tag TEXT NOT NULL, agent_id TEXT, attribution TEXT NOT NULL, PRIMARY KEY (provider, key_id, agent_tag, service_tag)) WITHOUT ROWID');
    db.exec('DELETE FROM temp.usage_attribution');
    const insert = db.prepare('INSERT INTO temp.usage_attribution VALUES (?, ?, ?, ?, ?, ?)');
    for (const c of combos) {
      const who = attribute({ provider: c.provider, keyId: c.key_id, agentTag: c.agent_tag, serviceTag: c.service_tag });
      insert.run(c.provider, c.key_id ?? '', c.agent_tag ?? '', c.service_tag ?? '', who.agentId, who.attribution);
    }
    const match = `m.provider = usage_rows.provider AND m.key_id = IFNULL(usage_rows.key_id, '') AND m.agent_tag = IFNULL(usage_rows.agent_tag, '') AND m.service_tag = IFNULL(usage_rows.service_tag, '')`;
    db.exec(`UPDATE usage_rows SET (agent_id, attribution) = (SELECT m.agent_id, m.attribution FROM temp.usage_attribution m WHERE ${match})
      WHERE EXISTS (SELECT 1 FROM temp.usage_attribution m WHERE ${match} AND (m.agent_id IS NOT usage_rows.agent_id OR m.attribution != usage_rows.attribution))`);
    db.exec('DELETE FROM temp.usage_attribution');
    statement(db, 'INSERT INTO workspace_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(VERSION_KEY, inputs);
  });
}
