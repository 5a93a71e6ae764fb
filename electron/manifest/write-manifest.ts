import type { AdvisoryLookup } from '../discovery/discovery-repository';
import type { EveryAgentOptions } from '../dossier/agent-dossier';
import type { Db } from '../store/workspace-file';
import { manifestToYaml } from './manifest-yaml';
import { workspaceManifest } from './workspace-manifest';

/** The workspace's agents manifest as YAML text: what `agent-triage export --format manifest` and the Exports page write. */
export function writeManifest(db: Db, advisories?: AdvisoryLookup, steps?: { onAgent?: EveryAgentOptions['onAgent']; step?: (message: string) => void }): string {
  const manifest = workspaceManifest(db, advisories, steps?.onAgent);
  steps?.step?.('Writing the agents as YAML');
  return manifestToYaml(manifest);
}
