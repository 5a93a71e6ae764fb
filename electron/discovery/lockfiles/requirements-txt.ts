import { PackageList, type LockfileParseResult } from './lockfile-result';

/** PEP 508 project name, then optional [extras], then whatever follows (specifiers or `@ url`). */
const REQUIREMENT = /^([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*(?:\[[^\]]*\])?\s*(.*)$/;
/** `==1.2.3` or `===1.2.3`; a wildcard (`==1.2.*`) is a range, not a pin. */
const PIN = /^===?\s*([^\s*]+)$/;
const INCLUDE_OPTION = /^(?:-r|--requirement|-c|--constraint)(?:\s*=\s*|\s+)(\S+)/;

/**
 * requirements*.txt as pip reads it: only `==` pins say which version runs, so ranges are skipped.
 * Options (-e, --index-url, ...) and URL requirements carry no version and are skipped too.
 */
export function parseRequirementsTxt(path: string, text: string): LockfileParseResult {
  const list = new PackageList('PyPI', path);
  const includes: string[] = [];
  const unreadable: number[] = [];

  for (const { line, lineNumber } of logicalLines(text)) {
    const content = stripComment(line).trim();
    if (content === '') continue;
    if (content.startsWith('-')) {
      const include = INCLUDE_OPTION.exec(content)?.[1];
      if (include) includes.push(include);
      continue;
    }
    // Per-requirement options (--hash=...) and environment markers (; python_version < "3.11")
    // do not change which version is pinned; markers cannot be evaluated offline anyway.
    const requirement = content.split(/\s--?[a-z]/)[0]!.split(';')[0]!.trim();
    const match = REQUIREMENT.exec(requirement);
    if (!match) {
      if (!looksLikeUrlOrPath(requirement)) unreadable.push(lineNumber);
      continue;
    }
    const [, name, rest] = match as unknown as [string, string, string];
    const version = pinnedVersion(rest);
    if (version) list.add(name, version);
  }

  const result: LockfileParseResult = { packages: list.packages };
  if (includes.length > 0) result.includes = includes;
  if (unreadable.length > 0) {
    const more = unreadable.length > 1 ? ` (and ${unreadable.length - 1} more line${unreadable.length > 2 ? 's' : ''})` : '';
    result.warning = `line ${unreadable[0]} is not a requirement${more}: expected "name==version", an option such as -r, or a comment`;
  }
  return result;
}

/** Joins backslash continuations, keeping the number of the line each requirement starts on. */
function* logicalLines(text: string): Generator<{ line: string; lineNumber: number }> {
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const lineNumber = i + 1;
    let line = lines[i]!;
    while (line.endsWith('\\') && i + 1 < lines.length) line = line.slice(0, -1) + ' ' + lines[++i]!;
    yield { line, lineNumber };
  }
}

/** pip starts a comment at `#` only at the line start or after whitespace, so `url#egg=x` survives. */
function stripComment(line: string): string {
  const at = line.search(/(^|\s)#/);
  return at === -1 ? line : line.slice(0, at);
}

function pinnedVersion(specifiers: string): string | null {
  const list = specifiers.replace(/^\((.*)\)$/, '$1');
  if (list.startsWith('@')) return null;
  for (const specifier of list.split(',')) {
    const version = PIN.exec(specifier.trim())?.[1];
    if (version) return version;
  }
  return null;
}

function looksLikeUrlOrPath(requirement: string): boolean {
  return /^(?:[a-z+]+:\/\/|\.{0,2}\/|[A-Za-z]:\\|git\+)/.test(requirement) || /\.(?:whl|zip|tar\.gz)$/.test(requirement);
}
