import type { ImportFormat, ImportIssue, ImportRecord } from '../../shared/contract';
import { IMPORT_FORMAT_LABELS } from '../../shared/contract';
import type { CloudProvider } from '../../shared/iam';
import { appendAudit, type ChangeAuthor } from '../store/audit-log';
import { statement } from '../store/statements';
import type { Db } from '../store/workspace-file';

interface ImportRow {
  id: number;
  file_name: string;
  sha256: string;
  format: string;
  provider: string | null;
  scope: string;
  imported_at: string;
  actor: string;
  via: string;
  counts: string;
  warnings: string;
}

const COLUMNS = 'id, file_name, sha256, format, provider, scope, imported_at, actor, via, counts, warnings';

function toRecord(row: ImportRow): ImportRecord {
  const format = row.format as ImportFormat;
  return {
    id: row.id,
    fileName: row.file_name,
    sha256: row.sha256,
    format,
    formatLabel: IMPORT_FORMAT_LABELS[format] ?? row.format,
    provider: row.provider as CloudProvider | null,
    scope: row.scope,
    importedAt: row.imported_at,
    actor: row.actor,
    via: row.via,
    counts: JSON.parse(row.counts) as Record<string, number>,
    warnings: (JSON.parse(row.warnings) as ImportIssue[]).length,
  };
}

/** The import that brought this source's facts, if it was imported before. */
export function importOfSource(db: Db, sourceKey: string): ImportRecord | null {
  const row = statement(db, `SELECT ${COLUMNS} FROM imports WHERE source_key = ?`).get(sourceKey) as ImportRow | undefined;
  return row ? toRecord(row) : null;
}

export function listImports(db: Db): ImportRecord[] {
  return (statement(db, `SELECT ${COLUMNS} FROM imports ORDER BY id DESC`).all() as ImportRow[]).map(toRecord);
}

export interface NewImport {
  sourceKey: string;
  fileName: string;
  sha256: string;
  format: ImportFormat;
  provider: CloudProvider | null;
  scope: string;
  warnings: ImportIssue[];
}

/**
 * Records a file's import, first deleting the earlier import of the same source: its facts go
 * with it (ON DELETE CASCADE), decisions are kept (they are keyed by the facts' own names, not
 * by import). Call inside the pipeline's transaction; counts are filled in by `finishImport`.
 */
export function beginImport(db: Db, file: NewImport, author: ChangeAuthor, at: string): { id: number; replaced: ImportRecord | null } {
  const replaced = importOfSource(db, file.sourceKey);
  if (replaced) statement(db, 'DELETE FROM imports WHERE id = ?').run(replaced.id);
  // An id is never given twice: the audit log names imports by id ("replaced #3"), and SQLite
  // (no AUTOINCREMENT) would give the replacing import the id of the one just deleted, so the
  // history would say #3 replaced #3. The next id is past every id the audit log has named.
  const { next } = statement(
    db,
    `SELECT MAX(COALESCE((SELECT MAX(id) FROM imports), 0), COALESCE((SELECT MAX(CAST(entity_id AS INTEGER)) FROM audit_log WHERE entity = 'import'), 0)) + 1 AS next`,
  ).get() as { next: number };
  statement(
    db,
    `INSERT INTO imports (id, source_key, file_name, sha256, format, provider, scope, imported_at, actor, via, counts, warnings)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '{}', ?)`,
  ).run(next, file.sourceKey, file.fileName, file.sha256, file.format, file.provider, file.scope, at, author.actor, author.via, JSON.stringify(file.warnings.slice(0, 1000)));
  const id = next;
  const what = `${IMPORT_FORMAT_LABELS[file.format]} ${file.fileName}${file.scope ? ` (${file.scope})` : ''}, sha256 ${file.sha256.slice(0, 12)}`;
  const before = replaced ? `${replaced.fileName} imported ${replaced.importedAt} by ${replaced.actor} (#${replaced.id})` : null;
  appendAudit(db, author, [{ entity: 'import', entityId: String(id), field: 'imported', before, after: what }], at);
  return { id, replaced };
}

/** Records what was written; a streamed import also records the warnings it met while writing. */
export function finishImport(db: Db, id: number, counts: Record<string, number>, warnings?: ImportIssue[]): ImportRecord {
  statement(db, 'UPDATE imports SET counts = ? WHERE id = ?').run(JSON.stringify(counts), id);
  if (warnings) statement(db, 'UPDATE imports SET warnings = ? WHERE id = ?').run(JSON.stringify(warnings.slice(0, 1000)), id);
  return toRecord(statement(db, `SELECT ${COLUMNS} FROM imports WHERE id = ?`).get(id) as ImportRow);
}

/** Imports of cloud IAM exports (those with a provider): none means no blast radius can be drawn yet. */
export function countCloudImports(db: Db): number {
  return (statement(db, 'SELECT COUNT(*) AS n FROM imports WHERE provider IS NOT NULL').get() as { n: number }).n;
}
