import type { Db } from '../store/workspace-file';
import { manifestToYaml } from './manifest-yaml';
import { workspaceManifest } from './workspace-manifest';

/** The workspace's agents manifest as YAML text: what `exportManifest` and `agent-triage export --format manifest` write. */
export function writeManifest(db: Db): string {
  return manifestToYaml(workspaceManifest(db));
}
