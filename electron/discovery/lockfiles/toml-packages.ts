import { parse, TomlError } from 'smol-toml';
import type { Ecosystem } from './package-name';
import { isRecord, PackageList, type LockfileParseResult } from './lockfile-result';

/**
 * poetry.lock and uv.lock share one shape: an array of `[[package]]` tables with `name` and
 * `version`. Packages built from the project's own source tree are skipped by `isLocalSource`:
 * a local folder that happens to be named like a PyPI project is not that project.
 */
export function readTomlPackages(
  path: string,
  text: string,
  ecosystem: Ecosystem,
  isLocalSource: (entry: Record<string, unknown>) => boolean,
): LockfileParseResult {
  let document: Record<string, unknown>;
  try {
    document = parse(text);
  } catch (error) {
    if (error instanceof TomlError) return { packages: [], warning: `invalid TOML at line ${error.line}, column ${error.column}: ${firstLine(error.message)}` };
    throw error;
  }
  const entries = document.package;
  if (entries === undefined) return { packages: [] };
  if (!Array.isArray(entries)) return { packages: [], warning: 'expected [[package]] tables, found a "package" key of another type' };

  const list = new PackageList(ecosystem, path);
  let incomplete = 0;
  for (const entry of entries) {
    if (!isRecord(entry)) continue;
    if (typeof entry.name !== 'string' || typeof entry.version !== 'string') {
      // uv leaves the version out only for the project's own (virtual) package.
      if (!isLocalSource(entry)) incomplete++;
      continue;
    }
    if (!isLocalSource(entry)) list.add(entry.name, entry.version);
  }
  const result: LockfileParseResult = { packages: list.packages };
  if (incomplete > 0) result.warning = `${incomplete} [[package]] table${incomplete > 1 ? 's have' : ' has'} no name or version`;
  return result;
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/^Invalid TOML document: /, '');
}
