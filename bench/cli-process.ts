import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

/**
 * Whole `agent-triage` processes as a person starts them (node bin/agent-triage.mjs, which loads
 * the built out/main/cli.js): wall time from spawn to exit and the process's peak RSS, read from
 * GNU time. Shared by the CLI and registry benches.
 */

export const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = fileURLToPath(new URL('../bin/agent-triage.mjs', import.meta.url));
const GNU_TIME = '/usr/bin/time';
const MB = 1_000_000;

export interface ProcessRun {
  ms: number;
  /** Peak resident set size in bytes, or null without GNU time. */
  maxRss: number | null;
  stdout: string;
}

/**
 * Builds the bundle the command runs, so the figures are of the code as it is now (a stale
 * out/main would measure yesterday's start-up).
 */
export function buildCli(): void {
  execFileSync(process.execPath, [fileURLToPath(new URL('../node_modules/electron-vite/bin/electron-vite.js', import.meta.url)), 'build', '--logLevel', 'warn'], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

export function runCliProcess(args: readonly string[], env: NodeJS.ProcessEnv): ProcessRun {
  const withTime = existsSync(GNU_TIME);
  const [command, commandArgs] = withTime ? [GNU_TIME, ['-f', '%M', process.execPath, BIN, ...args]] : [process.execPath, [BIN, ...args]];
  const start = performance.now();
  const result = spawnSync(command, commandArgs, { env, encoding: 'utf8', maxBuffer: 512 * MB });
  const ms = performance.now() - start;
  if (result.status !== 0) throw new Error(`agent-triage ${args.join(' ')} failed (${result.status}): ${result.stderr.slice(-500)}`);
  const kb = withTime ? Number(result.stderr.trim().split('\n').at(-1)) : NaN;
  return { ms, maxRss: Number.isFinite(kb) ? kb * 1024 : null, stdout: result.stdout };
}

export interface ProcessFigures {
  medianMs: number;
  /** The highest peak RSS of the runs. */
  maxRss: number | null;
  last: ProcessRun;
}

/** The median wall time of `runs` processes; `prepare` runs before each, untimed (e.g. a fresh target file). */
export function timeCliProcess(runs: number, args: () => readonly string[], env: NodeJS.ProcessEnv, prepare: () => void = () => {}): ProcessFigures {
  const all: ProcessRun[] = [];
  for (let i = 0; i < runs; i++) {
    prepare();
    all.push(runCliProcess(args(), env));
  }
  const sorted = all.map((r) => r.ms).sort((a, b) => a - b);
  const rss = all.map((r) => r.maxRss).filter((r): r is number => r !== null);
  return { medianMs: sorted[Math.floor(sorted.length / 2)]!, maxRss: rss.length ? Math.max(...rss) : null, last: all.at(-1)! };
}

export const megabytes = (bytes: number | null) => (bytes === null ? 'n/a' : `${(bytes / MB).toFixed(0)} MB`);
