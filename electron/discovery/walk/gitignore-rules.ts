import ignore from 'ignore';
import type { Ignore } from 'ignore';

/** The rules of one .gitignore (plus .git/info/exclude at a repository's top), and the folder they sit in. */
interface IgnoreLevel {
  /** The folder's path from the scanned root ('' for the root), as patterns are matched. */
  base: string;
  rules: Ignore;
}

/** The .gitignore levels that apply inside one folder, outermost first. */
export type IgnoreStack = readonly IgnoreLevel[];

// Git's default follows the filesystem: case-insensitive on macOS and Windows.
const IGNORE_CASE = process.platform === 'darwin' || process.platform === 'win32';

/**
 * The stack for a folder's entries. A folder that holds `.git` is a repository of its own (a
 * folder of many repos, or a submodule): as in git, the rules of folders above it stop there.
 * `.git/info/exclude` goes in before `.gitignore` because git lets `.gitignore` override it.
 */
export function stackForFolder(parent: IgnoreStack, base: string, texts: { infoExclude: string | null; gitignore: string | null; isRepositoryTop: boolean }): IgnoreStack {
  const inherited = texts.isRepositoryTop ? [] : parent;
  if (texts.infoExclude === null && texts.gitignore === null) return inherited;
  const rules = ignore({ ignorecase: IGNORE_CASE });
  if (texts.infoExclude !== null) rules.add(texts.infoExclude);
  if (texts.gitignore !== null) rules.add(texts.gitignore);
  return [...inherited, { base, rules }];
}

/**
 * Git semantics: the deepest .gitignore with a pattern matching the path decides, and within
 * one file the last matching pattern (so `!keep.py` after `*.py` keeps it). Folders are tested
 * with a trailing slash so `build/` patterns match only folders.
 */
export function isIgnored(stack: IgnoreStack, matchPath: string, isFolder: boolean): boolean {
  for (let i = stack.length - 1; i >= 0; i--) {
    const level = stack[i]!;
    const relative = level.base === '' ? matchPath : matchPath.slice(level.base.length + 1);
    const verdict = level.rules.test(isFolder ? `${relative}/` : relative);
    if (verdict.ignored) return true;
    if (verdict.unignored) return false;
  }
  return false;
}
