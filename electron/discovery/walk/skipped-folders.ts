/**
 * Folders never walked, whatever .gitignore says: installed dependencies (a vendored SDK copy
 * is the SDK, not an agent), virtualenvs, VCS metadata and tool caches. Output folders with
 * common names (dist, build, out) are walked unless ignored: in some repos they hold
 * hand-written deploy scripts, and a real bundle is caught by the minified-file check.
 */
const ALWAYS_SKIPPED_FOLDERS = new Set([
  // version control
  '.git',
  '.hg',
  '.svn',
  // installed or vendored dependencies
  'node_modules',
  'bower_components',
  'jspm_packages',
  'vendor',
  'third_party',
  'site-packages',
  '.terraform',
  // Python virtualenvs by their usual names ('env' is too common a config folder name: it is
  // skipped only when it holds a pyvenv.cfg, like any other virtualenv)
  '.venv',
  'venv',
  'virtualenv',
  // caches and framework build output that no one edits
  '__pycache__',
  '.mypy_cache',
  '.pytest_cache',
  '.ruff_cache',
  '.tox',
  '.nox',
  '.next',
  '.nuxt',
  '.svelte-kit',
  '.turbo',
  '.serverless',
  '.aws-sam',
]);

export function isAlwaysSkippedFolder(name: string): boolean {
  return ALWAYS_SKIPPED_FOLDERS.has(name);
}

/** A virtualenv under any name: `python -m venv` and virtualenv both write pyvenv.cfg at its top. */
export const VIRTUALENV_MARKER = 'pyvenv.cfg';
