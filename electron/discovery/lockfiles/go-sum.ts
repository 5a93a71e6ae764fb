import { PackageList, type LockfileParseResult } from './lockfile-result';

const GO_SUM_LINE = /^(\S+) (v\S+?)(\/go\.mod)? h\d+:\S+$/;

/**
 * go.sum: `module version h1:hash` for the module's code and `module version/go.mod h1:hash` for
 * its go.mod alone. Only versions with a code hash are kept: a /go.mod-only line is a module the
 * build consulted during version selection but never compiled, so its advisories do not apply.
 */
export function parseGoSum(path: string, text: string): LockfileParseResult {
  const list = new PackageList('Go', path);
  const unreadable: number[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    const match = GO_SUM_LINE.exec(line);
    if (!match) unreadable.push(i + 1);
    else if (!match[3]) list.add(match[1]!, match[2]!);
  }
  const result: LockfileParseResult = { packages: list.packages };
  if (unreadable.length > 0) {
    const more = unreadable.length > 1 ? ` (and ${unreadable.length - 1} more)` : '';
    result.warning = `line ${unreadable[0]} is not "module version h1:hash"${more}`;
  }
  return result;
}
