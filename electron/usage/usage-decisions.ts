import { BackendError } from '../../shared/errors';
import type { CandidateDecision } from '../../shared/discovery';
import { appendAudit, type ChangeAuthor } from '../store/audit-log';
import { statement } from '../store/statements';
import type { Db } from '../store/workspace-file';
import { writeTransaction } from '../store/write-transaction';
import { USAGE_KEY_CANDIDATE, USAGE_TAG_CANDIDATE } from './usage-keys';

interface MappingRow {
  agent_id: string | null;
  application: number;
}

function describeMapping(db: Db, m: MappingRow | undefined | null): string | null {
  if (!m) return null;
  if (m.application) return 'application layer (not an agent)';
  const agent = statement(db, 'SELECT name FROM agents WHERE id = ?').get(m.agent_id) as { name: string } | undefined;
  return `agent ${agent?.name ?? m.agent_id} (${m.agent_id})`;
}

/**
 * A person says whose a key is: an agent's, the application layer's, or (both empty) nobody's
 * yet. Audited; a call's own agent tag still wins over the key's mapping.
 */
export function mapUsageKey(db: Db, provider: string, keyId: string, target: { agentId: string | null; application: boolean }, author: ChangeAuthor): void {
  writeTransaction(db, () => {
    if (!statement(db, 'SELECT 1 FROM usage_rows WHERE provider = ? AND key_id = ? LIMIT 1').get(provider, keyId)) {
      throw new BackendError('not-found', `No imported usage names the ${provider} key ${keyId.slice(0, 80)}; import the usage that shows it first.`);
    }
    if (target.agentId !== null && target.application) throw new BackendError('invalid-input', 'A key is mapped to an agent or to the application layer, not both; choose one.');
    if (target.agentId !== null && !statement(db, 'SELECT 1 FROM agents WHERE id = ?').get(target.agentId)) throw new BackendError('not-found', `No agent with id ${target.agentId}.`);
    const before = statement(db, 'SELECT agent_id, application FROM usage_key_mappings WHERE provider = ? AND key_id = ?').get(provider, keyId) as MappingRow | undefined;
    const at = new Date().toISOString();
    if (target.agentId === null && !target.application) statement(db, 'DELETE FROM usage_key_mappings WHERE provider = ? AND key_id = ?').run(provider, keyId);
    else {
      statement(
        db,
        `INSERT INTO usage_key_mappings (provider, key_id, agent_id, application, decided_by, decided_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (provider, key_id) DO UPDATE SET agent_id = excluded.agent_id, application = excluded.application, decided_by = excluded.decided_by, decided_at = excluded.decided_at`,
      ).run(provider, keyId, target.agentId, target.application ? 1 : 0, author.actor, at);
    }
    const after = target.agentId === null && !target.application ? null : describeMapping(db, { agent_id: target.agentId, application: target.application ? 1 : 0 });
    appendAudit(db, author, [{ entity: 'usage-key', entityId: `${provider}:${keyId}`, field: 'mapping', before: describeMapping(db, before), after: after ?? 'not mapped' }], at);
  });
}

function mapUsageTag(db: Db, tag: string, agentId: string | null, author: ChangeAuthor): void {
  const at = new Date().toISOString();
  if (agentId === null) statement(db, 'DELETE FROM usage_tag_mappings WHERE tag = ?').run(tag);
  else {
    statement(db, `INSERT INTO usage_tag_mappings (tag, agent_id, decided_by, decided_at) VALUES (?, ?, ?, ?) ON CONFLICT (tag) DO UPDATE SET agent_id = excluded.agent_id, decided_by = excluded.decided_by, decided_at = excluded.decided_at`).run(
      tag,
      agentId,
      author.actor,
      at,
    );
  }
}

export function isUsageCandidate(identityKey: string): boolean {
  return identityKey.startsWith(USAGE_KEY_CANDIDATE) || identityKey.startsWith(USAGE_TAG_CANDIDATE);
}

/**
 * What a review decision on a usage candidate means for attribution: confirming or merging a key
 * maps it to the agent; dismissing says it is the application layer's; reopening undoes it. A tag
 * merged into an agent is mapped to it (a confirmed tag names the new agent already).
 */
export function applyUsageCandidateDecision(db: Db, identityKey: string, decision: CandidateDecision, agentId: string | null, author: ChangeAuthor): void {
  if (identityKey.startsWith(USAGE_KEY_CANDIDATE)) {
    const rest = identityKey.slice(USAGE_KEY_CANDIDATE.length);
    const at = rest.indexOf(':');
    const provider = rest.slice(0, at);
    const keyId = rest.slice(at + 1);
    if (decision === 'confirmed' || decision === 'merged') mapUsageKey(db, provider, keyId, { agentId, application: false }, author);
    else if (decision === 'dismissed') mapUsageKey(db, provider, keyId, { agentId: null, application: true }, author);
    else mapUsageKey(db, provider, keyId, { agentId: null, application: false }, author);
  } else if (identityKey.startsWith(USAGE_TAG_CANDIDATE)) {
    const tag = identityKey.slice(USAGE_TAG_CANDIDATE.length);
    mapUsageTag(db, tag, decision === 'merged' || decision === 'confirmed' ? agentId : null, author);
  }
}
