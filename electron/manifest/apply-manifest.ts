import type { AgentManifest } from '../../shared/manifest';
import { updateAgent } from '../agents/agents-repository';
import type { ChangeAuthor } from '../store/audit-log';
import type { Db } from '../store/workspace-file';
import { writeTransaction } from '../store/write-transaction';
import { attest, attestationsOf } from '../triage/attestations';
import { setBudget } from '../usage/usage-agents';
import { diffAgent, matchAgents } from './diff-manifest';
import { workspaceManifest } from './workspace-manifest';

const REVIEW_ITEM = 'h48.irreversible-reviewed';

/**
 * Applies what a manifest declares (owner, trigger, daily budget, an attested review step) to
 * the agents it shares with the workspace, each change through the registry's, usage's or
 * triage's own writer, so each is audited as that person's change. Observations (credentials,
 * data access, endpoints, irreversible actions, code) are never written from a manifest.
 * Agents only in the manifest are not created. One transaction: all of it or nothing.
 */
export function applyManifest(db: Db, manifest: AgentManifest, author: ChangeAuthor, throwIfCancelled: () => void = () => {}): Record<string, number> {
  return writeTransaction(db, () => {
    const { pairs } = matchAgents(workspaceManifest(db), manifest);
    const counts = { agents: pairs.length, updated: 0, owner: 0, trigger: 0, budget: 0, review: 0 };
    for (const [w, m] of pairs) {
      throwIfCancelled();
      const applying = new Set(diffAgent(w, m).filter((c) => c.applies).map((c) => c.field));
      if (applying.size === 0) continue;
      counts.updated++;
      if (applying.has('owner') || applying.has('trigger')) {
        updateAgent(db, w.id, { ...(applying.has('owner') ? { owner: m.owner } : {}), ...(applying.has('trigger') ? { trigger: m.trigger } : {}) }, author);
        if (applying.has('owner')) counts.owner++;
        if (applying.has('trigger')) counts.trigger++;
      }
      if (applying.has('budget')) {
        setBudget(db, w.id, { dailyTokenCap: m.budget.dailyTokenCap, dailyCostCapUsd: m.budget.dailyCostCapUsd }, author);
        counts.budget++;
      }
      if (applying.has('review')) {
        // "attested" gives the 48-hour item a person's "done"; "unreviewed" withdraws the word the workspace holds.
        if (m.review.status === 'attested') attest(db, w.id, REVIEW_ITEM, 'done', m.review.note || 'attested in the agents manifest', author);
        else {
          const held = attestationsOf(db, w.id);
          for (const key of [REVIEW_ITEM, 'd60.irreversible-interrupt'] as const) if (held.has(key)) attest(db, w.id, key, null, '', author);
        }
        counts.review++;
      }
    }
    return counts;
  });
}
