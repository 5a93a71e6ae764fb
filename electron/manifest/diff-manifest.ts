import type { AgentManifest, ManifestAgent, ManifestAgentDiff, ManifestDiff, ManifestFieldChange, ManifestListField } from '../../shared/manifest';

/**
 * The difference between the workspace (as `workspaceManifest` writes it) and a manifest, per
 * agent and per field. Pure: the Import preview, `diffManifest` and the `check` gate all read this.
 * Agents are matched by id, then (for a manifest from another workspace of the same agents) by a
 * name that is unique on both sides.
 */

const describeOwner = (o: ManifestAgent['owner']) => (o ? (o.email ? `${o.name} <${o.email}>` : o.name) : null);
const describeTrigger = (t: ManifestAgent['trigger']) => (t.schedule ? `${t.kind} (${t.schedule})` : t.kind);
function describeBudget(b: ManifestAgent['budget']): string | null {
  const parts = [b.dailyTokenCap !== null ? `${b.dailyTokenCap.toLocaleString('en-US')} tokens/day` : '', b.dailyCostCapUsd !== null ? `$${b.dailyCostCapUsd}/day` : ''].filter(Boolean);
  return parts.length ? parts.join(', ') : null;
}
const describeReview = (r: ManifestAgent['review']) => (r.note ? `${r.status}: ${r.note}` : r.status);

/** Each list item by its identity, and what is shown for it; data access keeps its level apart so a read becoming a write is one change. */
const LIST_ITEMS: Record<ManifestListField, (a: ManifestAgent) => Array<{ key: string; label: string; value: string }>> = {
  sources: (a) => a.sources.map((s) => ({ key: s, label: s, value: s })),
  credentials: (a) => a.credentials.map((c) => ({ key: `${c.kind}\u0000${c.name}`, label: `${c.name} (${c.kind})`, value: `${c.name} (${c.kind})` })),
  dataAccess: (a) => a.dataAccess.map((d) => ({ key: d.dataSource, label: d.name && d.name !== d.dataSource ? `${d.name} (${d.dataSource})` : d.dataSource, value: d.access })),
  endpoints: (a) => a.endpoints.map((e) => ({ key: `${e.host}\u0000${e.purpose}`, label: `${e.host} (${e.purpose})`, value: `${e.host} (${e.purpose})` })),
  irreversibleActions: (a) => a.irreversibleActions.map((x) => ({ key: `${x.kind}\u0000${x.detail}`, label: `${x.kind}: ${x.detail}`, value: `${x.kind}: ${x.detail}` })),
};

function listChanges(field: ManifestListField, workspace: ManifestAgent, manifest: ManifestAgent): ManifestFieldChange[] {
  const inWorkspace = new Map(LIST_ITEMS[field](workspace).map((i) => [i.key, i]));
  const inManifest = new Map(LIST_ITEMS[field](manifest).map((i) => [i.key, i]));
  const changes: ManifestFieldChange[] = [];
  for (const [key, w] of inWorkspace) {
    const m = inManifest.get(key);
    if (!m) changes.push({ field, item: w.label, workspace: w.value, manifest: null, applies: false });
    else if (m.value !== w.value) changes.push({ field, item: w.label, workspace: w.value, manifest: m.value, applies: false });
  }
  for (const [key, m] of inManifest) if (!inWorkspace.has(key)) changes.push({ field, item: m.label, workspace: null, manifest: m.value, applies: false });
  return changes;
}

/** Whether importing can set the review step: only a person's attestation is theirs to give or take back; a review found in code is a fact. */
const reviewApplies = (w: ManifestAgent['review'], m: ManifestAgent['review']) => w.status !== 'reviewed-in-code' && m.status !== 'reviewed-in-code';

export function diffAgent(workspace: ManifestAgent, manifest: ManifestAgent): ManifestFieldChange[] {
  const changes: ManifestFieldChange[] = [];
  const scalar = (field: ManifestFieldChange['field'], w: string | null, m: string | null, applies: boolean) => {
    if (w !== m) changes.push({ field, item: null, workspace: w, manifest: m, applies });
  };
  scalar('name', workspace.name, manifest.name, false);
  scalar('status', workspace.status, manifest.status, false);
  scalar('owner', describeOwner(workspace.owner), describeOwner(manifest.owner), true);
  scalar('trigger', describeTrigger(workspace.trigger), describeTrigger(manifest.trigger), true);
  scalar('budget', describeBudget(workspace.budget), describeBudget(manifest.budget), true);
  scalar('review', describeReview(workspace.review), describeReview(manifest.review), reviewApplies(workspace.review, manifest.review));
  for (const field of ['sources', 'credentials', 'dataAccess', 'endpoints', 'irreversibleActions'] as const) changes.push(...listChanges(field, workspace, manifest));
  return changes;
}

/** Pairs each manifest agent with the workspace agent it describes: same id, else the one agent of the same name. */
export function matchAgents(workspace: AgentManifest, manifest: AgentManifest): { pairs: Array<[ManifestAgent, ManifestAgent]>; onlyInManifest: ManifestAgent[]; onlyInWorkspace: ManifestAgent[] } {
  const byId = new Map(workspace.agents.map((a) => [a.id, a]));
  const nameCount = (agents: ManifestAgent[]) => agents.reduce((m, a) => m.set(a.name, (m.get(a.name) ?? 0) + 1), new Map<string, number>());
  const workspaceNames = nameCount(workspace.agents);
  const manifestNames = nameCount(manifest.agents);
  const manifestIds = new Set(manifest.agents.map((a) => a.id));
  // A workspace agent the manifest names by id is never taken by name for another.
  const byName = new Map(workspace.agents.filter((a) => workspaceNames.get(a.name) === 1 && !manifestIds.has(a.id)).map((a) => [a.name, a]));
  const taken = new Set<string>();
  const pairs: Array<[ManifestAgent, ManifestAgent]> = [];
  const unmatched: ManifestAgent[] = [];
  for (const m of manifest.agents) {
    const w = byId.get(m.id) ?? (manifestNames.get(m.name) === 1 ? byName.get(m.name) : undefined);
    if (w && !taken.has(w.id)) {
      taken.add(w.id);
      pairs.push([w, m]);
    } else unmatched.push(m);
  }
  return { pairs, onlyInManifest: unmatched, onlyInWorkspace: workspace.agents.filter((a) => !taken.has(a.id)) };
}

export function diffManifests(workspace: AgentManifest, manifest: AgentManifest): ManifestDiff {
  const { pairs, onlyInManifest, onlyInWorkspace } = matchAgents(workspace, manifest);
  const changed: ManifestAgentDiff[] = [];
  for (const [w, m] of pairs) {
    const changes = diffAgent(w, m);
    if (changes.length > 0) changed.push({ agentId: w.id, name: w.name, changes });
  }
  const known = new Set([...manifest.unconfirmed.map((u) => u.identityKey), ...manifest.agents.flatMap((a) => a.sources)]);
  return {
    changed,
    unchanged: pairs.length - changed.length,
    onlyInManifest: onlyInManifest.map((a) => ({ id: a.id, name: a.name })),
    onlyInWorkspace: onlyInWorkspace.map((a) => ({ id: a.id, name: a.name })),
    unconfirmedNotInManifest: workspace.unconfirmed.filter((u) => !known.has(u.identityKey)),
    applicable: changed.reduce((n, a) => n + a.changes.filter((c) => c.applies).length, 0),
  };
}
