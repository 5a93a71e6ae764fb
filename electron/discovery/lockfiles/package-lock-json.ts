import { isRecord, PackageList, parseJsonLockfile, stringField, type LockfileParseResult } from './lockfile-result';

const NODE_MODULES = 'node_modules/';

/**
 * package-lock.json / npm-shrinkwrap.json. v2 and v3 list every installed package under
 * `packages`, keyed by its node_modules path; v1 nests `dependencies` trees. A v2 file carries
 * both, and `packages` is the complete one.
 */
export function parsePackageLockJson(path: string, text: string): LockfileParseResult {
  const parsed = parseJsonLockfile(text);
  if ('error' in parsed) return { packages: [], warning: `invalid JSON: ${parsed.error}` };
  const document = parsed.value;
  const list = new PackageList('npm', path);
  if (isRecord(document) && isRecord(document.packages)) {
    addInstalledPackages(list, document.packages);
  } else if (isRecord(document) && isRecord(document.dependencies)) {
    addDependencyTree(list, document.dependencies);
  } else if (!(isRecord(document) && 'lockfileVersion' in document)) {
    return { packages: [], warning: 'expected an npm lockfile object with "packages" (v2/v3) or "dependencies" (v1)' };
  }
  return { packages: list.packages };
}

/** v2/v3: "node_modules/@scope/a/node_modules/b" -> b. Keys without node_modules/ are workspace sources, and `link` entries point at them. */
function addInstalledPackages(list: PackageList, packages: Record<string, unknown>): void {
  for (const key in packages) {
    const entry = packages[key];
    const at = key.lastIndexOf(NODE_MODULES);
    if (at === -1 || !isRecord(entry) || entry.link === true) continue;
    const version = stringField(entry, 'version');
    // An alias ("my-lodash": "npm:lodash@4") is installed under the alias with the real name in `name`.
    const name = stringField(entry, 'name') ?? key.slice(at + NODE_MODULES.length);
    if (version && isRegistryVersion(version)) list.add(name, version);
  }
}

/** v1: nested `dependencies`, walked with a stack because real trees nest deeper than is safe to recurse. */
function addDependencyTree(list: PackageList, root: Record<string, unknown>): void {
  const stack = [root];
  for (let dependencies = stack.pop(); dependencies; dependencies = stack.pop()) {
    for (const name in dependencies) {
      const entry = dependencies[name];
      if (!isRecord(entry)) continue;
      const version = stringField(entry, 'version');
      if (version) {
        const alias = /^npm:((?:@[^/]+\/)?[^@]+)@(.+)$/.exec(version);
        if (alias) list.add(alias[1]!, alias[2]!);
        else if (isRegistryVersion(version)) list.add(name, version);
      }
      if (isRecord(entry.dependencies)) stack.push(entry.dependencies);
    }
  }
}

/** Git, file: and tarball URL dependencies have no registry version an advisory could name. */
function isRegistryVersion(version: string): boolean {
  return /^\d/.test(version);
}
