import { createHash } from 'node:crypto';
import type { Db } from '../workspace-file';
import registry from '../../agents/migrations/001_registry';
import discovery from '../../discovery/migrations/002_discovery';
import keyedSecretFingerprints, { keySecretFingerprints } from '../../discovery/migrations/003_keyed_secret_fingerprints';
import otherDataAccess from '../../agents/migrations/004_other_data_access';
import imports from '../../imports/migrations/005_imports';
import identityGraph from '../../iam/migrations/006_identity_graph';
import usage from '../../usage/migrations/007_usage';
import checklistAttestations from '../../triage/migrations/008_checklist_attestations';
import plan from '../../plan/migrations/009_plan';
import agentReviews from '../../review/migrations/010_agent_reviews';
import usageFactCache from '../../usage/migrations/013_usage_fact_cache';
import blastRadiusSummaries from '../../blast-radius/migrations/011_blast_radius_summaries';
import reportSettings from '../../report/migrations/012_report_settings';
import candidateClassifications from '../../discovery/migrations/014_candidate_classifications';

export interface Migration {
  version: number;
  name: string;
  sql: string;
  sha256: string;
  /**
   * Work SQL cannot do (an HMAC), run after `sql` in the same transaction. Only `sql` is hashed
   * (code changes shape when bundled), so the step of an applied migration must never change
   * either; its SQL text says what it does.
   */
  rewrite?: (db: Db) => void;
  /**
   * The migration rewrote values that must not survive anywhere in the file (secrets): the
   * runner vacuums the file and empties the WAL after it.
   */
  scrubsOldValues?: boolean;
}

/**
 * Every schema change, in order. An applied migration is never edited: its hash is recorded in
 * the workspace and checked at every open, so drift fails loudly instead of silently.
 * Migrations are TypeScript modules exporting SQL text so the bundle, the tests and the job
 * workers all load them the same way, with no files to locate at run time.
 */
const sources: Array<[number, string, string, Pick<Migration, 'rewrite' | 'scrubsOldValues'>?]> = [
  [1, 'registry', registry],
  [2, 'discovery', discovery],
  [3, 'keyed secret fingerprints', keyedSecretFingerprints, { rewrite: keySecretFingerprints, scrubsOldValues: true }],
  [4, 'other data access', otherDataAccess],
  [5, 'imports', imports],
  [6, 'identity graph', identityGraph],
  [7, 'usage', usage],
  [8, 'checklist attestations', checklistAttestations],
  [9, 'hardening plan', plan],
  [10, 'agent reviews', agentReviews],
  [11, 'blast radius summaries', blastRadiusSummaries],
  [12, 'report settings', reportSettings],
  [13, 'usage fact cache', usageFactCache],
  [14, 'candidate classifications', candidateClassifications],
];

export const MIGRATIONS: Migration[] = sources.map(([version, name, sql, code]) => ({
  version,
  name,
  sql,
  sha256: createHash('sha256').update(sql).digest('hex'),
  ...code,
}));

export const LATEST_SCHEMA_VERSION = MIGRATIONS.length === 0 ? 0 : MIGRATIONS[MIGRATIONS.length - 1]!.version;
