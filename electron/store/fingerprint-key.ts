import { randomBytes } from 'node:crypto';
import { FINGERPRINT_KEY_BYTES, type FingerprintKey } from '../discovery/secret-fingerprint';
import type { Db } from './workspace-file';

/** The workspace_meta entry holding the workspace's secret fingerprint key (hex). */
const META_KEY = 'secret_fingerprint_key';

/**
 * The workspace's own random key for secret fingerprints. Made once, by the migration that
 * introduced keyed fingerprints (also for new workspaces), and never changed: every stored
 * fingerprint depends on it, and a copy (Save As) keeps it, so the copy still matches.
 */
export function createFingerprintKey(db: Db): FingerprintKey {
  const key = randomBytes(FINGERPRINT_KEY_BYTES);
  db.prepare('INSERT INTO workspace_meta (key, value) VALUES (?, ?)').run(META_KEY, key.toString('hex'));
  return key;
}

export function fingerprintKeyOf(db: Db): FingerprintKey {
  const row = db.prepare('SELECT value FROM workspace_meta WHERE key = ?').get(META_KEY) as { value: string } | undefined;
  if (!row || !/^[0-9a-f]{64}$/.test(row.value)) {
    // Never scan without it: fingerprints under a missing or made-up key would not match the workspace's own.
    throw new Error('This workspace has no secret fingerprint key; it was not migrated. Open it again with this version of the app.');
  }
  return Buffer.from(row.value, 'hex');
}
