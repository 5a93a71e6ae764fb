import { posix } from 'node:path';
import { stripPrefixes } from '../config/commands';
import { shellCommands } from '../config/shell-script';
import type { CodeFindings, ConfigFindings } from '../findings';
import { isTestPath } from './deployment-scope';
import { delegatedRuns, type DelegatedRun, type WorkspacePackage, type WorkspaceTree } from './workspace-commands';

/**
 * The scripts of a tree's package.json files, so a command that asks a package manager to run
 * one (`npm start`, `npm run serve`, `yarn start`, `pnpm agent`, `bun run agent`) is read as the
 * script's own command, run in the package's folder: a Dockerfile `CMD ["npm", "start"]` whose
 * `"start": "node dist/server.js"` runs src/server.ts joins that code like `CMD ["node",
 * "dist/server.js"]` would. Nothing is run.
 *
 * Like npm, a command run in a folder uses the nearest package.json at or above it.
 */
export class PackageScripts implements WorkspaceTree {
  private readonly byDir = new Map<string, Record<string, string>>();
  /** The package.json files with scripts, with their names, for a monorepo's `pnpm --filter web start`. */
  private readonly packagesByDir = new Map<string, WorkspacePackage>();
  /** Workspace declarations by folder: package.json `workspaces`, pnpm-workspace.yaml `packages`. */
  private readonly workspacesByDir = new Map<string, readonly string[]>();
  /** pyproject.toml console scripts by the project's folder: name → the module defining it. */
  private readonly consoleByDir = new Map<string, Record<string, string>>();
  /** Shell scripts that start code, by path: their commands (config/commands.ts commandsStartingCode). */
  private readonly shellByPath = new Map<string, string>();

  constructor(configs: readonly ConfigFindings[]) {
    for (const config of configs) {
      const dir = posix.dirname(config.path) === '.' ? '' : posix.dirname(config.path);
      if (config.packageScripts) {
        this.byDir.set(dir, config.packageScripts);
        this.packagesByDir.set(dir, { dir, name: config.packageName ?? null, scripts: config.packageScripts });
      }
      if (config.workspaceGlobs) this.workspacesByDir.set(dir, [...(this.workspacesByDir.get(dir) ?? []), ...config.workspaceGlobs]);
      if (config.consoleScripts) this.consoleByDir.set(dir, config.consoleScripts);
      if (config.scriptCommands) this.shellByPath.set(config.path, config.scriptCommands);
    }
  }

  get isEmpty(): boolean {
    return this.byDir.size === 0 && this.shellByPath.size === 0;
  }

  packageAt(dir: string): WorkspacePackage | undefined {
    return this.packagesByDir.get(dir);
  }

  nearestPackage(dir: string): WorkspacePackage | undefined {
    for (let at = dir; ; at = parentOf(at)) {
      const found = this.packagesByDir.get(at);
      if (found || at === '') return found;
    }
  }

  packages(): Iterable<WorkspacePackage> {
    return this.packagesByDir.values();
  }

  workspaceGlobsAt(dir: string): readonly string[] | undefined {
    return this.workspacesByDir.get(dir);
  }

  /**
   * The commands a monorepo or dev-setup command hands on (`pnpm --filter web start`, `turbo run
   * start`, `concurrently "…" "…"`, `uv run --directory svc …`), or null when it is none of
   * those (see link/workspace-commands.ts).
   */
  delegatedRuns(words: readonly string[], dir: string): DelegatedRun[] | null {
    return delegatedRuns(words, dir, this);
  }

  /**
   * The module a Python console script names (`uv run refund-agent`, `CMD ["refund-agent"]` →
   * "refund_agent.cli"), from the nearest pyproject.toml at or above `dir` that declares it, with
   * that project's folder; null when `program` is no console script of the tree.
   */
  consoleScriptRunBy(program: string, dir: string): { module: string; projectDir: string } | null {
    if (this.consoleByDir.size === 0 || program.includes('/') || program.startsWith('-')) return null;
    for (let at = dir; ; at = parentOf(at)) {
      const scripts = this.consoleByDir.get(at);
      if (scripts && Object.hasOwn(scripts, program)) return { module: scripts[program]!, projectDir: at };
      if (at === '') return null;
    }
  }

  /**
   * The commands of the tree's shell script a simple command runs (its words with launchers like
   * `env X=1` and `exec` stripped): `bash start.sh`, `sh -e
   * scripts/serve.sh`, `./start.sh`, `/app/start.sh` from an image's working folder), or null.
   * A script runs in its caller's folder, so its commands are read from `dir`.
   */
  shellScriptRunBy(words: readonly string[], dir: string): string | null {
    if (this.shellByPath.size === 0) return null;
    const program = words[0] ?? '';
    const script = SHELLS.test(program) ? words.slice(1).find((w) => !w.startsWith('-')) : program;
    if (!script || !script.endsWith('.sh') || script.includes('$')) return null;
    const path = posix.normalize(posix.join(dir || '.', script));
    const exact = this.shellByPath.get(path);
    if (exact !== undefined) return exact;
    // An image runs it where it was copied (`/app/start.sh`): the tree's script whose path ends the one written.
    if (!script.startsWith('/')) return null;
    for (const [known, commands] of this.shellByPath) if (script.endsWith(`/${known}`)) return commands;
    return null;
  }

  /**
   * The script a simple command runs (its words, as the shell lexer gives them) and the folder it
   * runs in, or null when the command runs no script of a package we read (`npm ci`, `npm run`
   * of a script the package does not have, `pnpm --filter other build`).
   */
  scriptRunBy(words: readonly string[], dir: string): { command: string; packageDir: string } | null {
    const invocation = scriptInvocation(words);
    if (!invocation) return null;
    const from = invocation.dir ? posix.normalize(posix.join(dir || '.', invocation.dir)).replace(/^\.$/, '') : dir;
    if (from.startsWith('..')) return null;
    for (let at = from; ; at = parentOf(at)) {
      const scripts = this.byDir.get(at);
      if (scripts) {
        // The nearest package.json is the package npm runs, whether or not it has the script.
        if (!Object.hasOwn(scripts, invocation.name)) return null;
        return { command: scripts[invocation.name]!, packageDir: at };
      }
      if (at === '') return null;
    }
  }
}

/**
 * The unit with the commands of the scripts its own commands run added to its `runs`, to judge
 * what it is by: a compose service whose `npm run start:dev` is `nodemon src/server.ts` is a dev
 * server as much as one whose command says `nodemon`. `dirs`: where its commands run, nearest first.
 */
export function withScriptCommands<T extends { runs: string[] }>(unit: T, scripts: PackageScripts | null, dirs: readonly string[]): T {
  if (!scripts || scripts.isEmpty) return unit;
  const added: string[] = [];
  const follow = (command: string, dir: string, depth: number) => {
    for (const simple of shellCommands(command)) {
      const at = simple.dir ? posix.normalize(posix.join(dir || '.', simple.dir)).replace(/^\.$/, '') : dir;
      // `turbo run dev`, `concurrently "npm run api" "npm run web"`: the commands they hand on.
      const delegated = depth < 6 ? scripts.delegatedRuns(simple.words, at) : null;
      if (delegated) {
        for (const run of delegated) {
          added.push(run.command);
          follow(run.command, run.dir, depth + 1);
        }
        continue;
      }
      const shellScript = depth < 6 ? scripts.shellScriptRunBy(stripPrefixes(simple.words), at) : null;
      if (shellScript !== null) {
        added.push(shellScript);
        follow(shellScript, at, depth + 1);
        continue;
      }
      const script = depth < 6 ? scripts.scriptRunBy(simple.words, at) : null;
      if (!script) continue;
      added.push(script.command);
      follow(script.command, script.packageDir, depth + 1);
    }
  };
  for (const run of unit.runs) {
    for (const dir of dirs) {
      const before = added.length;
      follow(run, dir, 0);
      if (added.length > before) break;
    }
  }
  return added.length > 0 ? { ...unit, runs: [...unit.runs, ...added] } : unit;
}

/** Shells handed a script file: `bash start.sh`, `sh -e run.sh`. */
const SHELLS = /^(?:.*\/)?(bash|sh|zsh|dash)$/;

/** Package-manager commands that are never a package's script, whatever its scripts are named. */
const BUILT_INS = new Set(['install', 'i', 'ci', 'add', 'remove', 'rm', 'uninstall', 'update', 'upgrade', 'up', 'init', 'create', 'publish', 'pack', 'link', 'unlink', 'audit', 'cache', 'config', 'why', 'info', 'view', 'list', 'ls', 'outdated', 'version', 'login', 'logout', 'exec', 'dlx', 'x', 'workspaces', 'import', 'prune', 'dedupe', 'rebuild', 'fund', 'doctor', 'help', 'set', 'patch', 'store', 'env', 'node', 'plugin', 'constraints']);
/** `npm start`, `npm test`, `npm stop`, `npm restart`: run their script with no `run`. */
const NPM_SHORTHANDS = new Set(['start', 'stop', 'test', 't', 'restart']);
/** Options that name the folder the package manager works in: `npm --prefix web start`, `pnpm -C web start`, `yarn --cwd web start`. */
const DIR_OPTIONS = new Set(['--prefix', '-C', '--dir', '--cwd']);
/** Options that take a value that is not a folder. `--filter`/`--workspace` name another package: not followed. */
const VALUE_OPTIONS = new Set(['--filter', '-F', '--workspace', '-w', '--loglevel', '--registry', '--userconfig', '--reporter']);

/** `npm run serve` → serve; `yarn start` → start; `pnpm agent` → agent; `bun run agent` → agent; with the folder an option names. */
export function scriptInvocation(words: readonly string[]): { name: string; dir: string | null } | null {
  let rest = [...words];
  // `NODE_ENV=production npm start`: assignments are its environment.
  while (rest.length > 1 && /^[A-Za-z_][A-Za-z0-9_]*=/.test(rest[0]!)) rest = rest.slice(1);
  const program = posix.basename(rest[0] ?? '').replace(/\.(cmd|exe)$/i, '');
  if (!/^(npm|yarn|pnpm|bun)$/.test(program)) return null;
  let dir: string | null = null;
  const args: string[] = [];
  for (let i = 1; i < rest.length; i++) {
    const word = rest[i]!;
    if (args.length === 0 || (args.length === 1 && args[0] === 'run')) {
      const [option, inline] = word.split('=', 2) as [string, string | undefined];
      if (DIR_OPTIONS.has(option)) {
        dir = inline ?? rest[++i] ?? null;
        continue;
      }
      if (VALUE_OPTIONS.has(option)) return null;
      if (word.startsWith('-')) continue;
    }
    args.push(word);
    if (args.length === 2 || (args[0] !== 'run' && args[0] !== 'run-script')) break;
  }
  const [first, second] = args;
  if (!first) return null;
  const viaRun = first === 'run' || first === 'run-script';
  const name = viaRun ? second : first;
  if (!name || name.includes('/') || /\.[cm]?[jt]sx?$|\.py$/.test(name)) return null; // `bun run x.ts` runs a file, not a script
  if (!viaRun) {
    if (program === 'npm' && !NPM_SHORTHANDS.has(name)) return null;
    if (BUILT_INS.has(name)) return null;
  }
  return { name: name === 't' ? 'test' : name, dir };
}

/** Route handlers and server actions: the code a Next.js server answers requests with. */
const NEXT_ROUTE = /(?:^|\/)(?:src\/)?(?:app\/(?:.*\/)?route|pages\/api\/.+)\.(?:[cm]?[jt]sx?)$/;

/**
 * What `next start` runs in `dir`: the app's route handlers and server actions (the pages run in
 * the browser and are followed as browser code). Only those whose code reaches a model: the app's
 * other routes (a login, a health check) are web code, not the agent the deployment runs. A server
 * action a route's code already imports is part of that route's run (a chained component), not
 * an entry beside it.
 */
export function nextServerEntries(files: Iterable<CodeFindings>, dir: string, modelCode: (path: string) => string[] | null, sameProject: (path: string) => boolean): string[] {
  const prefix = dir ? `${dir}/` : '';
  const routes: string[] = [];
  const actions: string[] = [];
  for (const file of files) {
    if (prefix && !file.path.startsWith(prefix)) continue;
    const inApp = file.path.slice(prefix.length);
    if (inApp.includes('node_modules/') || isTestPath(file.path)) continue;
    if (NEXT_ROUTE.test(inApp)) routes.push(file.path);
    else if (isServerAction(file)) actions.push(file.path);
  }
  const found: string[] = [];
  const reachedByRoutes = new Set<string>();
  for (const path of routes.sort()) {
    if (!sameProject(path)) continue;
    const closure = modelCode(path);
    if (!closure) continue;
    found.push(path);
    for (const reached of closure) reachedByRoutes.add(reached);
  }
  for (const path of actions.sort()) if (!reachedByRoutes.has(path) && sameProject(path) && modelCode(path)) found.push(path);
  return found;
}

/**
 * Whether a file can be something `next start` serves from some folder: a route by its path (a
 * route below a served folder is one below the tree's root too: the pattern anchors at a slash)
 * or a server action. The few files that can are set aside once, so a tree with many apps does
 * not look at every file for each `next start`.
 */
export function mayBeNextServerFile(file: CodeFindings): boolean {
  return NEXT_ROUTE.test(file.path) || isServerAction(file);
}

function isServerAction(file: CodeFindings): boolean {
  return file.serverOnly === true && file.entryPoint?.ruleId === 'web.server-action';
}

/** `next start`, `next start -p 3000`, `next start ./web`: the folder it serves, or null when the command is not one. */
export function nextStartFolder(words: readonly string[], dir: string): string | null {
  if (posix.basename(words[0] ?? '') !== 'next' || words[1] !== 'start') return null;
  const folder = words.slice(2).find((word, i, rest) => !word.startsWith('-') && !/^(-p|--port|-H|--hostname|--keepAliveTimeout)$/.test(rest[i - 1] ?? ''));
  return folder ? posix.normalize(posix.join(dir || '.', folder)).replace(/^\.$/, '') : dir;
}

function parentOf(dir: string): string {
  const slash = dir.lastIndexOf('/');
  return slash < 0 ? '' : dir.slice(0, slash);
}
