import { posix } from 'node:path';
import type { ConfigFindings, UnitFinding } from '../findings';
import { copyCredentials } from '../config/units';

/**
 * A langgraph.json graph runs with the variables of the env file the deployment names
 * (`"env": ".env"`): the keys of that file are the graph's credentials. The file is read by
 * the .env analyzer like any other; here it is found by path, relative to langgraph.json. An env
 * file at or above langgraph.json's folder already reaches the graphs as the folder's own.
 */
export function attachEnvFiles(unit: UnitFinding, configs: readonly ConfigFindings[]): void {
  if (!unit.envFiles?.length) return;
  const dir = posix.dirname(unit.path);
  for (const written of unit.envFiles) {
    const path = posix.normalize(posix.join(dir, written.replace(/^\.\//, '')));
    const envDir = posix.dirname(path);
    if (envDir === '.' || envDir === dir || dir.startsWith(`${envDir}/`)) continue;
    const envFile = configs.find((config) => config.path === path);
    if (envFile) copyCredentials(unit, envFile.credentials);
  }
}
