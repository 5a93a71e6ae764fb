import type { AgentDossier } from '../../shared/contract';
import { todayIso } from '../../shared/registry';
import type { AgentDrift, ReviewRecord } from '../../shared/review';
import { updateAgent } from '../agents/agents-repository';
import { blastRadiusOf } from '../blast-radius/blast-radius';
import type { AdvisoryLookup } from '../discovery/discovery-repository';
import { agentDossier } from '../dossier/agent-dossier';
import { appendAudit, type ChangeAuthor } from '../store/audit-log';
import { statement } from '../store/statements';
import type { Db } from '../store/workspace-file';
import { writeTransaction } from '../store/write-transaction';
import { dossierDrift, spendDrift } from './dossier-drift';
import { reviewSnapshotOf } from './review-snapshot';

/** The review store: the only place agent_reviews is read or written. */

interface ReviewRow {
  reviewed_at: string;
  reviewed_by: string;
  note: string;
  snapshot: string;
}

function latestReview(db: Db, agentId: string): ReviewRow | undefined {
  return statement(db, 'SELECT reviewed_at, reviewed_by, note, snapshot FROM agent_reviews WHERE agent_id = ? ORDER BY id DESC LIMIT 1').get(agentId) as ReviewRow | undefined;
}

const reviewCountOf = (db: Db, agentId: string) => (statement(db, 'SELECT count(*) AS n FROM agent_reviews WHERE agent_id = ?').get(agentId) as { n: number }).n;

const recordOf = (row: ReviewRow): ReviewRecord => ({ at: row.reviewed_at, by: row.reviewed_by, note: row.note });

function currentSnapshot(db: Db, dossier: AgentDossier) {
  return reviewSnapshotOf(dossier, blastRadiusOf(db, dossier.agent.id).paths);
}

/**
 * A person says they reviewed the agent: its facts as they stand are kept as the new baseline and
 * its "last reviewed" registry field becomes today, through the registry's own update (so that
 * field and its audit trail stay the one truth), all in one write.
 */
export function markReviewed(db: Db, agentId: string, note: string, author: ChangeAuthor, advisories: AdvisoryLookup, today = todayIso()): void {
  writeTransaction(db, () => {
    const dossier = agentDossier(db, agentId, advisories);
    const previous = latestReview(db, agentId);
    const at = new Date().toISOString();
    statement(db, 'INSERT INTO agent_reviews (agent_id, reviewed_at, reviewed_by, note, snapshot) VALUES (?, ?, ?, ?, ?)').run(
      agentId,
      at,
      author.actor,
      note,
      JSON.stringify(currentSnapshot(db, dossier)),
    );
    updateAgent(db, agentId, { lastReviewed: today }, author);
    // A second review on the same day leaves the date as it was: this row records every review.
    appendAudit(
      db,
      author,
      [{ entity: 'agent', entityId: agentId, field: 'review', before: previous ? `reviewed ${previous.reviewed_at.slice(0, 10)} by ${previous.reviewed_by}` : null, after: note ? `marked reviewed: ${note}` : 'marked reviewed' }],
      at,
    );
  });
}

/** What changed since the agent's last review; an agent never reviewed has no baseline and no changes. */
export function agentDrift(db: Db, agentId: string, advisories: AdvisoryLookup): AgentDrift {
  return driftOfDossier(db, agentDossier(db, agentId, advisories));
}

/** The same, over a dossier already read (the exports read every agent's in one pass). */
export function driftOfDossier(db: Db, dossier: AgentDossier): AgentDrift {
  const agentId = dossier.agent.id;
  const review = latestReview(db, agentId);
  if (!review) return { agentId, lastReview: null, changes: [], spend: null, reviewCount: 0 };
  const stored: unknown = JSON.parse(review.snapshot);
  return {
    agentId,
    lastReview: recordOf(review),
    changes: dossierDrift(stored, currentSnapshot(db, dossier)),
    spend: spendDrift(stored, dossier.usage.daily),
    reviewCount: reviewCountOf(db, agentId),
  };
}
