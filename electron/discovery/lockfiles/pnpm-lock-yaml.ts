import { PackageList, type LockfileParseResult } from './lockfile-result';

/**
 * pnpm-lock.yaml, `packages` section, whose key format changed twice:
 *   v5  `/name/1.2.3_peer@2.0.0`       `/@scope/name/1.2.3`
 *   v6  `/name@1.2.3(peer@2.0.0)`      `/@scope/name@1.2.3`
 *   v9  `name@1.2.3`                   `@scope/name@1.2.3` (peers moved to `snapshots`)
 * Git and tarball dependencies carry `name` and/or `version` fields instead, which win when present.
 *
 * Read line by line rather than with a YAML parser: pnpm always writes this exact layout, and
 * the `yaml` package needs about 250 ms per MB here (seconds for a large monorepo's lockfile)
 * where a scan takes milliseconds and keeps what precedes a truncation.
 */
export function parsePnpmLockYaml(path: string, text: string): LockfileParseResult {
  let lockfileVersion: string | null = null;
  let section = '';
  const entries: Array<{ key: string; fields: Map<string, string> }> = [];
  const unreadable: number[] = [];

  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    const topLevel = /^([^\s:][^:]*):\s*(.*)$/.exec(line);
    if (topLevel) {
      section = topLevel[1]!;
      if (section === 'lockfileVersion') lockfileVersion = yamlScalar(topLevel[2]!) ?? null;
      continue;
    }
    if (section !== 'packages') continue;
    const key = /^ {2}(\S.*?):(?: \{.*\})?$/.exec(line);
    const field = /^ {4}(name|version): (.*)$/.exec(line);
    if (key) {
      const unquoted = yamlScalar(key[1]!);
      if (unquoted === undefined) unreadable.push(i + 1);
      else entries.push({ key: unquoted, fields: new Map() });
    } else if (field) {
      const value = yamlScalar(field[2]!);
      if (value !== undefined) entries.at(-1)?.fields.set(field[1]!, value);
    } else if (/^ {2}\S/.test(line)) {
      unreadable.push(i + 1);
    }
  }

  if (lockfileVersion === null) return { packages: [], warning: 'expected a pnpm lockfile starting with "lockfileVersion"' };
  const list = new PackageList('npm', path);
  for (const { key, fields } of entries) addEntry(list, lockfileVersion, key, fields);
  const result: LockfileParseResult = { packages: list.packages };
  if (unreadable.length > 0) {
    const more = unreadable.length > 1 ? ` (and ${unreadable.length - 1} more)` : '';
    result.warning = `line ${unreadable[0]} in "packages" is not a "name@version:" entry${more}; the file may be truncated or hand-edited`;
  }
  return result;
}

function addEntry(list: PackageList, lockfileVersion: string, key: string, fields: Map<string, string>): void {
  const fromKey = lockfileVersion.startsWith('5') ? fromV5Key(key) : fromAtKey(key);
  const name = fields.get('name') ?? fromKey?.name;
  const version = fields.get('version') ?? fromKey?.version;
  // Tarball and git keys hold a URL where the version goes: only a version field names one.
  if (name && version && /^\d/.test(version)) list.add(name, version);
}

/** `/@scope/name/1.2.3_peer@1.0.0` -> @scope/name 1.2.3. Keys without the leading slash are not from the registry. */
function fromV5Key(key: string): { name: string; version: string } | null {
  if (!key.startsWith('/')) return null;
  const at = key.lastIndexOf('/');
  if (at <= 0) return null;
  return { name: key.slice(1, at), version: key.slice(at + 1).split('_')[0]! };
}

/** `/name@1.2.3(peer@2.0.0)` (v6) or `@scope/name@1.2.3` (v9) -> name 1.2.3. A name has no `@` past its scope. */
function fromAtKey(key: string): { name: string; version: string } | null {
  const spec = key.replace(/^\//, '').split('(')[0]!;
  const at = spec.indexOf('@', 1);
  if (at <= 0) return null;
  return { name: spec.slice(0, at), version: spec.slice(at + 1) };
}

/** A plain, 'single' or "double" quoted YAML scalar as pnpm writes them; undefined for a quote left open. */
function yamlScalar(raw: string): string | undefined {
  const value = raw.trim();
  if (value.startsWith("'")) return /^'((?:[^']|'')*)'$/.exec(value)?.[1]?.replace(/''/g, "'");
  if (value.startsWith('"')) return /^"((?:[^"\\]|\\.)*)"$/.exec(value)?.[1]?.replace(/\\(.)/g, '$1');
  return value;
}
