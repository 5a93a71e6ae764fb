/**
 * Folders where a project starts: a repository (`.git`, a folder or a submodule's file) or a
 * package manifest. The linker keeps what a config runs inside the config's own project (see
 * link/project-boundaries.ts): a checkout folder holds many repositories, and a repository may
 * hold a copy of another one under `services/`.
 */
export interface ProjectFolder {
  /** From the scanned root, '/'-separated; '' is the root itself. */
  path: string;
  /** It holds `.git`: a repository of its own. */
  repository: boolean;
  /** It holds a package manifest (package.json, pyproject.toml, go.mod ...). */
  manifest: boolean;
}

/** A wrangler config is one: a Worker's `main` and everything it runs are relative to its folder, even with no package.json beside it. */
const MANIFESTS = new Set(['package.json', 'pyproject.toml', 'setup.py', 'setup.cfg', 'go.mod', 'Cargo.toml', 'pom.xml', 'build.gradle', 'build.gradle.kts', 'deno.json', 'composer.json', 'Gemfile', 'wrangler.toml', 'wrangler.json', 'wrangler.jsonc']);

/** The folder's project facts from the names of its entries, or null when it starts no project. */
export function projectFolderOf(path: string, entryNames: readonly string[]): ProjectFolder | null {
  let repository = false;
  let manifest = false;
  for (const name of entryNames) {
    if (name === '.git') repository = true;
    else if (MANIFESTS.has(name)) manifest = true;
  }
  return repository || manifest ? { path, repository, manifest } : null;
}
