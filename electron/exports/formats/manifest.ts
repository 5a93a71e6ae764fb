import { writeManifest } from '../../manifest/write-manifest';
import type { ExportFormat } from './index';

/** The agents manifest (access as code): written by the manifest capability, listed here so every host exports it the one way. */
export const manifestFormat: ExportFormat = {
  id: 'manifest',
  label: 'Agents manifest (YAML)',
  audience: 'Check in next to the agents’ code: owners, triggers, credentials, data access, endpoints, irreversible actions and budgets, gated in CI with agent-triage check --manifest.',
  extension: 'yaml',
  fileStem: 'agents',
  mediaType: 'application/yaml',
  render: (source) => writeManifest(source.db, source.advisories, source.steps),
};
