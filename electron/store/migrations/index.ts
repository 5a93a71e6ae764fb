import { createHash } from 'node:crypto';
import registry from './001_registry';
import discovery from './002_discovery';

export interface Migration {
  version: number;
  name: string;
  sql: string;
  sha256: string;
}

/**
 * Every schema change, in order. An applied migration is never edited: its hash is recorded in
 * the workspace and checked at every open, so drift fails loudly instead of silently.
 * Migrations are TypeScript modules exporting SQL text so the bundle, the tests and the job
 * workers all load them the same way, with no files to locate at run time.
 */
const sources: Array<[number, string, string]> = [
  [1, 'registry', registry],
  [2, 'discovery', discovery],
];

export const MIGRATIONS: Migration[] = sources.map(([version, name, sql]) => ({
  version,
  name,
  sql,
  sha256: createHash('sha256').update(sql).digest('hex'),
}));

export const LATEST_SCHEMA_VERSION = MIGRATIONS.length === 0 ? 0 : MIGRATIONS[MIGRATIONS.length - 1]!.version;
