import { createHash } from 'node:crypto';
import type { BlastRadiusSummary } from '../../shared/contract';
import { BackendError } from '../../shared/errors';
import { identityGraphVersion } from '../iam/iam-repository';
import { countCloudImports } from '../imports/imports-repository';
import { scoped } from '../store/read-scope';
import { statement } from '../store/statements';
import type { Db } from '../store/workspace-file';
import { writeTransaction } from '../store/write-transaction';
import { summaryWalk } from './blast-radius';
import { dataSourceRulesVersion, identitySnapshot, type IdentitySnapshot } from './identity-snapshot';

/**
 * Blast radius summaries, kept twice: in memory per connection, and in the workspace
 * (`blast_radius_summaries`) so a new process starts warm. Both are keyed by everything a summary
 * is computed from (see `computedFor`), so a stale one is never shown: it is computed again.
 * Walking a 5,000-role organisation costs tens of milliseconds per agent, so the jobs that change
 * the identity graph (imports, scans) compute every agent's summary before they finish
 * (`warmBlastRadiusSummaries`, with progress and cancel), and the triage overview then reads them.
 */

/** Bumped whenever the summary's shape or the walk's rules change: summaries kept by an older release are then computed again. */
const SUMMARY_FORMAT = 1;

const inMemory = new WeakMap<Db, Map<string, { computedFor: string; summary: BlastRadiusSummary }>>();

/** A hash of what the agent's summary is computed from: the walk's rules, the identity graph and the agent's name and links. */
function computedFor(db: Db, snapshot: IdentitySnapshot, agentId: string): string {
  const graphVersion = scoped(db, 'identity-graph-version', () => identityGraphVersion(db));
  const agentKey = JSON.stringify([snapshot.agents.get(agentId)?.name ?? null, snapshot.links.get(agentId) ?? []]);
  return createHash('sha256').update(`${SUMMARY_FORMAT}\0${dataSourceRulesVersion()}\0${graphVersion}\0${agentKey}`).digest('hex');
}

function kept(db: Db, agentId: string, hash: string): BlastRadiusSummary | null {
  const memory = inMemory.get(db)?.get(agentId);
  if (memory?.computedFor === hash) return memory.summary;
  const row = statement(db, 'SELECT computed_for, summary FROM blast_radius_summaries WHERE agent_id = ?').get(agentId) as { computed_for: string; summary: string } | undefined;
  if (row?.computed_for !== hash) return null;
  const summary = JSON.parse(row.summary) as BlastRadiusSummary;
  remember(db, agentId, hash, summary);
  return summary;
}

function remember(db: Db, agentId: string, hash: string, summary: BlastRadiusSummary): void {
  let byAgent = inMemory.get(db);
  if (!byAgent) inMemory.set(db, (byAgent = new Map()));
  byAgent.set(agentId, { computedFor: hash, summary });
}

/** The agent page's card and the triage overview's reach: the same paths as `blastRadiusOf`, summarised. */
export function blastRadiusSummaryOf(db: Db, agentId: string): BlastRadiusSummary {
  const snapshot = identitySnapshot(db);
  const hash = computedFor(db, snapshot, agentId);
  let summary = kept(db, agentId, hash);
  if (!summary) remember(db, agentId, hash, (summary = summaryWalk(db, snapshot, agentId)));
  return structuredClone(summary);
}

export interface WarmProgress {
  progress(done: number, total: number, message: string): void;
  throwIfCancelled(): void;
}

/** Summaries written per transaction: a cancel loses at most this many agents' work, and readers are never kept waiting long. */
const BATCH = 100;

/**
 * Computes and keeps the summary of every agent whose kept one is missing or stale, in batches.
 * A cancel stops between agents: what was kept stays kept (every row is complete and keyed), the
 * rest is computed when it is next read. Returns how many agents were computed.
 */
export function warmBlastRadiusSummaries(db: Db, job: WarmProgress): number {
  if (countCloudImports(db) === 0) return 0;
  const snapshot = identitySnapshot(db);
  const stale = [...snapshot.agents.keys()].map((agentId) => ({ agentId, hash: computedFor(db, snapshot, agentId) })).filter(({ agentId, hash }) => kept(db, agentId, hash) === null);
  const total = stale.length;
  const message = (done: number) => `Working out what each agent can reach: ${done.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} agents`;
  if (total > 0) job.progress(0, total, message(0));
  for (let at = 0; at < total; at += BATCH) {
    const batch = stale.slice(at, at + BATCH).map(({ agentId, hash }) => {
      job.throwIfCancelled();
      const summary = summaryWalk(db, snapshot, agentId);
      remember(db, agentId, hash, summary);
      return { agentId, hash, summary };
    });
    writeTransaction(db, () => {
      const upsert = statement(db, 'INSERT INTO blast_radius_summaries (agent_id, computed_for, summary) VALUES (?, ?, ?) ON CONFLICT (agent_id) DO UPDATE SET computed_for = excluded.computed_for, summary = excluded.summary');
      for (const { agentId, hash, summary } of batch) upsert.run(agentId, hash, JSON.stringify(summary));
    });
    job.progress(Math.min(at + BATCH, total), total, message(Math.min(at + BATCH, total)));
  }
  return total;
}

/**
 * Run by the jobs that change what agents can reach (imports, scans) after they committed: every
 * agent's reach is worked out again where it changed, with progress, so the triage overview that
 * follows reads it instead of freezing for it. A cancel now stops only this: what the job wrote
 * stays, and what was not computed is computed when next read.
 */
export function keepReachCurrent(ctx: WarmProgress & { workspace: { db: Db } }): void {
  try {
    warmBlastRadiusSummaries(ctx.workspace.db, ctx);
  } catch (error) {
    if (!(error instanceof BackendError && error.code === 'cancelled')) throw error;
  }
}
