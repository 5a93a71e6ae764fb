import { posix } from 'node:path';

/**
 * Which code a command runs, as paths a linker can match against scanned files:
 * `python x.py`, `python -m a.b`, `node x.js`, `npx tsx x.ts`, `uv run x.py`, `./run.py`,
 * `celery -A app.worker worker`, `uvicorn app.main:app`.
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
/** Options of runners that take a value we must skip (`uv run --directory x`, `deno run --allow-net`). */
const OPTIONS_WITH_VALUE = new Set(['--directory', '--project', '--with', '--python', '-p', '--env-file', '-r', '--require', '--import', '--loader', '-W', '-X']);

/** Splits a shell line into simple commands at `&&`, `||`, `;` and `|`. */
export function simpleCommands(line: string): string[][] {
  return line
    .split(/&&|\|\||[;|\n]/)
    .map((part) => tokens(part))
    .filter((words) => words.length > 0);
}

/** Whitespace-separated words with surrounding quotes removed; enough for paths and module names. */
function tokens(text: string): string[] {
  const out: string[] = [];
  for (const match of text.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)) out.push(match[1] ?? match[2] ?? match[3]!);
  return out;
}

/** Code paths a command line names, relative to the scanned root (`baseDir` is where it runs). */
export function codePathsInCommand(line: string, baseDir: string): string[] {
  const found: string[] = [];
  for (const words of simpleCommands(line)) {
    const target = codeTarget(stripPrefixes(words));
    if (target) {
      const path = resolveCodePath(target, baseDir);
      if (path && !found.includes(path)) found.push(path);
    }
  }
  return found;
}

function stripPrefixes(words: string[]): string[] {
  let rest = words;
  while (rest.length > 1 && /^[A-Za-z_][A-Za-z0-9_]*=/.test(rest[0]!)) rest = rest.slice(1); // FOO=bar python x.py
  for (let changed = true; changed; ) {
    changed = false;
    for (const prefix of RUNNER_PREFIXES) {
      if (prefix.every((p, i) => rest[i] === p)) {
        rest = skipOptions(rest.slice(prefix.length));
        changed = true;
      }
    }
  }
  return rest;
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
    if (moduleAt >= 0 && args[moduleAt + 1]) return { kind: 'module', module: args[moduleAt + 1]! };
    if (args.includes('-c')) return null; // inline code: nothing to link
    const script = skipOptions(args)[0];
    return script && script.endsWith('.py') ? { kind: 'file', path: script } : null;
  }
  if (JS_RUNTIMES.test(program)) {
    const script = skipOptions(args.filter((a) => a !== 'run'))[0];
    return script && SCRIPT.test(script) ? { kind: 'file', path: script } : null;
  }
  if (program === 'celery') {
    const app = args.find((a, i) => args[i - 1] === '-A' || args[i - 1] === '--app') ?? args.find((a) => a.startsWith('--app='))?.slice(6);
    return app ? { kind: 'module', module: app.split(':')[0]! } : null;
  }
  if (/^(uvicorn|gunicorn|hypercorn|daphne)$/.test(program)) {
    const app = skipOptions(args)[0] ?? args.find((a) => /^[\w.]+:[\w.()]+$/.test(a));
    return app && /^[\w.]+:/.test(app) ? { kind: 'module', module: app.split(':')[0]! } : null;
  }
  if (program === 'streamlit' && args[0] === 'run' && args[1]) return { kind: 'file', path: args[1] };
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

/** The commands of a script block: its lines, without blanks, comments and line continuations. */
export function commandLines(script: string): string[] {
  return script
    .replace(/\s*\\\r?\n\s*/g, ' ')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
}
