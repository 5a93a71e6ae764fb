import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where the bundled resources (demo inputs, rule packs, reference data) are: next to the
 * packaged app, or the repository's resources/ folder when running from source or the build.
 */
export function resourcesDir(): string {
  const candidates = [
    process.env.AGENT_TRIAGE_RESOURCES,
    (process as { resourcesPath?: string }).resourcesPath ? join((process as { resourcesPath?: string }).resourcesPath!, 'resources') : undefined,
  ];
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    candidates.push(join(dir, 'resources'));
    dir = dirname(dir);
  }
  for (const candidate of candidates) {
    if (candidate && existsSync(join(candidate, 'demo', 'agents.json'))) return resolve(candidate);
  }
  throw new Error('The resources folder (resources/demo/agents.json) was not found; reinstall the app or set AGENT_TRIAGE_RESOURCES.');
}
