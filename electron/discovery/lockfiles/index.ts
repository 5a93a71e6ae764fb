import { posix } from 'node:path';
import type { FileWarning, LockfileFindings } from '../findings';
import { parseGoSum } from './go-sum';
import type { LockfileParseResult } from './lockfile-result';
import { parsePackageLockJson } from './package-lock-json';
import { parsePipfileLock } from './pipfile-lock';
import { parsePnpmLockYaml } from './pnpm-lock-yaml';
import { parsePoetryLock } from './poetry-lock';
import { parseRequirementsTxt } from './requirements-txt';
import { parseUvLock } from './uv-lock';
import { parseYarnLock } from './yarn-lock';

export type { LockfileParseResult } from './lockfile-result';
export { lockfileRuleId } from './lockfile-rules';
export { normalizePackageName, type Ecosystem } from './package-name';

type LockfileParser = (path: string, text: string) => LockfileParseResult;

/** File name (lower-cased) -> parser. npm-shrinkwrap.json is a package-lock.json under another name. */
const PARSERS_BY_NAME: Record<string, LockfileParser> = {
  'poetry.lock': parsePoetryLock,
  'uv.lock': parseUvLock,
  'pipfile.lock': parsePipfileLock,
  'package-lock.json': parsePackageLockJson,
  'npm-shrinkwrap.json': parsePackageLockJson,
  'pnpm-lock.yaml': parsePnpmLockYaml,
  'yarn.lock': parseYarnLock,
  'go.sum': parseGoSum,
};

/**
 * The parser for a path, or null when it is not a lockfile. requirements*.txt also covers the
 * common `requirements/base.txt` layout, where the folder carries the name.
 */
function lockfileParserFor(path: string): LockfileParser | null {
  const segments = path.toLowerCase().split(/[\\/]/);
  const fileName = segments.at(-1) ?? '';
  const folder = segments.at(-2) ?? '';
  if (/^requirements.*\.txt$/.test(fileName) || (folder === 'requirements' && fileName.endsWith('.txt'))) return parseRequirementsTxt;
  return PARSERS_BY_NAME[fileName] ?? null;
}

export function isLockfile(path: string): boolean {
  return lockfileParserFor(path) !== null;
}

/**
 * A lockfile's packages as the scanner records them, plus at most one warning for the scan
 * summary. Returns null for files that are not lockfiles. `path` is relative to the scanned root.
 */
export function analyzeLockfile(path: string, text: string): { findings: LockfileFindings; warning: FileWarning | null } | null {
  const parse = lockfileParserFor(path);
  if (!parse) return null;
  const result = parse(path, text);
  // An included file the scanner meets on its own (requirements-dev.txt) needs no note.
  const unread = (result.includes ?? []).filter((include) => !isLockfile(posix.join(posix.dirname(path), include)));
  const notes = [result.warning, unread.length > 0 ? `includes ${unread.join(', ')} (-r/-c), which the scan does not read: only requirements*.txt and lockfile names are` : undefined].filter(Boolean);
  return {
    findings: { type: 'lockfile', path, packages: result.packages },
    warning: notes.length > 0 ? { path, message: notes.join('; ') } : null,
  };
}
