import type { Handlers } from '../api/dispatcher';
import type { Session } from '../api/session';
import { workspaceNameOf } from '../store/workspace-file';
import { diffManifests } from './diff-manifest';
import { parseManifestYaml } from './manifest-yaml';
import { workspaceManifest } from './workspace-manifest';
import { writeManifest } from './write-manifest';

export function manifestHandlers(session: Session) {
  const db = () => session.workspace().db;
  return {
    exportManifest: () => {
      const base = workspaceNameOf(session.workspace().path).replace(/[^A-Za-z0-9._-]+/g, '-') || 'workspace';
      return { fileName: `${base}-agents.yaml`, mimeType: 'application/yaml', contentBase64: Buffer.from(writeManifest(db()), 'utf8').toString('base64') };
    },
    diffManifest: ({ text, fileName }) => diffManifests(workspaceManifest(db()), parseManifestYaml(fileName, text)),
  } satisfies Partial<Handlers>;
}
