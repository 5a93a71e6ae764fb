import { CONFIDENTIALITY_MARKINGS, type ConfidentialityMarking, type ReportSettings } from '../../shared/report';
import { appendAudit, type AuditChange, type ChangeAuthor } from '../store/audit-log';
import { statement } from '../store/statements';
import type { Db } from '../store/workspace-file';
import { writeTransaction } from '../store/write-transaction';

interface StoredSettings {
  engagement: string;
  client: string;
  confidentiality: string;
  set_by: string;
  set_at: string;
}

const DEFAULT_MARKING: ConfidentialityMarking = 'Confidential';

/**
 * The cover's engagement, client and marking. Until a person sets them: the workspace's name is
 * the engagement, the demo names its client, and the marking is Confidential (a report about a
 * client's agents is never public by default).
 */
export function reportSettingsOf(db: Db, workspaceName: string): ReportSettings {
  const stored = statement(db, 'SELECT engagement, client, confidentiality, set_by, set_at FROM report_settings WHERE id = 1').get() as StoredSettings | undefined;
  if (stored) {
    const marking = CONFIDENTIALITY_MARKINGS.find((m) => m === stored.confidentiality) ?? DEFAULT_MARKING;
    return { engagement: stored.engagement, client: stored.client, confidentiality: marking, setBy: stored.set_by, setAt: stored.set_at };
  }
  const demo = statement(db, `SELECT value FROM workspace_meta WHERE key = 'demo'`).get() as { value: string } | undefined;
  return { engagement: demo ? 'AI agent review' : workspaceName, client: demo?.value ?? '', confidentiality: DEFAULT_MARKING, setBy: null, setAt: null };
}

export function setReportSettings(db: Db, workspaceName: string, next: Pick<ReportSettings, 'engagement' | 'client' | 'confidentiality'>, author: ChangeAuthor, now = new Date()): ReportSettings {
  const at = now.toISOString();
  writeTransaction(db, () => {
    const before = reportSettingsOf(db, workspaceName);
    const changes: AuditChange[] = (['engagement', 'client', 'confidentiality'] as const)
      .filter((field) => before[field] !== next[field])
      .map((field) => ({ entity: 'workspace', entityId: 'report', field, before: before[field], after: next[field] }));
    if (changes.length === 0) return;
    statement(
      db,
      `INSERT INTO report_settings (id, engagement, client, confidentiality, set_by, set_at) VALUES (1, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET engagement = excluded.engagement, client = excluded.client, confidentiality = excluded.confidentiality, set_by = excluded.set_by, set_at = excluded.set_at`,
    ).run(next.engagement, next.client, next.confidentiality, author.actor, at);
    appendAudit(db, author, changes, at);
  });
  return reportSettingsOf(db, workspaceName);
}
