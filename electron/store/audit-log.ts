import type { AuditEntry } from '../../shared/contract';
import { insertRows } from './insert-rows';
import { statement } from './statements';
import type { Db } from './workspace-file';

/** Who made a change and through what: written with every audit row. */
export interface ChangeAuthor {
  actor: string;
  via: string;
}

export interface AuditChange {
  entity: AuditEntry['entity'];
  entityId: string;
  field: string;
  before: string | null;
  after: string | null;
}

const AUDIT_COLUMNS = ['at', 'actor', 'entity', 'entity_id', 'field', 'before', 'after', 'via'] as const;

export function appendAudit(db: Db, author: ChangeAuthor, changes: readonly AuditChange[], at = new Date().toISOString()): void {
  if (changes.length === 0) return;
  if (changes.length === 1) {
    const [c] = changes as [AuditChange];
    statement(db, 'INSERT INTO audit_log (at, actor, entity, entity_id, field, before, after, via) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(at, author.actor, c.entity, c.entityId, c.field, c.before, c.after, author.via);
    return;
  }
  // Many changes at once (an import's creations): multi-row INSERTs, in the order given.
  const values: unknown[] = [];
  for (const c of changes) values.push(at, author.actor, c.entity, c.entityId, c.field, c.before, c.after, author.via);
  insertRows(db, 'audit_log', AUDIT_COLUMNS, values);
}

export function auditOf(db: Db, entity: AuditEntry['entity'], entityId: string, limit = 1000): AuditEntry[] {
  return db
    .prepare(
      `SELECT id, at, actor, entity, entity_id AS entityId, field, before, after, via
       FROM audit_log WHERE entity = ? AND entity_id = ? ORDER BY id DESC LIMIT ?`,
    )
    .all(entity, entityId, limit) as AuditEntry[];
}
