import { isRecord, PackageList, parseJsonLockfile, stringField, type LockfileParseResult } from './lockfile-result';

/** The package groups pipenv writes; both are installed somewhere (develop on CI and laptops). */
const SECTIONS = ['default', 'develop'];

/**
 * Pipfile.lock (JSON): `{ default: { name: { version: "==1.2.3", hashes, markers } }, develop: {...} }`.
 * Git, path and editable entries have no version and are skipped.
 */
export function parsePipfileLock(path: string, text: string): LockfileParseResult {
  const parsed = parseJsonLockfile(text);
  if ('error' in parsed) return { packages: [], warning: `invalid JSON: ${parsed.error}` };
  const document = parsed.value;
  if (!isRecord(document) || !SECTIONS.some((section) => section in document)) {
    return { packages: [], warning: 'expected a Pipfile.lock object with "default" and "develop" sections' };
  }
  const list = new PackageList('PyPI', path);
  for (const section of SECTIONS) {
    const packages = document[section];
    if (!isRecord(packages)) continue;
    for (const [name, entry] of Object.entries(packages)) {
      const version = stringField(entry, 'version');
      if (version?.startsWith('==')) list.add(name, version.replace(/^===?/, ''));
    }
  }
  return { packages: list.packages };
}
