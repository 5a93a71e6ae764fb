import { posix } from 'node:path';
import type { ProjectFolder } from '../walk/project-folders';

/**
 * Which project a config belongs to, and whether a file found by name is part of it. A command
 * a config runs (`node dist/server.js`) runs that project's code: a file of the same name in a
 * nested project (a copy of another repository under `services/`, a sub-package with its own
 * manifest) is not it, however near.
 *
 * A config's project is the nearest folder at or above it that holds `.git` or a manifest (the
 * scanned root when none does). A folder below it starts another project when it holds `.git`,
 * or a manifest while the config's project has one too: a repository with no manifest at its top
 * (a compose file beside `api/package.json` and `worker/pyproject.toml`) runs its sub-folders'
 * code, but a package's sub-package is a package of its own.
 */
export class ProjectBoundaries {
  private readonly folders = new Map<string, ProjectFolder>();
  private readonly rootOf = new Map<string, string>();

  constructor(folders: readonly ProjectFolder[] = []) {
    for (const folder of folders) this.folders.set(folder.path, folder);
  }

  /** Whether any project folder is known: with none, everything is one project. */
  get known(): boolean {
    return this.folders.size > 0;
  }

  /** The folder of the project `dir` belongs to ('' for the scanned root). */
  projectOf(dir: string): string {
    const start = dir === '.' ? '' : dir;
    let found = this.rootOf.get(start);
    if (found !== undefined) return found;
    found = '';
    for (let at = start; ; at = parentOf(at)) {
      if (this.folders.has(at)) {
        found = at;
        break;
      }
      if (at === '') break;
    }
    this.rootOf.set(start, found);
    return found;
  }

  /** The project folders `path` (a file) sits below, the scanned root left out: the folders whose projects may hold it. */
  foldersHolding(path: string): string[] {
    const folders: string[] = [];
    for (let at = parentOf(path); at !== ''; at = parentOf(at)) if (this.folders.has(at)) folders.push(at);
    return folders;
  }

  /** The folder of the repository `dir` belongs to: the nearest one holding `.git`, else the scanned root (''). */
  repositoryOf(dir: string): string {
    for (let at = dir === '.' ? '' : dir; ; at = parentOf(at)) {
      if (this.folders.get(at)?.repository) return at;
      if (at === '') return '';
    }
  }

  /** Whether `path` (a file) is code of the project the folder `askerDir` belongs to. */
  sameProject(askerDir: string, path: string): boolean {
    if (!this.known) return true;
    const root = this.projectOf(askerDir);
    if (root !== '' && !path.startsWith(`${root}/`)) return false;
    const rootHasManifest = this.folders.get(root)?.manifest ?? false;
    for (let at = posix.dirname(path); at !== root && at !== '.' && at !== ''; at = parentOf(at)) {
      const folder = this.folders.get(at);
      if (folder && (folder.repository || (folder.manifest && rootHasManifest))) return false;
    }
    return true;
  }
}

function parentOf(dir: string): string {
  const slash = dir.lastIndexOf('/');
  return slash < 0 ? '' : dir.slice(0, slash);
}
