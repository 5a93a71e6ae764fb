import type { Db } from './workspace-file';

/** What the title bar and Save As need to know about the open file. */
export function readWorkspaceMeta(db: Db): { createdAt: string; isDemo: boolean; schemaVersion: number } {
  const created = db.prepare(`SELECT value FROM workspace_meta WHERE key = 'created_at'`).get() as { value: string } | undefined;
  return {
    createdAt: created?.value ?? '',
    isDemo: db.prepare(`SELECT 1 FROM workspace_meta WHERE key = 'demo'`).get() !== undefined,
    schemaVersion: db.pragma('user_version', { simple: true }) as number,
  };
}

/** Marks the file as the demo engagement, which Workspace ▸ Reset demo may rebuild. */
export function markAsDemo(db: Db, engagement: string): void {
  db.prepare(`INSERT INTO workspace_meta (key, value) VALUES ('demo', ?)`).run(engagement);
}

/** Moves everything in the WAL into the file, so a renamed or copied file is whole on its own. */
export function checkpointWal(db: Db): void {
  db.pragma('wal_checkpoint(TRUNCATE)');
}
