import { posix } from 'node:path';
import { stripPrefixes } from '../config/commands';
import { mastraAppFile, mastraServeOf } from './mastra-server';
import { crewaiCliScript } from '../config/crewai-project';
import { shellCommands } from '../config/shell-script';
import type { CodeFindings } from '../findings';
import { mayBeNextServerFile, nextServerEntries, nextStartFolder, type PackageScripts } from './package-scripts';
import { ProjectBoundaries } from './project-boundaries';

/**
 * Finds the code files a config's command or handler names, and the local modules a code file
 * imports, inside one scanned tree. Everything is resolved against the list of files the scan
 * read: nothing is executed or loaded.
 *
 * A scanned folder may hold many repositories with the same module names (every service has an
 * `agent/main.py`), so a name that matches several files resolves to the one nearest the file
 * or config asking: the longest shared folder prefix wins, and a tie resolves to nothing.
 */
export class CodeIndex {
  private readonly byPath = new Map<string, CodeFindings>();
  /** "pkg.mod" → files, for every suffix of the path ("src/app/x.py" → "src.app.x", "app.x", "x"). */
  private readonly byPythonModule: Map<string, string[]>;
  /** File name → files with that name, for suffix lookups without scanning every path. */
  private readonly byFileName: Map<string, string[]>;
  /**
   * The same, by project folder and file name: a name found by suffix must be the asker's
   * project's own, and a tree of many repositories has a `main.py` in each, so the files of the
   * asker's project are looked up rather than every file of that name tested.
   */
  private readonly byFileNameInProject: Map<string, string[]>;
  /**
   * Every scanned path without its code extension: a path as written is looked up in up to 22
   * spellings (pathVariants), and most spellings of most imports name no file, which one lookup
   * here tells without building them.
   */
  private readonly stems: Set<string>;
  /** Module lookups by name and folder: the files of one folder import the same modules. */
  private readonly nearestModule: Map<string, string | null>;
  /** Imports resolved, by importing file and import as written: the linker asks for most of them more than once. */
  private readonly resolvedImports: Map<string, Map<string, string | null>>;

  /** A name matched anywhere in the tree (a suffix, a `python -m` module) resolves only inside the asker's project. */
  private readonly projects: ProjectBoundaries;

  /** The tree's package.json scripts, which `npm start` or `pnpm agent` run (set by the linker, which reads the configs). */
  packageScripts: PackageScripts | null = null;

  /**
   * `projects`: where the scanned tree's projects begin. `samePaths`: an index of the same files
   * (the same paths, in the same languages) whose facts have since been filled in; resolving
   * depends only on paths and projects, so everything it worked out is reused, projects included.
   */
  constructor(files: CodeFindings[], options: { projects?: ProjectBoundaries; samePaths?: CodeIndex } = {}) {
    for (const file of files) this.byPath.set(file.path, file);
    const samePaths = options.samePaths;
    if (samePaths && samePaths.byPath.size === this.byPath.size && files.every((f) => samePaths.byPath.get(f.path)?.language === f.language)) {
      ({ byPythonModule: this.byPythonModule, byFileName: this.byFileName, byFileNameInProject: this.byFileNameInProject, stems: this.stems, nearestModule: this.nearestModule, resolvedImports: this.resolvedImports, projects: this.projects } = samePaths);
      return;
    }
    this.projects = options.projects ?? new ProjectBoundaries();
    this.byPythonModule = new Map();
    this.byFileName = new Map();
    this.byFileNameInProject = new Map();
    this.stems = new Set();
    this.nearestModule = new Map();
    this.resolvedImports = new Map();
    for (const file of files) {
      const name = posix.basename(file.path);
      push(this.byFileName, name, file.path);
      for (const folder of this.projects.foldersHolding(file.path)) push(this.byFileNameInProject, `${folder}\0${name}`, file.path);
      const stem = file.path.replace(CODE_EXTENSION, '');
      if (stem !== file.path) this.stems.add(stem);
      if (file.language === 'python') this.indexPythonModule(file.path);
    }
  }

  private indexPythonModule(path: string): void {
    const parts = path.replace(/\.py$/, '').split('/');
    if (parts[parts.length - 1] === '__init__') parts.pop();
    // Suffixes from the shortest up: "x", "app.x", "src.app.x".
    let key: string | null = null;
    for (let i = parts.length - 1; i >= 0; i--) {
      key = key === null ? parts[i]! : `${parts[i]}.${key}`;
      if (key) push(this.byPythonModule, key, path);
    }
  }

  /** Whether any spelling pathVariants gives for `base` is a scanned file. */
  private mayResolve(base: string): boolean {
    if (this.byPath.has(base)) return true;
    const stem = base.replace(CODE_EXTENSION, '');
    if (this.stems.has(stem) || this.stems.has(`${stem}/index`)) return true;
    const fromBuild = stem.replace(BUILD_FOLDER, 'src/');
    return fromBuild !== stem && this.stems.has(fromBuild);
  }

  /** The folder of the project (repository or package) `dir` belongs to; '' for the scanned root. */
  projectOf(dir: string): string {
    return this.projects.projectOf(dir);
  }

  /** The folder of the repository `dir` belongs to ('' for the scanned root). */
  repositoryOf(dir: string): string {
    return this.projects.repositoryOf(dir);
  }

  get(path: string): CodeFindings | undefined {
    return this.byPath.get(path);
  }

  /** Files `next start` may serve (mayBeNextServerFile), set aside on first use. */
  private nextServerFiles: CodeFindings[] | null = null;
  /** What `next start` serves, by folder: several units (and a config's several bases) name the same app. */
  private readonly nextServed = new Map<string, string[]>();

  /** What `next start` serves in `dir`: the app's route handlers and server actions that reach a model. */
  nextServerEntries(dir: string): string[] {
    let served = this.nextServed.get(dir);
    if (!served) {
      served = this.workOutNextServerEntries(dir);
      this.nextServed.set(dir, served);
    }
    return [...served];
  }

  private workOutNextServerEntries(dir: string): string[] {
    // The files an entry's code reaches, when one of them calls a model or uses an agent framework.
    const modelCode = (path: string) => {
      const closure = importClosure([path], this);
      return closure.some((p) => {
        const file = this.byPath.get(p);
        return file !== undefined && (file.llm.length > 0 || file.frameworks.length > 0);
      })
        ? closure
        : null;
    };
    this.nextServerFiles ??= [...this.byPath.values()].filter(mayBeNextServerFile);
    return nextServerEntries(this.nextServerFiles, dir, modelCode, (path) => this.projects.sameProject(dir, path));
  }

  /** A path as a config wrote it, relative to the config's folder or (unless `fromDirOnly`) the root, with source fallbacks. */
  resolvePath(written: string, fromDir: string, fromDirOnly = false): string | null {
    const clean = written.replace(/^\.?\//, '');
    // A built path's sources sit in the same folder it is written from (`node build/index.js` run
    // in packages/api is packages/api/src/index.ts), before any file of that name at the root.
    const source = clean.replace(BUILD_FOLDER, 'src/');
    const fromHere = posix.normalize(posix.join(fromDir, clean));
    const candidates = [fromHere, ...(source !== clean && fromDir ? [posix.normalize(posix.join(fromDir, source))] : []), ...(fromDirOnly ? [] : [posix.normalize(clean), ...this.builtInProject(posix.normalize(clean))])];
    for (const base of candidates) {
      if (base.startsWith('..') || !this.mayResolve(base)) continue;
      for (const variant of pathVariants(base)) if (this.byPath.has(variant)) return variant;
    }
    return null;
  }

  /**
   * A path from the root that runs a project's built output (`services/api/build/index.js`, as a
   * config joins `${workspaceFolder}` to its project): the sources in that project's src/.
   */
  private builtInProject(path: string): string[] {
    const top = this.projects.projectOf(posix.dirname(path));
    if (!top || !path.startsWith(`${top}/`)) return [];
    const inProject = path.slice(top.length + 1);
    const source = inProject.replace(BUILD_FOLDER, 'src/');
    return source === inProject ? [] : [posix.join(top, source)];
  }

  /**
   * A path written from somewhere else (inside a container image, a zip built from src/): the
   * scanned file whose path ends with it, nearest to `nearDir` when several do.
   */
  resolveBySuffix(written: string, nearDir: string): string | null {
    const clean = posix.normalize(written.replace(/^\.?\//, '')).replace(/^(\.\.\/)+/, '');
    // Every spelling's matches together: a `handler.py` of two other repositories must not hide
    // the `handler.ts` beside the config (the first spelling's tie used to end the search).
    const matches = new Set<string>();
    // Only files below the asker's project folder can be its project's (see sameProject, below).
    const project = this.projects.known ? this.projects.projectOf(nearDir) : '';
    const named = (name: string) => (project === '' ? this.byFileName.get(name) : this.byFileNameInProject.get(`${project}\0${name}`)) ?? [];
    for (const variant of pathVariants(clean)) {
      for (const path of named(posix.basename(variant))) if (path === variant || path.endsWith(`/${variant}`)) matches.add(path);
    }
    // A built path's sources, like any file found by name, are the asker's project's own.
    for (const path of matches) if (!this.projects.sameProject(nearDir, path)) matches.delete(path);
    return matches.size > 0 ? nearest([...matches], nearDir) : null;
  }

  /** A dotted module as `python -m` or an import names it; `nearDir` breaks ties between repositories. */
  resolvePythonModule(module: string, fromFile?: string, nearDir = fromFile ? posix.dirname(fromFile) : ''): string | null {
    if (module.startsWith('.') && fromFile) {
      const level = module.match(/^\.+/)![0].length;
      let dir = posix.dirname(fromFile);
      for (let i = 1; i < level; i++) dir = posix.dirname(dir);
      const rest = module.slice(level).replace(/\./g, '/');
      const base = rest ? posix.join(dir, rest) : dir;
      return this.firstExisting([`${base}.py`, `${base}/__init__.py`]);
    }
    // Every scanned module is indexed under each suffix of its dotted path, the sibling one too:
    // a name no file has (json, sqlalchemy.orm, most imports) is answered here without building paths.
    if (PLAIN_MODULE.test(module) && !this.byPythonModule.has(module) && !this.byPythonModule.has(`${module}.__main__`)) return null;
    if (fromFile) {
      // Prefer a module next to the importing file's package (app/tools.py for "tools" in app/agent.py).
      const sibling = posix.join(posix.dirname(fromFile), module.replace(/\./g, '/'));
      const near = this.firstExisting([`${sibling}.py`, `${sibling}/__init__.py`]);
      if (near) return near;
    }
    // Commands and imports resolve differently (see below): they are remembered apart.
    const key = `${fromFile ? 'import' : 'command'}\0${nearDir}\0${module}`;
    let found = this.nearestModule.get(key);
    if (found === undefined) {
      const named = this.byPythonModule.get(module) ?? this.byPythonModule.get(`${module}.__main__`);
      // A command's module runs from the config's project; an import may name an installed sibling package.
      const matches = fromFile ? named?.filter((path) => this.mayBeOnPath(path, module, fromFile)) : named?.filter((path) => this.projects.sameProject(nearDir, path));
      found = matches?.length ? nearest(matches, nearDir) : null;
      this.nearestModule.set(key, found);
    }
    return found;
  }

  /** A local import as written in `fromFile`, to a scanned file. */
  resolveImport(written: string, fromFile: string): string | null {
    // Two levels rather than one joined key: the strings are the findings' own, whose hashes the
    // engine keeps, while a joined key would be built and hashed anew on every call.
    let fromThisFile = this.resolvedImports.get(fromFile);
    if (!fromThisFile) this.resolvedImports.set(fromFile, (fromThisFile = new Map()));
    let found = fromThisFile.get(written);
    if (found === undefined) fromThisFile.set(written, (found = this.resolveImportOnce(written, fromFile)));
    return found;
  }

  private resolveImportOnce(written: string, fromFile: string): string | null {
    const file = this.byPath.get(fromFile);
    if (!file) return null;
    if (file.language === 'python') return this.resolvePythonModule(written, fromFile);
    if (written.startsWith('.')) return this.resolvePath(written, posix.dirname(fromFile));
    // Path aliases such as "@/lib/tools" or "~/lib/tools" point at the project root or src/.
    const alias = written.replace(/^[@~]\//, '');
    if (alias === written) return null;
    return this.resolvePath(alias, '') ?? this.resolvePath(posix.join('src', alias), '') ?? this.resolveBySuffix(alias, posix.dirname(fromFile));
  }

  /**
   * Whether `import module` can load the file at `path`: the folder above the module's own path
   * must be on Python's path. A folder that is a package itself (it holds an `__init__.py`) is on
   * it only for a script run from it or from below it: `from agents import Agent` (the OpenAI
   * Agents SDK) in one service is not another service's `desk/agents.py`, whose package is `desk`.
   * A plain folder (the repository, a `src/` layout, a sibling project) may be on anyone's path.
   */
  private mayBeOnPath(path: string, module: string, fromFile: string): boolean {
    const depth = module.split('.').length + (path.endsWith('/__init__.py') ? 1 : 0);
    const root = path.split('/').slice(0, -depth).join('/');
    if (!root || !this.byPath.has(`${root}/__init__.py`)) return true;
    const importer = posix.dirname(fromFile);
    return importer === root || importer.startsWith(`${root}/`);
  }

  private firstExisting(paths: string[]): string | null {
    for (const p of paths) if (this.byPath.has(p)) return p;
    return null;
  }
}

/** A dotted name whose path form needs no normalising ("a.b", not "a..b"). */
const PLAIN_MODULE = /^[^./]+(\.[^./]+)*$/;

function push(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * How many leading folders the file at `path` shares with `dir`. Compared in place, character by
 * character: a common module name ("utils", "app.tools") matches a file in every repository of a
 * big tree, and this runs once per match for every import that names it.
 */
function sharedDepth(path: string, dir: string): number {
  if (dir === '' || dir === '.') return 0;
  const folderEnd = path.lastIndexOf('/');
  if (folderEnd <= 0) return 0;
  let depth = 0;
  let i = 0;
  for (;;) {
    // Walk one folder name while both agree, stopping at a '/' or where either ends.
    let j = i;
    while (j < folderEnd && j < dir.length && path.charCodeAt(j) === dir.charCodeAt(j) && path.charCodeAt(j) !== SLASH) j++;
    const folderEnds = j === folderEnd || path.charCodeAt(j) === SLASH;
    const dirEnds = j === dir.length || dir.charCodeAt(j) === SLASH;
    if (j === i || !folderEnds || !dirEnds) return depth;
    depth++;
    if (j === folderEnd || j === dir.length) return depth;
    i = j + 1;
  }
}

const SLASH = 47;

/** The one path sharing the most leading folders with `dir`; null when the best is a tie. */
function nearest(paths: string[], dir: string): string | null {
  if (paths.length === 1) return paths[0]!;
  let best: string | null = null;
  let bestDepth = -1;
  let tied = false;
  for (const path of paths) {
    const depth = sharedDepth(path, dir);
    if (depth > bestDepth) {
      best = path;
      bestDepth = depth;
      tied = false;
    } else if (depth === bestDepth) tied = true;
  }
  return tied ? null : best;
}

const CODE_EXTENSIONS = ['.py', '.ts', '.tsx', '.js', '.mjs', '.cjs', '.jsx'];
/** Any of CODE_EXTENSIONS at the end of a path: the stem pathVariants spells its variants from. */
const CODE_EXTENSION = /\.(py|ts|tsx|js|mjs|cjs|jsx)$/;
const BUILD_FOLDER = /^(dist|build|out|lib)\//;

/** The file itself, the same path in another code extension, an index file, or its TypeScript source for a built .js. */
function pathVariants(path: string): string[] {
  const withoutExt = path.replace(CODE_EXTENSION, '');
  const variants = [path, ...CODE_EXTENSIONS.map((e) => `${withoutExt}${e}`), ...CODE_EXTENSIONS.map((e) => `${withoutExt}/index${e}`)];
  const fromBuild = withoutExt.replace(BUILD_FOLDER, 'src/');
  if (fromBuild !== withoutExt) variants.push(...CODE_EXTENSIONS.map((e) => `${fromBuild}${e}`));
  return variants;
}

/**
 * Programs that read, copy or print the files they name but never run them: `echo "python
 * agent.py"`, `cp agent.py /app/`, `ruff check agent.py` name a file that is not started.
 */
const NOT_RUNNERS = new Set(['echo', 'printf', 'cat', 'ls', 'cp', 'mv', 'rm', 'mkdir', 'touch', 'chmod', 'chown', 'ln', 'grep', 'sed', 'awk', 'head', 'tail', 'wc', 'tee', 'diff', 'find', 'tar', 'zip', 'unzip', 'git', 'curl', 'wget', 'export', 'sort', 'cut', 'tr', 'jq', 'yq', 'stat', 'basename', 'dirname', 'readlink', 'realpath', 'black', 'ruff', 'isort', 'flake8', 'pylint', 'mypy', 'prettier', 'eslint', 'tsc', 'shellcheck', 'source', '.']);

/**
 * `modal deploy app.py` (or `-m pkg.app`) uploads the app to Modal, where each function runs on its
 * own trigger (a web endpoint, a schedule, a `.spawn()`): the job deploying it runs none of that
 * code, which is a code entry point of its own (its Modal decorators say when it runs). `modal run`
 * does start the app's local entrypoint, so it stays a run.
 */
function uploadsOnly(words: readonly string[]): boolean {
  return posix.basename(words[0]!) === 'modal' && (words[1] === 'deploy' || words[1] === 'serve');
}

/**
 * The code a command line runs: `python x.py`, `python -m a.b`, `node dist/x.js`, `npx tsx src/x.ts`,
 * `uv run x.py`, also inside a script (`if bun run x.ts; then`, `cd agent && uv run main.py`).
 * Any word that names a code file counts, except in commands that only read or print files.
 */
export function entryFilesOfCommand(command: string, index: CodeIndex, fromDir: string, fromDirOnly = false, scriptDepth = 0): string[] {
  const found: string[] = [];
  for (const simple of shellCommands(command)) {
    const dir = simple.dir ? posix.normalize(posix.join(fromDir || '.', simple.dir)) : fromDir;
    // `pnpm --filter web start`, `turbo run start`, `concurrently "…" "…"`, `uv run --directory svc …`: the commands they hand on.
    const delegated = scriptDepth < MAX_SCRIPT_DEPTH ? index.packageScripts?.delegatedRuns(simple.words, dir) : null;
    if (delegated) {
      for (const run of delegated) found.push(...entryFilesOfCommand(run.command, index, run.dir, fromDirOnly || run.packageScript, scriptDepth + 1));
      continue;
    }
    // `bash start.sh`, `./start.sh`: the script's commands run, from the caller's folder.
    const shellScript = scriptDepth < MAX_SCRIPT_DEPTH ? index.packageScripts?.shellScriptRunBy(stripPrefixes(simple.words), dir) : null;
    if (shellScript) {
      found.push(...entryFilesOfCommand(shellScript, index, dir, fromDirOnly, scriptDepth + 1));
      continue;
    }
    // `npm start`, `pnpm agent`: the package's script runs, from the package's folder (a chain of `npm run x` too).
    const script = scriptDepth < MAX_SCRIPT_DEPTH ? index.packageScripts?.scriptRunBy(simple.words, dir) : null;
    if (script) {
      found.push(...entryFilesOfCommand(script.command, index, script.packageDir, true, scriptDepth + 1));
      continue;
    }
    const words = stripPrefixes(simple.words);
    if (words.length === 0 || NOT_RUNNERS.has(posix.basename(words[0]!)) || uploadsOnly(words)) continue;
    // `mastra start`, `node .mastra/output/index.mjs`: the app module the Mastra server is built from.
    const mastra = mastraServeOf(words);
    const mastraApp = mastra ? mastraAppFile(mastra, dir, index) : null;
    if (mastraApp) {
      found.push(mastraApp);
      continue;
    }
    const served = nextStartFolder(words, dir);
    // `uv run refund-agent`, `CMD ["refund-agent"]`: a pyproject console script runs the module defining it.
    const consoleScript = served === null ? index.packageScripts?.consoleScriptRunBy(crewaiCliScript(words) ?? words[0]!, dir) : null;
    const consoleModule = consoleScript ? index.resolvePythonModule(consoleScript.module, undefined, consoleScript.projectDir) : null;
    if (served !== null) found.push(...index.nextServerEntries(served));
    else if (consoleModule) found.push(consoleModule);
    else found.push(...codeFilesNamedBy(words, index, dir, fromDirOnly));
  }
  return [...new Set(found)];
}

/** Scripts calling scripts (`"start": "npm run serve"`) are followed this deep: a script that runs itself ends there. */
const MAX_SCRIPT_DEPTH = 6;

function codeFilesNamedBy(tokens: string[], index: CodeIndex, fromDir: string, fromDirOnly: boolean): string[] {
  const found: string[] = [];
  // Node runs a script written without its extension as `<path>.js`: NestJS's `node dist/main`.
  const bareScript = nodeScriptWithoutExtension(tokens);
  const bare = bareScript === null ? null : index.resolvePath(`${bareScript}.js`, fromDir, fromDirOnly);
  if (bare) found.push(bare);
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token === '-m' && tokens[i + 1]) {
      const module = tokens[i + 1]!.split(':')[0]!;
      // `python -m pkg` runs pkg/__main__.py, not the package's __init__.py.
      const path = index.resolvePythonModule(`${module}.__main__`, undefined, fromDir) ?? index.resolvePythonModule(module, undefined, fromDir);
      if (path) found.push(path);
      i++;
      continue;
    }
    if (/\.(py|ts|tsx|js|mjs|cjs)$/.test(token)) {
      const path = index.resolvePath(token, fromDir, fromDirOnly);
      if (path) found.push(path);
      continue;
    }
    // "module:attr" as in uvicorn app.main:app, celery -A worker.app, gunicorn pkg.wsgi:app
    const moduleAttr = token.match(/^([A-Za-z_][\w.]*):[A-Za-z_]\w*$/);
    if (moduleAttr) {
      const path = index.resolvePythonModule(moduleAttr[1]!, undefined, fromDir);
      if (path) found.push(path);
    }
  }
  return found;
}

const NODE_RUNNERS = new Set(['node', 'nodemon']);
/** Node options whose value is the next word (`-r dotenv/config`), not the script. */
const NODE_OPTIONS_WITH_VALUE = new Set(['-r', '--require', '--import', '--loader', '--experimental-loader', '--env-file', '--watch-path']);

/** The script `node [options] <script>` runs when it is written with no extension, else null. */
function nodeScriptWithoutExtension(tokens: readonly string[]): string | null {
  if (tokens.length < 2 || !NODE_RUNNERS.has(posix.basename(tokens[0]!))) return null;
  for (let i = 1; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (NODE_OPTIONS_WITH_VALUE.has(token)) {
      i++;
      continue;
    }
    if (token.startsWith('-')) continue;
    return /^[\w./@-]+$/.test(token) && posix.extname(token) === '' ? token : null;
  }
  return null;
}

/** A serverless handler "src/handler.main" or "app.lambda_handler" to its file. */
export function entryFileOfHandler(handler: string, index: CodeIndex, fromDir: string): string | null {
  const withoutFunction = handler.replace(/\.[A-Za-z_$][\w$]*$/, '');
  return index.resolvePath(withoutFunction, fromDir) ?? index.resolvePythonModule(withoutFunction.replace(/\//g, '.'), undefined, fromDir);
}

/** Last resort for a handler or script whose folder the config does not say: the nearest file with that name. */
export function entryFileBySuffix(written: string, index: CodeIndex, nearDir: string): string | null {
  const words = /\s/.test(written) ? shellCommands(written).map((c) => stripPrefixes(c.words)).filter((w) => w.length > 0 && !NOT_RUNNERS.has(posix.basename(w[0]!))).flat() : [written];
  const token = words.find((t) => /\.(py|ts|tsx|js|mjs|cjs)$/.test(t)) ?? (/\s/.test(written) ? null : written.replace(/\.[A-Za-z_$][\w$]*$/, ''));
  return token ? index.resolveBySuffix(token, nearDir) : null;
}

/**
 * Every local file reachable from the entry files through imports (bounded, cycles ignored),
 * leaving out files `runsElsewhere` names (and what only they import). A barrel (an index module
 * of re-exports only) costs no depth: `import { ChatService } from './modules'` reaches
 * chat.service.ts through modules/index.ts, chat/index.ts and chat/services/index.ts, and those
 * hops are one import as written. Counted, a layered app's entry never reached its agent.
 */
export function importClosure(entries: string[], index: CodeIndex, maxDepth = 4, runsElsewhere: (path: string) => boolean = () => false): string[] {
  const seen = new Set(entries);
  const follow = (path: string, next: string[]) => {
    for (const written of index.get(path)?.localImports ?? []) {
      const target = index.resolveImport(written, path);
      if (!target || seen.has(target) || runsElsewhere(target)) continue;
      seen.add(target);
      if (index.get(target)?.reexportsOnly) follow(target, next);
      else next.push(target);
    }
  };
  let frontier = entries;
  for (let depth = 0; depth < maxDepth && frontier.length > 0; depth++) {
    const next: string[] = [];
    for (const path of frontier) follow(path, next);
    frontier = next;
  }
  return [...seen];
}
