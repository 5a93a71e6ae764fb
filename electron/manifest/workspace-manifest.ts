import type { ChecklistItemKey } from '../../shared/checklist';
import { MANIFEST_API_VERSION, MANIFEST_KIND, type AgentManifest, type ManifestAgent } from '../../shared/manifest';
import { dataSourcesReachedBy } from '../blast-radius/blast-radius';
import { listCandidates, type AdvisoryLookup } from '../discovery/discovery-repository';
import type { EveryAgentOptions } from '../dossier/agent-dossier';
import { inReadScope } from '../store/read-scope';
import type { Db } from '../store/workspace-file';
import { irreversibleActionsOf } from '../triage/checklist-facts';
import { reviewOf } from '../triage/irreversible-register';
import { everyAgentDossierAndTriage } from '../triage/triage-handlers';

/** The manifest lists no advisories: a lookup that finds none keeps it independent of the advisory database's age. */
export const NO_ADVISORIES: AdvisoryLookup = () => [];

const WRITES = new Set(['write', 'permissions-management']);
const REVIEW_ITEMS: readonly ChecklistItemKey[] = ['h48.irreversible-reviewed', 'd60.irreversible-interrupt'];

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function uniqueSorted<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const item of items) if (!seen.has(key(item))) seen.set(key(item), item);
  return [...seen.entries()].sort(([a], [b]) => byText(a, b)).map(([, item]) => item);
}

/**
 * The workspace as a manifest, read from the triage of every agent (its dossier, checklist and
 * irreversible actions register) and, for the data it reaches, its blast radius; nothing here
 * judges a fact again. Agents and every list are in a stable order, so the same workspace always
 * gives the same file and a diff in a repository shows only what changed.
 */
export function workspaceManifest(db: Db, advisories: AdvisoryLookup = NO_ADVISORIES, onAgent?: EveryAgentOptions['onAgent']): AgentManifest {
  return inReadScope(db, () => {
    const agents = everyAgentDossierAndTriage(db, advisories, { suggestions: false, ...(onAgent ? { onAgent } : {}) }).map(({ dossier: d, triage: { checklist } }): ManifestAgent => {
      const rows = new Map(checklist.map((r) => [r.key, r]));
      const review = reviewOf(d, rows);
      const attested = REVIEW_ITEMS.map((k) => rows.get(k)?.attestation).find((a) => a && (a.status === 'done' || a.status === 'not-applicable'));
      const reach = new Map<string, { name: string; write: boolean }>();
      // Only an agent holding a cloud identity reaches data; the others have no graph to draw.
      if (d.credentials.links.length > 0) {
        for (const ds of dataSourcesReachedBy(db, d.agent.id)) reach.set(ds.key, { name: ds.name, write: WRITES.has(ds.access) });
      }
      return {
        id: d.agent.id,
        name: d.agent.name,
        status: d.agent.status,
        owner: d.agent.owner ? { name: d.agent.owner.name, email: d.agent.owner.email } : null,
        trigger: { kind: d.agent.trigger.kind, schedule: d.agent.trigger.schedule },
        sources: [...new Set(d.sources.map((s) => s.identityKey))].sort(byText),
        credentials: uniqueSorted(
          [
            ...d.agent.credentials.map((name) => ({ kind: 'registry', name })),
            ...d.codeCredentials.map((c) => ({ kind: c.kind, name: c.name })),
            ...d.credentials.links.map((l) => ({ kind: l.principalKind, name: l.principalKey })),
          ],
          (c) => `${c.kind}\u0000${c.name}`,
        ),
        dataAccess: [...reach.entries()].sort(([a], [b]) => byText(a, b)).map(([dataSource, r]) => ({ dataSource, name: r.name, access: r.write ? 'write' : 'read' })),
        endpoints: uniqueSorted(d.endpoints.map((e) => ({ host: e.host, purpose: e.purpose })), (e) => `${e.host}\u0000${e.purpose}`),
        irreversibleActions: uniqueSorted(
          // Actions found in its code; production writes its credentials allow are the `write` entries of dataAccess.
          irreversibleActionsOf(d).map((c) => ({ kind: c.kind, detail: c.detail })),
          (a) => `${a.kind}\u0000${a.detail}`,
        ),
        review: { status: review.status, note: review.status === 'attested' ? (attested?.note ?? '') : '' },
        budget: { dailyTokenCap: d.usage.budget.dailyTokenCap, dailyCostCapUsd: d.usage.budget.dailyCostCapUsd },
      };
    });
    agents.sort((a, b) => byText(a.name.toLowerCase(), b.name.toLowerCase()) || byText(a.id, b.id));
    const unconfirmed = listCandidates(db, { decision: 'pending' }, advisories)
      .map((c) => ({ identityKey: c.identityKey, name: c.name }))
      .sort((a, b) => byText(a.identityKey, b.identityKey));
    return { apiVersion: MANIFEST_API_VERSION, kind: MANIFEST_KIND, agents, unconfirmed };
  });
}
