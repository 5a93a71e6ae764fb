import type { ManifestDiff } from '../../shared/manifest';

/** One difference the CI gate names: what grew beyond the manifest fails; what shrank or only changed is reported. */
export interface GateFinding {
  agent: string;
  what: string;
}

export interface ManifestGate {
  failures: GateFinding[];
  reported: GateFinding[];
}

/**
 * The manifest bar of `agent-triage check`: a new agent, a new credential, new write access or a
 * new endpoint that the manifest does not list fails; removals, reductions and every other
 * difference (owner, budget, new read access, new irreversible actions) are reported and pass,
 * for the review to pick up rather than to stop a pipeline on.
 */
export function manifestGate(diff: ManifestDiff): ManifestGate {
  const failures: GateFinding[] = [];
  const reported: GateFinding[] = [];
  for (const a of diff.onlyInWorkspace) failures.push({ agent: a.name, what: 'new agent, not in the manifest' });
  for (const u of diff.unconfirmedNotInManifest) failures.push({ agent: u.name, what: `new agent found in code (${u.identityKey}), not in the manifest` });
  for (const a of diff.onlyInManifest) reported.push({ agent: a.name, what: 'in the manifest, no longer in the workspace' });
  for (const agent of diff.changed) {
    for (const c of agent.changes) {
      const item = c.item ?? '';
      if (c.field === 'credentials' && c.manifest === null) failures.push({ agent: agent.name, what: `new credential ${item}` });
      else if (c.field === 'endpoints' && c.manifest === null) failures.push({ agent: agent.name, what: `new endpoint ${item}` });
      else if (c.field === 'dataAccess' && c.workspace === 'write' && c.manifest !== 'write') failures.push({ agent: agent.name, what: `new write access to ${item}${c.manifest ? ' (the manifest allows read)' : ''}` });
      else if (c.workspace === null) reported.push({ agent: agent.name, what: `${c.field} ${item}: in the manifest, no longer seen` });
      else if (c.manifest === null) reported.push({ agent: agent.name, what: `${c.field} ${item}: new, not in the manifest` });
      else reported.push({ agent: agent.name, what: `${c.field}${item ? ` ${item}` : ''}: ${c.manifest} in the manifest, ${c.workspace} in the workspace` });
    }
  }
  return { failures, reported };
}
