import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { resourcesDir } from '../resources-dir';
import { parseOsvFile, type OsvRecord } from './osv-record';

/** The OSV records the app ships (resources/advisories/curated/*.json), read through the same parser as a user's import. */
export function readCuratedAdvisories(): OsvRecord[] {
  const directory = join(resourcesDir(), 'advisories', 'curated');
  return readdirSync(directory)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .flatMap((name) => parseOsvFile(name, readFileSync(join(directory, name))));
}
