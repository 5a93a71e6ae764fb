import { fingerprintOfDigest, secretCredentialName, type FingerprintKey } from '../secret-fingerprint';
import { appendAudit } from '../../store/audit-log';
import { createFingerprintKey } from '../../store/fingerprint-key';
import type { Db } from '../../store/workspace-file';

/**
 * Secrets leave no guessable trace. Until now a secret seen in a scanned file was stored as the
 * plain SHA-256 of its value plus its last four characters; of a weak password both together
 * made offline guessing practical. SQL cannot compute an HMAC, so the work is the code step
 * below (run in the same transaction as this text); the runner then vacuums the file and
 * empties the WAL so the old values do not survive in free pages.
 */
export default /* sql */ `
-- 003 keyed secret fingerprints: code step keySecretFingerprints (003_keyed_secret_fingerprints.ts).
-- workspace_meta.secret_fingerprint_key: 32 random bytes (hex) made for this workspace.
-- discovered_agents.detail: credentials[].fingerprint sha256(secret) -> HMAC-SHA256(key, sha256(secret));
--   credentials[].last4 removed (preview null); "…abcd" mask tails removed from every text.
-- agent_credentials.credential and audit_log credential lists: the same names, without last four characters.
`;

const SHA256_HEX = /^[0-9a-f]{64}$/;
/** What the old masks left after their ellipsis: the secret's last (up to) four characters. */
const MASK_TAIL = /…[^\s…]{1,4}/g;
/** An old credential name: "openai key …abcd", "DB_PASSWORD …abcd". */
const NAME_TAIL = / …[^\s…]{1,4}$/;

interface StoredCredential {
  name: string;
  fingerprint?: string | null;
  last4?: string | null;
  preview?: string | null;
}

interface Rewritten {
  /** Old credential name -> new one, for the registry and the audit log. */
  renamed: Map<string, string>;
  facts: number;
}

export function keySecretFingerprints(db: Db): void {
  const key = createFingerprintKey(db);
  const rewritten = rewriteDiscoveredAgents(db, key);
  const registry = rewriteRegistryCredentials(db, rewritten.renamed);
  const audit = rewriteAuditCredentials(db, rewritten.renamed);
  if (rewritten.facts + registry + audit === 0) return;
  appendAudit(db, { actor: 'agent-triage', via: 'migration 3' }, [
    {
      entity: 'workspace',
      entityId: 'secrets',
      field: 'redacted',
      before: null,
      after: `Secret fingerprints keyed to this workspace; last four characters of secrets removed from ${rewritten.facts} discovered candidates, ${registry} registry credentials and ${audit} audit entries.`,
    },
  ]);
}

function rewriteDiscoveredAgents(db: Db, key: FingerprintKey): Rewritten {
  const renamed = new Map<string, string>();
  const update = db.prepare('UPDATE discovered_agents SET detail = ? WHERE identity_key = ?');
  let facts = 0;
  for (const row of db.prepare('SELECT identity_key, detail FROM discovered_agents').all() as Array<{ identity_key: string; detail: string }>) {
    const agent = JSON.parse(row.detail) as { credentials?: StoredCredential[] };
    for (const credential of agent.credentials ?? []) {
      if (typeof credential.fingerprint === 'string' && SHA256_HEX.test(credential.fingerprint)) {
        credential.fingerprint = fingerprintOfDigest(Buffer.from(credential.fingerprint, 'hex'), key);
      }
      if (typeof credential.last4 === 'string' && credential.last4 !== '') {
        const name = nameWithoutLastFour(credential.name, credential.last4, credential.fingerprint ?? null);
        renamed.set(credential.name, name);
        credential.name = name;
      }
      delete credential.last4;
      credential.preview ??= null;
    }
    const detail = JSON.stringify(withoutMaskTails(agent));
    if (detail === row.detail) continue;
    update.run(detail, row.identity_key);
    facts++;
  }
  return { renamed, facts };
}

/** "openai key …abcd" -> "openai key #3fa2c1": the start of its new fingerprint keeps two keys of one provider apart. */
function nameWithoutLastFour(name: string, last4: string, fingerprint: string | null): string {
  const tail = ` …${last4}`;
  const base = name.endsWith(tail) ? name.slice(0, -tail.length) : name.split(`…${last4}`).join('…');
  return fingerprint ? secretCredentialName(base, null, fingerprint) : base;
}

/** Every text of a stored fact without the characters old masks kept ("sk-proj-…Wx9f" -> "sk-proj-…"); the identity key and fingerprints are not texts. */
function withoutMaskTails(value: unknown, field = ''): unknown {
  if (typeof value === 'string') return field === 'identityKey' || field === 'fingerprint' ? value : value.replace(MASK_TAIL, '…');
  if (Array.isArray(value)) return value.map((item) => withoutMaskTails(item));
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutMaskTails(v, k)]));
  return value;
}

function renamedCredential(name: string, renamed: Map<string, string>): string {
  return renamed.get(name) ?? name.replace(NAME_TAIL, ' …');
}

/** Registry agents confirmed from candidates carry the candidates' credential names. */
function rewriteRegistryCredentials(db: Db, renamed: Map<string, string>): number {
  const update = db.prepare('UPDATE agent_credentials SET credential = ? WHERE agent_id = ? AND position = ?');
  let changed = 0;
  const rows = db.prepare("SELECT agent_id, position, credential FROM agent_credentials WHERE instr(credential, '…') > 0").all() as Array<{ agent_id: string; position: number; credential: string }>;
  for (const row of rows) {
    const name = renamedCredential(row.credential, renamed);
    if (name === row.credential) continue;
    update.run(name, row.agent_id, row.position);
    changed++;
  }
  return changed;
}

/**
 * The audit log lists an agent's credentials when it is created or they change. It is
 * append-only, by trigger; this one rewrite of history removes secret characters and nothing
 * else, and is itself recorded in the log.
 */
function rewriteAuditCredentials(db: Db, renamed: Map<string, string>): number {
  const rows = db
    .prepare(
      `SELECT id, field, before, after FROM audit_log
       WHERE entity = 'agent' AND field IN ('created', 'credentials') AND (instr(coalesce(before, ''), '…') > 0 OR instr(coalesce(after, ''), '…') > 0)`,
    )
    .all() as Array<{ id: number; field: string; before: string | null; after: string | null }>;
  const list = (text: string) =>
    text
      .split('; ')
      .map((name) => renamedCredential(name, renamed))
      .join('; ');
  const rewrite = (field: string, text: string | null): string | null => {
    if (text === null) return null;
    if (field === 'credentials') return list(text);
    return text
      .split('\n')
      .map((line) => (line.startsWith('credentials: ') ? `credentials: ${list(line.slice('credentials: '.length))}` : line))
      .join('\n');
  };
  const changes = rows
    .map((row) => ({ id: row.id, before: rewrite(row.field, row.before), after: rewrite(row.field, row.after), row }))
    .filter((c) => c.before !== c.row.before || c.after !== c.row.after);
  if (changes.length === 0) return 0;
  db.exec('DROP TRIGGER audit_log_is_append_only_update');
  const update = db.prepare('UPDATE audit_log SET before = ?, after = ? WHERE id = ?');
  for (const change of changes) update.run(change.before, change.after, change.id);
  db.exec(`CREATE TRIGGER audit_log_is_append_only_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;`);
  return changes.length;
}
