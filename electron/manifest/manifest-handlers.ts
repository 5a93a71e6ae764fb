import type { Handlers } from '../api/dispatcher';
import type { Session } from '../api/session';
import { diffManifests } from './diff-manifest';
import { parseManifestYaml } from './manifest-yaml';
import { workspaceManifest } from './workspace-manifest';

export function manifestHandlers(session: Session) {
  const db = () => session.workspace().db;
  return {
    diffManifest: ({ text, fileName }) => diffManifests(workspaceManifest(db()), parseManifestYaml(fileName, text)),
  } satisfies Partial<Handlers>;
}
