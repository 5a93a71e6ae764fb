import { posix } from 'node:path';
import { escapeRegExp } from '../code/glob';

/**
 * Commands that run other commands, as monorepos and dev setups write them in package.json
 * scripts, Dockerfiles, compose files, Procfiles and workflows:
 * - a package manager running a script of other packages of the workspace: `pnpm --filter web
 *   start`, `pnpm -r run dev`, `npm run start -w apps/agent`, `npm run dev --workspaces`, `yarn
 *   workspace @acme/bot start`, `yarn workspaces foreach -A run start`, `bun --filter api start`;
 * - Turborepo running package scripts as tasks: `turbo run start --filter=@acme/agent`, `turbo dev`;
 * - runners whose arguments are commands or scripts: `concurrently "npm run api" "npm:worker"`,
 *   `npm-run-all -p api worker`, `run-p api:*`, `run-s build start`;
 * - Python project runners that move first: `uv run --directory services/agent python -m agent`,
 *   `uv run --project services/agent agent-cli`, `poetry -C services/agent run python main.py`.
 * Each is read as the commands it runs and the folders they run in; nothing is run.
 */

/** One command another command runs, and where. */
export interface DelegatedRun {
  command: string;
  dir: string;
  /** A package's own script: the paths it names are the package's (resolved from its folder only). */
  packageScript: boolean;
}

/** One package.json of the tree: its folder, its `name` and its scripts. */
export interface WorkspacePackage {
  dir: string;
  name: string | null;
  scripts: Record<string, string>;
}

/** What the delegations need to know of the tree's package.json files and workspace declarations. */
export interface WorkspaceTree {
  /** The package.json at `dir`, if it has scripts. */
  packageAt(dir: string): WorkspacePackage | undefined;
  /** The nearest package.json with scripts at or above `dir`. */
  nearestPackage(dir: string): WorkspacePackage | undefined;
  /** Every package.json with scripts. */
  packages(): Iterable<WorkspacePackage>;
  /** The workspace globs (package.json `workspaces`, pnpm-workspace.yaml `packages`) declared in `dir`. */
  workspaceGlobsAt(dir: string): readonly string[] | undefined;
}

/**
 * The commands `words` (one simple command, as the shell lexer gives it, run in `dir`) hands on,
 * or null when it is none of the shapes above (a plain `npm start` is link/package-scripts.ts's).
 * An empty list: a delegation that runs nothing of the tree (a filter naming no package, a
 * package without the script).
 */
export function delegatedRuns(words: readonly string[], dir: string, tree: WorkspaceTree): DelegatedRun[] | null {
  let rest = [...words];
  while (rest.length > 1 && /^[A-Za-z_][A-Za-z0-9_]*=/.test(rest[0]!)) rest = rest.slice(1);
  rest = withoutToolLauncher(rest, dir, tree);
  const program = posix.basename(rest[0] ?? '').replace(/\.(cmd|exe)$/i, '');
  const args = rest.slice(1);
  switch (program) {
    case 'pnpm':
      return pnpmRuns(args, dir, tree);
    case 'npm':
      return npmWorkspaceRuns(args, dir, tree);
    case 'yarn':
      return yarnWorkspaceRuns(args, dir, tree);
    case 'bun':
      return bunFilterRuns(args, dir, tree);
    case 'turbo':
      return turboRuns(args, dir, tree);
    case 'concurrently':
      return concurrentlyRuns(args, dir, tree);
    case 'npm-run-all':
    case 'npm-run-all2':
    case 'run-p':
    case 'run-s':
      return npmRunAllRuns(args, dir, tree);
    case 'uv':
      return uvRuns(args, dir);
    case 'poetry':
      return poetryRuns(args, dir);
    default:
      return null;
  }
}

/** Tools launched through a package manager: `npx turbo run start`, `pnpm exec concurrently …`, `yarn run-p a b`, `pnpm turbo dev`. */
const TOOLS = new Set(['turbo', 'concurrently', 'npm-run-all', 'npm-run-all2', 'run-p', 'run-s']);

function withoutToolLauncher(words: string[], dir: string, tree: WorkspaceTree): string[] {
  const [first, second] = words;
  let at = -1;
  if (first === 'npx' || first === 'bunx') at = 1;
  else if ((first === 'pnpm' || first === 'npm' || first === 'yarn') && (second === 'exec' || second === 'dlx' || second === 'x')) at = 2;
  else if ((first === 'pnpm' || first === 'yarn' || first === 'bun') && second && TOOLS.has(second) && !tree.nearestPackage(dir)?.scripts[second]) at = 1;
  else if ((first === 'pnpm' || first === 'yarn' || first === 'bun') && second === 'run' && words[2] && TOOLS.has(words[2]) && !tree.nearestPackage(dir)?.scripts[words[2]]) at = 2;
  if (at < 0) return words;
  while (at < words.length && words[at]!.startsWith('-')) at++; // `npx --yes turbo`, `npx -y concurrently`
  return TOOLS.has(words[at] ?? '') ? words.slice(at) : words;
}

/** Package-manager subcommands that are never a script, whatever a package names its scripts. */
const MANAGER_BUILT_INS = new Set(['install', 'i', 'ci', 'add', 'remove', 'rm', 'uninstall', 'update', 'upgrade', 'up', 'publish', 'pack', 'link', 'unlink', 'audit', 'outdated', 'list', 'ls', 'why', 'prune', 'dedupe', 'rebuild', 'deploy', 'version', 'import', 'fetch']);

/** `pnpm --filter web start`, `pnpm -F web run dev`, `pnpm -r start`, `pnpm --filter ./apps/agent exec tsx src/main.ts`. */
function pnpmRuns(args: string[], dir: string, tree: WorkspaceTree): DelegatedRun[] | null {
  const filters: string[] = [];
  let recursive = false;
  let workspaceRoot = false;
  let cwd = dir;
  let i = 0;
  for (; i < args.length && args[i]!.startsWith('-'); i++) {
    const [option, inline] = splitOption(args[i]!);
    if (option === '--filter' || option === '-F' || option === '--filter-prod') filters.push(inline ?? args[++i] ?? '');
    else if (option === '-r' || option === '--recursive') recursive = true;
    else if (option === '-w' || option === '--workspace-root') workspaceRoot = true;
    else if (option === '-C' || option === '--dir') cwd = joined(dir, inline ?? args[++i] ?? '.');
    else if (VALUE_OPTIONS.has(option) && inline === undefined) i++;
  }
  const rest = args.slice(i);
  // Options may also follow the command: `pnpm run dev --filter web`, `pnpm dev -r`.
  const trailing = trailingSelection(rest, ['--filter', '-F', '--filter-prod'], ['-r', '--recursive']);
  filters.push(...trailing.selectors);
  recursive ||= trailing.all;
  if (filters.length === 0 && !recursive && !workspaceRoot) return null;
  const command = managerCommand(trailing.words);
  if (!command) return [];
  const workspace = workspaceOf(cwd, tree);
  const targets = workspaceRoot ? packagesAt([workspace.root], tree) : filters.length > 0 ? selectByFilters(filters, workspace, cwd) : workspace.members;
  return runsIn(targets, command);
}

/** `npm run start -w apps/agent`, `npm start --workspace=@acme/agent`, `npm run dev --workspaces`, `npm -w web run start`. */
function npmWorkspaceRuns(args: string[], dir: string, tree: WorkspaceTree): DelegatedRun[] | null {
  const selectors: string[] = [];
  let all = false;
  let cwd = dir;
  const words: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const word = args[i]!;
    if (word === '--') {
      words.push(...args.slice(i));
      break;
    }
    const [option, inline] = splitOption(word);
    if (option === '-w' || option === '--workspace') selectors.push(inline ?? args[++i] ?? '');
    else if (option === '-ws' || option === '--workspaces') all = true;
    else if (option === '--prefix' || option === '-C') cwd = joined(dir, inline ?? args[++i] ?? '.');
    else if (!word.startsWith('-')) words.push(word);
  }
  if (selectors.length === 0 && !all) return null;
  const command = managerCommand(words, true);
  if (!command) return [];
  const workspace = workspaceOf(cwd, tree);
  // npm picks a workspace by name or by its folder.
  const targets = all ? workspace.members : unique(selectors.flatMap((selector) => byName(selector, workspace.members) ?? byPath(joined(cwd, selector), workspace.members)));
  return runsIn(targets, command);
}

/** `yarn workspace @acme/bot start`, `yarn workspaces run start` (v1), `yarn workspaces foreach -A --include '@acme/*' run start`. */
function yarnWorkspaceRuns(args: string[], dir: string, tree: WorkspaceTree): DelegatedRun[] | null {
  let cwd = dir;
  let i = 0;
  for (; i < args.length && args[i]!.startsWith('-'); i++) {
    const [option, inline] = splitOption(args[i]!);
    if (option === '--cwd') cwd = joined(dir, inline ?? args[++i] ?? '.');
  }
  const [sub, ...rest] = args.slice(i);
  const workspace = () => workspaceOf(cwd, tree);
  if (sub === 'workspace' && rest[0]) {
    const target = byName(rest[0], workspace().members) ?? [];
    const command = managerCommand(rest.slice(1));
    return command ? runsIn(target, command) : [];
  }
  if (sub !== 'workspaces') return null;
  if (rest[0] === 'run' && rest[1]) return runsIn(workspace().members, { script: rest[1] });
  if (rest[0] !== 'foreach') return null;
  const includes: string[] = [];
  const excludes: string[] = [];
  let at = 1;
  for (; at < rest.length && rest[at]!.startsWith('-'); at++) {
    const [option, inline] = splitOption(rest[at]!);
    if (option === '--include') includes.push(inline ?? rest[++at] ?? '');
    else if (option === '--exclude') excludes.push(inline ?? rest[++at] ?? '');
    else if ((option === '--from' || option === '-j' || option === '--jobs' || option === '--since') && inline === undefined) at++;
  }
  const command = managerCommand(rest.slice(at));
  if (!command) return [];
  const members = workspace().members.filter((pkg) => (includes.length === 0 || includes.some((glob) => nameGlob(glob).test(pkg.name ?? ''))) && !excludes.some((glob) => nameGlob(glob).test(pkg.name ?? '')));
  return runsIn(members, command);
}

/** `bun --filter api start`, `bun run --filter './packages/*' dev`. */
function bunFilterRuns(args: string[], dir: string, tree: WorkspaceTree): DelegatedRun[] | null {
  const filters: string[] = [];
  let cwd = dir;
  const words: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const [option, inline] = splitOption(args[i]!);
    if (option === '--filter' || option === '-F') filters.push(inline ?? args[++i] ?? '');
    else if (option === '--cwd') cwd = joined(dir, inline ?? args[++i] ?? '.');
    else if (!args[i]!.startsWith('-')) words.push(args[i]!);
  }
  if (filters.length === 0) return null;
  const command = managerCommand(words);
  if (!command) return [];
  const workspace = workspaceOf(cwd, tree);
  return runsIn(selectByFilters(filters, workspace, cwd), command);
}

/** Turborepo's own commands: anything else after `turbo` is a task (`turbo dev`). */
const TURBO_COMMANDS = new Set(['prune', 'login', 'logout', 'link', 'unlink', 'daemon', 'gen', 'generate', 'info', 'ls', 'query', 'scan', 'telemetry', 'bin', 'completion', 'boundaries', 'devtools', 'docs', 'config']);
/** Turborepo options followed by a value (unless written `--option=value`). */
const TURBO_VALUE_OPTIONS = new Set(['--concurrency', '--output-logs', '--log-order', '--cache-dir', '--env-mode', '--ui', '--log-prefix', '--token', '--team', '--api', '--cache', '--global-deps', '--profile', '--summarize', '--heap', '--trace', '--anon-profile', '--remote-cache-timeout']);

/** `turbo run start --filter=@acme/agent`, `turbo dev`, `turbo run build start --filter web...`, `turbo run web#start`. */
function turboRuns(args: string[], dir: string, tree: WorkspaceTree): DelegatedRun[] {
  const filters: string[] = [];
  const tasks: string[] = [];
  let cwd = dir;
  let sawCommand = false;
  for (let i = 0; i < args.length; i++) {
    const word = args[i]!;
    if (word === '--') break; // what follows is passed to the tasks
    const [option, inline] = splitOption(word);
    if (option === '--filter' || option === '-F' || option === '--scope') filters.push(inline ?? args[++i] ?? '');
    else if (option === '--cwd') cwd = joined(dir, inline ?? args[++i] ?? '.');
    else if (TURBO_VALUE_OPTIONS.has(option) && inline === undefined) i++;
    else if (word.startsWith('-')) continue;
    else if (!sawCommand && (word === 'run' || word === 'watch')) sawCommand = true;
    else if (!sawCommand && TURBO_COMMANDS.has(word)) return [];
    else {
      sawCommand = true;
      tasks.push(word);
    }
  }
  const workspace = workspaceOf(cwd, tree);
  const members = filters.length > 0 ? selectByFilters(filters, workspace, cwd) : workspace.members;
  const runs: DelegatedRun[] = [];
  for (const task of tasks) {
    // `web#start`: the start task of the package web, whatever the filter says.
    const hash = task.indexOf('#');
    if (hash > 0) runs.push(...runsIn(byName(task.slice(0, hash), workspace.members) ?? [], { script: task.slice(hash + 1) }));
    else runs.push(...runsIn(members, { script: task }));
  }
  return runs;
}

/** concurrently options followed by a value (unless written `--option=value`). */
const CONCURRENTLY_VALUE_OPTIONS = new Set(['-n', '--names', '--name-separator', '-c', '--prefix-colors', '-p', '--prefix', '-l', '--prefix-length', '-t', '--timestamp-format', '-s', '--success', '--kill-signal', '--restart-tries', '--restart-after', '-m', '--max-processes', '--default-input-target', '--hide', '--teardown', '--pad-prefix-to']);
/** concurrently's shorthands for a package script: `npm:api`, `yarn:watch-*`, `pnpm:dev:*`, `bun:worker`. */
const SCRIPT_SHORTHAND = /^(npm|yarn|pnpm|bun|node):(.+)$/;

/** `concurrently -k -n api,bot "npm run api" "cd bot && npm start" "npm:worker:*"`: each argument is a command run in `dir`. */
function concurrentlyRuns(args: string[], dir: string, tree: WorkspaceTree): DelegatedRun[] {
  const runs: DelegatedRun[] = [];
  for (let i = 0; i < args.length; i++) {
    const word = args[i]!;
    if (word.startsWith('-')) {
      const [option, inline] = splitOption(word);
      if (CONCURRENTLY_VALUE_OPTIONS.has(option) && inline === undefined) i++;
      continue;
    }
    const shorthand = SCRIPT_SHORTHAND.exec(word.trim());
    if (!shorthand) {
      runs.push({ command: word, dir, packageScript: false });
      continue;
    }
    // `npm:lint:*(!fix)`: the part in brackets leaves scripts out; the rest is a wildcard over the package's scripts.
    const pattern = shorthand[2]!.split(/\s+/)[0]!.replace(/\(!.*\)$/, '');
    for (const name of scriptNamesMatching(pattern, dir, tree, 'any')) runs.push({ command: `npm run ${name}`, dir, packageScript: false });
  }
  return runs;
}

/** npm-run-all options followed by a value. */
const NPM_RUN_ALL_VALUE_OPTIONS = new Set(['--max-parallel', '--npm-path']);

/** `npm-run-all --parallel api worker`, `run-p "dev:*"`, `run-s build start`: each argument names scripts of the package run in `dir`. */
function npmRunAllRuns(args: string[], dir: string, tree: WorkspaceTree): DelegatedRun[] {
  const runs: DelegatedRun[] = [];
  for (let i = 0; i < args.length; i++) {
    const word = args[i]!;
    if (word === '--') break; // arguments for the scripts
    if (word.startsWith('-')) {
      if (NPM_RUN_ALL_VALUE_OPTIONS.has(splitOption(word)[0]) && !word.includes('=')) i++;
      continue;
    }
    // `"build:* -- --watch"`: the pattern, then its arguments. `*` stays inside one `:` part; `**` crosses them.
    const pattern = word.trim().split(/\s+/)[0]!;
    for (const name of scriptNamesMatching(pattern, dir, tree, 'part')) runs.push({ command: `npm run ${name}`, dir, packageScript: false });
  }
  return runs;
}

/** uv options followed by a value (unless written `--option=value`). */
const UV_VALUE_OPTIONS = new Set(['--with', '--with-editable', '--with-requirements', '--python', '-p', '--env-file', '--extra', '--group', '--only-group', '--no-group', '--package', '--index', '--index-url', '--extra-index-url', '--find-links', '-f', '--config-file', '--cache-dir', '--color', '--refresh-package', '--reinstall-package', '--upgrade-package', '-P', '--exclude-newer', '--link-mode', '--prerelease', '--resolution', '--index-strategy', '--keyring-provider', '--python-preference', '--allow-insecure-host']);

/** `uv run --directory services/agent python -m agent`, `uv --directory svc run main.py`, `uv run --project svc agent-cli`. */
function uvRuns(args: string[], dir: string): DelegatedRun[] | null {
  let directory: string | null = null;
  let project: string | null = null;
  let sawRun = false;
  let i = 0;
  for (; i < args.length; i++) {
    const word = args[i]!;
    const [option, inline] = splitOption(word);
    if (option === '--directory') directory = inline ?? args[++i] ?? null;
    else if (option === '--project') project = inline ?? args[++i] ?? null;
    else if (UV_VALUE_OPTIONS.has(option) && inline === undefined) i++;
    else if (word.startsWith('-')) continue;
    else if (!sawRun && word === 'run') sawRun = true;
    else break;
  }
  if (!sawRun || (directory === null && project === null)) return null;
  return movedRun(args.slice(i), dir, directory, project);
}

/** `poetry -C services/agent run python main.py`, `poetry --directory=svc run agent-cli`, `poetry -P svc run python -m svc.main`. */
function poetryRuns(args: string[], dir: string): DelegatedRun[] | null {
  let directory: string | null = null;
  let project: string | null = null;
  let i = 0;
  for (; i < args.length && args[i]!.startsWith('-'); i++) {
    const [option, inline] = splitOption(args[i]!);
    if (option === '-C' || option === '--directory') directory = inline ?? args[++i] ?? null;
    else if (option === '-P' || option === '--project') project = inline ?? args[++i] ?? null;
  }
  if (args[i] !== 'run' || (directory === null && project === null)) return null;
  return movedRun(args.slice(i + 1), dir, directory, project);
}

/**
 * What a Python runner runs after moving: `--directory` moves the command itself; `--project`
 * only picks the project (a script path is still from where the command was typed, while a
 * module or a console script is the project's).
 */
function movedRun(command: string[], dir: string, directory: string | null, project: string | null): DelegatedRun[] {
  if (command.length === 0) return [];
  const moved = directory !== null ? joined(dir, directory) : dir;
  const namesFile = command.some((word) => /\.(py|[cm]?[jt]s)$/.test(word));
  const at = project !== null && !namesFile ? joined(moved, project) : moved;
  return [{ command: command.map(shellWord).join(' '), dir: at, packageScript: false }];
}

/** Package-manager options (before the command) followed by a value. */
const VALUE_OPTIONS = new Set(['--loglevel', '--reporter', '--registry', '--test-pattern', '--changed-files-ignore-pattern', '--workspace-concurrency', '--userconfig', '--resume-from', '--report-summary']);

type ManagerCommand = { script: string } | { exec: string[] };

/** What a package manager is asked to run in each package: `run dev`, `dev`, `exec tsx x.ts`; null for `install` and friends. */
function managerCommand(words: readonly string[], npm = false): ManagerCommand | null {
  const [first, second, ...more] = words.filter((word, i) => i > 1 || !word.startsWith('-') || word === '--');
  if (!first) return null;
  if (first === 'run' || first === 'run-script' || first === 'rum' || first === 'urn') return second ? { script: second } : null;
  if (first === 'exec' || first === 'x') {
    const rest = [second, ...more].filter((word): word is string => word !== undefined && word !== '--');
    return rest.length > 0 ? { exec: rest } : null;
  }
  if (first === 'test' || first === 't') return { script: 'test' };
  if (MANAGER_BUILT_INS.has(first)) return null;
  // npm runs a script only through `run` (or its start/stop/test/restart shorthands).
  if (npm && !['start', 'stop', 'restart'].includes(first)) return null;
  return { script: first };
}

/** The command of each target package: the script it has (packages without it are skipped, as pnpm -r does), or the program run in its folder. */
function runsIn(targets: readonly WorkspacePackage[], command: ManagerCommand): DelegatedRun[] {
  const runs: DelegatedRun[] = [];
  for (const pkg of targets) {
    if ('exec' in command) runs.push({ command: command.exec.map(shellWord).join(' '), dir: pkg.dir, packageScript: true });
    else if (Object.hasOwn(pkg.scripts, command.script)) runs.push({ command: pkg.scripts[command.script]!, dir: pkg.dir, packageScript: true });
  }
  return runs;
}

interface Workspace {
  readonly root: string;
  /** The workspace's packages, the root's own package.json left out (`pnpm -r` and Turborepo tasks skip it). */
  readonly members: readonly WorkspacePackage[];
}

/**
 * The workspace a command run in `dir` belongs to: the nearest folder at or above it that declares
 * workspaces, and the packages those globs take in. With no declaration, the packages below the
 * nearest package.json (a Turborepo of folders without a declared workspace still has packages).
 */
function workspaceOf(dir: string, tree: WorkspaceTree): Workspace {
  // Every command of a folder asks the same question, and each answer looks at every package of the tree: asked once per folder.
  const known = workspacesOf.get(tree) ?? new Map<string, Workspace>();
  workspacesOf.set(tree, known);
  let workspace = known.get(dir);
  if (!workspace) known.set(dir, (workspace = findWorkspace(dir, tree)));
  return workspace;
}

const workspacesOf = new WeakMap<WorkspaceTree, Map<string, Workspace>>();

function findWorkspace(dir: string, tree: WorkspaceTree): Workspace {
  let root: string | null = null;
  let globs: readonly string[] | undefined;
  for (let at = dir; ; at = parentOf(at)) {
    globs = tree.workspaceGlobsAt(at);
    if (globs) {
      root = at;
      break;
    }
    if (at === '') break;
  }
  root ??= tree.nearestPackage(dir)?.dir ?? dir;
  const include = globs?.filter((glob) => !glob.startsWith('!')).map((glob) => pathGlob(glob)) ?? null;
  const exclude = globs?.filter((glob) => glob.startsWith('!')).map((glob) => pathGlob(glob.slice(1))) ?? [];
  const members: WorkspacePackage[] = [];
  for (const pkg of tree.packages()) {
    if (pkg.dir === root || !isUnder(pkg.dir, root) || pkg.dir.includes('node_modules/')) continue;
    const inRoot = root ? pkg.dir.slice(root.length + 1) : pkg.dir;
    if (include && !include.some((glob) => glob.test(inRoot))) continue;
    if (exclude.some((glob) => glob.test(inRoot))) continue;
    members.push(pkg);
  }
  members.sort((a, b) => (a.dir < b.dir ? -1 : a.dir > b.dir ? 1 : 0));
  return { root, members };
}

/**
 * The packages filters select (pnpm, Turborepo and bun share the syntax): a name or a name glob
 * (`web`, `@acme/*`), a folder (`./apps/web`, `{apps/web}`, `./apps/*`), with dependency marks
 * (`web...`, `...web`, `web^...`) naming the same package, and `!web` leaving one out. A filter by
 * git changes (`[origin/main]`) is not known here and selects nothing.
 */
function selectByFilters(filters: readonly string[], workspace: Workspace, cwd: string): WorkspacePackage[] {
  const included = filters.filter((filter) => !filter.startsWith('!'));
  const excluded = new Set(filters.filter((filter) => filter.startsWith('!')).flatMap((filter) => selectOne(filter.slice(1), workspace, cwd)));
  const base = included.length > 0 ? unique(included.flatMap((filter) => selectOne(filter, workspace, cwd))) : workspace.members;
  return base.filter((pkg) => !excluded.has(pkg));
}

function selectOne(filter: string, workspace: Workspace, cwd: string): WorkspacePackage[] {
  const bare = filter.replace(/^\.\.\.\^?/, '').replace(/\^?\.\.\.$/, '').trim();
  if (!bare || bare.startsWith('[')) return [];
  const braced = /^\{(.+)\}/.exec(bare);
  if (braced || bare.startsWith('./') || bare.startsWith('../') || bare === '.') {
    const glob = pathGlob(joined(cwd, braced ? braced[1]! : bare));
    return workspace.members.filter((pkg) => glob.test(pkg.dir));
  }
  const matcher = nameGlob(bare);
  return workspace.members.filter((pkg) => pkg.name !== null && matcher.test(pkg.name));
}

/** Packages named `name`, or null when none is (npm then tries the name as a folder). */
function byName(name: string, members: readonly WorkspacePackage[]): WorkspacePackage[] | null {
  const found = members.filter((pkg) => pkg.name === name);
  return found.length > 0 ? found : null;
}

function byPath(path: string, members: readonly WorkspacePackage[]): WorkspacePackage[] {
  return members.filter((pkg) => pkg.dir === path);
}

function packagesAt(dirs: readonly string[], tree: WorkspaceTree): WorkspacePackage[] {
  return dirs.flatMap((dir) => tree.packageAt(dir) ?? []);
}

/**
 * The scripts of the package run in `dir` that a wildcard names, in the package's order; a name
 * without a wildcard is itself. concurrently's `*` is any text (`npm:watch-*`); npm-run-all's `*`
 * stays inside one `:` part and its `**` crosses them (`build:*`, `build:**`).
 */
function scriptNamesMatching(pattern: string, dir: string, tree: WorkspaceTree, star: 'any' | 'part'): string[] {
  if (!pattern.includes('*')) return [pattern];
  const scripts = tree.nearestPackage(dir)?.scripts;
  if (!scripts) return [];
  const source = pattern
    .split(/(\*\*|\*)/)
    .map((part) => (part === '**' ? '.*' : part === '*' ? (star === 'any' ? '.*' : '[^:]*') : escapeRegExp(part)))
    .join('');
  const regex = new RegExp(`^${source}$`);
  return Object.keys(scripts).filter((name) => regex.test(name));
}

/** A folder glob (`apps/*`, `packages/**`, `./services/*`) as a test on folders. */
function pathGlob(glob: string): RegExp {
  const clean = posix.normalize(glob.replace(/^\.\//, '').replace(/\/+$/, '')).replace(/^\.$/, '');
  const source = clean
    .split(/(\*\*\/|\*\*|\*)/)
    .map((part) => (part === '**/' ? '(?:.*/)?' : part === '**' ? '.*' : part === '*' ? '[^/]*' : escapeRegExp(part)))
    .join('');
  return new RegExp(`^${source}$`);
}

/** A package-name glob (`@acme/*`, `*-agent`): `*` is any text. */
function nameGlob(glob: string): RegExp {
  return new RegExp(`^${glob.split('*').map(escapeRegExp).join('.*')}$`);
}

/** `--filter=web` → ["--filter", "web"]; `--filter` → ["--filter", undefined]. */
function splitOption(word: string): [string, string | undefined] {
  const eq = word.indexOf('=');
  return word.startsWith('-') && eq > 0 ? [word.slice(0, eq), word.slice(eq + 1)] : [word, undefined];
}

/** Selectors written after the command (`pnpm run dev --filter web`), and the command without them. */
function trailingSelection(words: readonly string[], valueOptions: readonly string[], flags: readonly string[]): { words: string[]; selectors: string[]; all: boolean } {
  const kept: string[] = [];
  const selectors: string[] = [];
  let all = false;
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (word === '--') {
      kept.push(...words.slice(i));
      break;
    }
    const [option, inline] = splitOption(word);
    if (valueOptions.includes(option)) selectors.push(inline ?? words[++i] ?? '');
    else if (flags.includes(word)) all = true;
    else kept.push(word);
  }
  return { words: kept, selectors, all };
}

function joined(dir: string, path: string): string {
  const clean = path.replace(/^["']|["']$/g, '');
  if (clean.startsWith('/')) return posix.normalize(clean.slice(1));
  return posix.normalize(posix.join(dir || '.', clean)).replace(/^\.$/, '');
}

function isUnder(path: string, root: string): boolean {
  return root === '' || path.startsWith(`${root}/`);
}

function parentOf(dir: string): string {
  const slash = dir.lastIndexOf('/');
  return slash < 0 ? '' : dir.slice(0, slash);
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}

/** A word written back for the shell lexer to read again as one word. */
function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'"'"'`)}'`;
}
