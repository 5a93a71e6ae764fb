import { posix } from 'node:path';
import { commandText, shellCommands } from './shell-script';

/**
 * Which code a command runs, as paths a linker can match against scanned files:
 * `python x.py`, `python -m a.b`, `node x.js`, `npx tsx x.ts`, `uv run x.py`, `./run.py`,
 * `celery -A app.worker worker`, `arq app.jobs.WorkerSettings`, `uvicorn app.main:app`.
 */

/** Launchers that run the command after them: `poetry run python x.py` runs `python x.py`. */
const RUNNER_PREFIXES = [
  ['uv', 'run'],
  ['poetry', 'run'],
  ['pipenv', 'run'],
  ['pdm', 'run'],
  ['hatch', 'run'],
  ['rye', 'run'],
  ['pnpm', 'exec'],
  ['pnpm', 'dlx'],
  ['yarn', 'dlx'],
  ['npm', 'exec'],
  ['bun', 'run'],
  ['deno', 'run'],
  ['npx'],
  ['bunx'],
  ['exec'],
  ['nohup'],
  ['time'],
  ['sudo'],
  ['env'],
];
const PYTHON = /^(python|python3|python3\.\d+|py|pypy3?)$/;
const JS_RUNTIMES = /^(node|tsx|ts-node|ts-node-esm|esno|vite-node|bun|deno)$/;
const SCRIPT = /\.(py|js|mjs|cjs|ts|mts|cts|tsx|jsx)$/;
/** An ASGI/WSGI app as servers name it: `app.main:app`, `pkg.wsgi:application`, `main:create_app()`. */
const APP_SPEC = /^[A-Za-z_][\w.]*:[A-Za-z_][\w.]*(\(\))?$/;
/** Server options whose value is not the app (`--bind host:port`, `-k uvicorn.workers.UvicornWorker`, `--config gunicorn.conf.py`). */
const OPTIONS_WITH_VALUE_OF_SERVERS = new Set(['-b', '--bind', '-k', '--worker-class', '-c', '--config', '--host', '--port', '--env-file', '--log-config', '--app-dir', '--factory-arg']);
/** Options of runners that take a value we must skip (`uv run --directory x`, `deno run --allow-net`). */
const OPTIONS_WITH_VALUE = new Set(['--directory', '--project', '--with', '--python', '-p', '--env-file', '-r', '--require', '--import', '--loader', '-W', '-X']);

/** The simple commands of a shell line or script, as word lists (see shell-script.ts: keywords, tests and comments dropped). */
export function simpleCommands(line: string): string[][] {
  return shellCommands(line).map((command) => command.words);
}

/** Code paths a command line names, relative to the scanned root (`baseDir` is where it runs). */
export function codePathsInCommand(line: string, baseDir: string): string[] {
  const found: string[] = [];
  for (const { words, dir } of shellCommands(line)) {
    const target = codeTarget(stripPrefixes(words));
    if (target) {
      const path = resolveCodePath(target, dir ? posix.join(baseDir || '.', dir) : baseDir);
      if (path && !found.includes(path)) found.push(path);
    }
  }
  return found;
}

/** Package managers whose `start`/`run x` a script hands on to the package's scripts (link/package-scripts.ts follows them). */
const PACKAGE_MANAGERS = /^(npm|yarn|pnpm|bun)$/;

/**
 * The commands of a shell script, one a line with the folder it `cd`'d into, when one of them
 * starts code (`gunicorn render_app:app`, `python -m worker`, `npm start`); null for a script that
 * only deploys, formats or notifies. A unit whose command runs the script runs these.
 */
export function commandsStartingCode(script: string): string | null {
  const commands = shellCommands(script);
  const startsCode = commands.some(({ words }) => {
    const rest = stripPrefixes(words);
    return codeTarget(rest) !== null || PACKAGE_MANAGERS.test(posix.basename(rest[0] ?? ''));
  });
  return startsCode ? commands.map(commandText).join('\n') : null;
}

export function stripPrefixes(words: string[]): string[] {
  let rest = words;
  for (let changed = true; changed; ) {
    changed = false;
    while (rest.length > 1 && /^[A-Za-z_][A-Za-z0-9_]*=/.test(rest[0]!)) {
      rest = rest.slice(1); // FOO=bar python x.py, env FOO=1 node y.js
      changed = true;
    }
    for (const prefix of RUNNER_PREFIXES) {
      if (prefix.every((p, i) => rest[i] === p)) {
        rest = skipOptions(rest.slice(prefix.length));
        changed = true;
      }
    }
    // Wrappers with an argument of their own before the command: `timeout 600 python …`, `nice -n 10 node …`.
    if (rest[0] === 'timeout' && rest.length > 2) {
      rest = skipTimeoutOptions(rest.slice(1)).slice(1);
      changed = true;
    } else if (rest[0] === 'nice' && rest.length > 1) {
      rest = rest[1] === '-n' ? rest.slice(3) : skipOptions(rest.slice(1));
      changed = true;
    }
  }
  return rest;
}

/** `timeout -s KILL -k 10 600 …`: its options, some with a value, before the duration. */
function skipTimeoutOptions(words: string[]): string[] {
  let i = 0;
  while (i < words.length && words[i]!.startsWith('-')) i += words[i] === '-s' || words[i] === '-k' ? 2 : 1;
  return words.slice(i);
}

function skipOptions(words: string[]): string[] {
  let i = 0;
  while (i < words.length && words[i]!.startsWith('-')) i += OPTIONS_WITH_VALUE.has(words[i]!) ? 2 : 1;
  return words.slice(i);
}

type CodeTarget = { kind: 'file'; path: string } | { kind: 'module'; module: string };

function codeTarget(words: string[]): CodeTarget | null {
  const [path, ...args] = words;
  if (!path) return null;
  if (SCRIPT.test(path)) return { kind: 'file', path };
  const program = posix.basename(path); // /usr/bin/python3 is python3
  if (PYTHON.test(program)) {
    const moduleAt = args.indexOf('-m');
    if (moduleAt >= 0 && args[moduleAt + 1]) return taskRunnerTarget(args[moduleAt + 1]!, args.slice(moduleAt + 2)) ?? { kind: 'module', module: args[moduleAt + 1]! };
    if (args.includes('-c')) return null; // inline code: nothing to link
    const script = skipOptions(args)[0];
    return script && script.endsWith('.py') ? { kind: 'file', path: script } : null;
  }
  if (JS_RUNTIMES.test(program)) {
    const script = skipOptions(args.filter((a) => a !== 'run'))[0];
    return script && SCRIPT.test(script) ? { kind: 'file', path: script } : null;
  }
  const runner = taskRunnerTarget(program, args);
  if (runner) return runner;
  if (program === 'celery') {
    const app = args.find((a, i) => args[i - 1] === '-A' || args[i - 1] === '--app') ?? args.find((a) => a.startsWith('--app='))?.slice(6);
    return app ? { kind: 'module', module: app.split(':')[0]! } : null;
  }
  if (/^(uvicorn|gunicorn|hypercorn|daphne)$/.test(program)) {
    // `--bind 0.0.0.0:8000` is an option's value shaped like an app: the app is a module path (`pkg.wsgi:app`).
    const app = args.find((a, i) => APP_SPEC.test(a) && !OPTIONS_WITH_VALUE_OF_SERVERS.has(args[i - 1] ?? ''));
    return app ? { kind: 'module', module: app.split(':')[0]! } : null;
  }
  // `streamlit run app.py`, `chainlit run app.py -w`: the UI server imports and runs that script.
  if ((program === 'streamlit' || program === 'chainlit') && args[0] === 'run' && args[1]) return { kind: 'file', path: args[1] };
  return null;
}

/**
 * Task-queue runners handed the module of their tasks: `arq app.jobs.WorkerSettings` (a class of
 * that module), `dramatiq app.tasks` (a module), also as `python -m arq …`.
 */
function taskRunnerTarget(program: string, args: string[]): CodeTarget | null {
  if (program !== 'arq' && program !== 'dramatiq') return null;
  const target = skipOptions(args)[0];
  if (!target || !/^[\w.]+$/.test(target)) return null;
  const parts = target.split('.');
  // `app.jobs.WorkerSettings`: a class name (capitalised) is not a module.
  if (program === 'arq' && parts.length > 1 && /^[A-Z]/.test(parts[parts.length - 1]!)) parts.pop();
  return { kind: 'module', module: parts.join('.') };
}

/** Celery's options that take a value, before or after its subcommand (`celery -A app beat`, `celery --broker redis://… flower`). */
const CELERY_OPTIONS_WITH_VALUE = new Set(['-A', '--app', '-b', '--broker', '--result-backend', '--loader', '--config', '--workdir', '-C']);
/** Celery processes that run no task: beat only puts due tasks on the broker, Flower and events only watch the workers. */
const CELERY_NON_TASK_PROCESSES = new Set(['beat', 'flower', 'events']);

/**
 * Whether a command line only schedules or watches tasks: `celery -A app beat`, `celery -A app
 * flower` (also through `python -m celery` and after `rm -f celerybeat.pid &&`). Such a process
 * runs none of the tasks' code (the worker does), so whatever keys its environment holds, it is
 * no agent. `celery worker -B` embeds beat in a worker: that one runs tasks.
 */
export function runsOnlyTaskScheduling(line: string): boolean {
  let scheduling = false;
  for (const { words } of shellCommands(line)) {
    const command = stripPrefixes(words);
    if (isCeleryNonTaskProcess(command)) scheduling = true;
    else if (codeTarget(command) !== null) return false;
  }
  return scheduling;
}

/** Whether a command line starts a Celery worker (`celery -A app worker`, also `-B` with beat inside): it runs the app's tasks. */
export function runsCeleryWorker(line: string): boolean {
  return shellCommands(line).some(({ words }) => celerySubcommand(stripPrefixes(words)) === 'worker');
}

function isCeleryNonTaskProcess(words: string[]): boolean {
  const program = words[0] ? posix.basename(words[0]) : '';
  if (program === 'flower') return true; // Flower's own launcher: `flower -A app --port=5555`
  return CELERY_NON_TASK_PROCESSES.has(celerySubcommand(words) ?? '');
}

/** `celery -A app beat`, `python -m celery --app app worker`: the subcommand, or null when the command is no Celery one. */
function celerySubcommand(words: string[]): string | null {
  const [path, ...rest] = words;
  if (!path) return null;
  const program = posix.basename(path);
  const args = PYTHON.test(program) && rest[0] === '-m' && rest[1] === 'celery' ? rest.slice(2) : program === 'celery' ? rest : null;
  if (!args) return null;
  for (let i = 0; i < args.length; i++) {
    if (CELERY_OPTIONS_WITH_VALUE.has(args[i]!)) i++;
    else if (!args[i]!.startsWith('-')) return args[i]!;
  }
  return null;
}

/**
 * Joins a script or module to the directory the command runs in. Absolute paths are inside an
 * image or a host we cannot see; they are kept without the leading slash for suffix matching.
 */
function resolveCodePath(target: CodeTarget, baseDir: string): string | null {
  const relative = target.kind === 'module' ? `${target.module.replace(/\./g, '/')}.py` : target.path;
  if (/[$`{}*]/.test(relative)) return null; // a variable or glob names no file we can find
  if (relative.startsWith('/')) return posix.normalize(relative.slice(1));
  const joined = posix.normalize(posix.join(baseDir || '.', relative));
  return joined.startsWith('..') ? null : joined;
}

/**
 * The commands of a script block, one line each: what runs, without blanks, comments, shell
 * keywords, tests and heredoc bodies (`if bun run x.ts; then` runs `bun run x.ts`). A command run
 * after `cd agent` is written `cd agent && …`, so it can be read alone.
 */
export function commandLines(script: string): string[] {
  return [...new Set(shellCommands(script).map(commandText))];
}
