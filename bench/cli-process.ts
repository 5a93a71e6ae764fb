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
  /** User plus system CPU time, or null without GNU time: steadier than wall time on a busy machine. */
  cpuMs: number | null;
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
  const [command, commandArgs] = withTime ? [GNU_TIME, ['-f', '%M %U %S', process.execPath, BIN, ...args]] : [process.execPath, [BIN, ...args]];
  const start = performance.now();
  const result = spawnSync(command, commandArgs, { env, encoding: 'utf8', maxBuffer: 512 * MB });
  const ms = performance.now() - start;
  if (result.status !== 0) throw new Error(`agent-triage ${args.join(' ')} failed (${result.status}): ${result.stderr.slice(-500)}`);
  const [kb, user, system] = withTime ? (result.stderr.trim().split('\n').at(-1) ?? '').split(' ').map(Number) : [];
  const measured = kb !== undefined && user !== undefined && system !== undefined && [kb, user, system].every(Number.isFinite);
  return { ms, maxRss: measured ? kb * 1024 : null, cpuMs: measured ? (user + system) * 1000 : null, stdout: result.stdout };
}

export interface ProcessFigures {
  medianMs: number;
  /** Median CPU time (user + system), or null without GNU time. */
  medianCpuMs: number | null;
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
  const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const rss = all.map((r) => r.maxRss).filter((r): r is number => r !== null);
  const cpu = all.map((r) => r.cpuMs).filter((r): r is number => r !== null);
  return { medianMs: median(all.map((r) => r.ms)), medianCpuMs: cpu.length ? median(cpu) : null, maxRss: rss.length ? Math.max(...rss) : null, last: all.at(-1)! };
}

export const megabytes = (bytes: number | null) => (bytes === null ? 'n/a' : `${(bytes / MB).toFixed(0)} MB`);

/** "412.0 ms (cpu 380.0 ms) / 64 MB": wall time, CPU time and peak RSS of a command's runs. */
export function describeRuns(figures: ProcessFigures): string {
  const cpu = figures.medianCpuMs === null ? '' : ` (cpu ${figures.medianCpuMs.toFixed(0)} ms)`;
  return `${figures.medianMs.toFixed(0)} ms${cpu} / ${megabytes(figures.maxRss)}`;
}
