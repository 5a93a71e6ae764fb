import type { AuditEntry } from '../../shared/contract';
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

export function appendAudit(db: Db, author: ChangeAuthor, changes: AuditChange[], at = new Date().toISOString()): void {
  if (changes.length === 0) return;
  const insert = statement(
    db,
    'INSERT INTO audit_log (at, actor, entity, entity_id, field, before, after, via) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  for (const c of changes) insert.run(at, author.actor, c.entity, c.entityId, c.field, c.before, c.after, author.via);
}

export function auditOf(db: Db, entity: AuditEntry['entity'], entityId: string, limit = 1000): AuditEntry[] {
  return db
    .prepare(
      `SELECT id, at, actor, entity, entity_id AS entityId, field, before, after, via
       FROM audit_log WHERE entity = ? AND entity_id = ? ORDER BY id DESC LIMIT ?`,
    )
    .all(entity, entityId, limit) as AuditEntry[];
}
