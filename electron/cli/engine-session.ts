import { existsSync, rmSync } from 'node:fs';
import { homedir, userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import type { AppInfo, InputOf, MethodName, OutputOf, WorkspaceInfo } from '../../shared/contract';
import type { Engine, EngineOptions } from '../api/engine-types';
import { CLI_STALL_BUDGET_MS } from '../api/host-stall-budget';
import { CliError, type CliEnv, type CommandContext } from './command';

export interface EngineSessionOptions {
  host: AppInfo['host'];
  /** Reopen the last workspace (the demo on first launch); commands given --workspace do not. */
  openLastWorkspace: boolean;
  /** Where the engine prints the executive report to PDF (serve and report: Chromium over their web host). */
  reportPrinter?: EngineOptions['reportPrinter'];
}

/** Runs `use` with a started engine and always closes it, so the workspace file is released even on failure. */
export async function withEngine<T>(ctx: CommandContext, options: EngineSessionOptions, use: (engine: Engine) => Promise<T>): Promise<T> {
  // Loaded on demand: --help, --version and usage errors answer without opening SQLite.
  const { createEngine } = await import('../api/engine');
  const engine = await createEngine({
    homeDir: appHomeDir(ctx.io.env),
    host: options.host,
    version: ctx.version,
    defaultActor: osUserName(ctx.io.env),
    openLastWorkspace: options.openLastWorkspace,
    // Only the app (the web host here) counts as "the last workspace the person opened".
    recordRecent: options.host !== 'cli',
    // A one-shot command's thread has nothing else to do: imports of up to about a second run on
    // it instead of paying a worker's start-up; longer ones keep the worker, so progress is drawn
    // and Ctrl+C cancels while they run.
    ...(options.host === 'cli' ? { hostStallBudgetMs: CLI_STALL_BUDGET_MS } : {}),
    ...(options.reportPrinter ? { reportPrinter: options.reportPrinter } : {}),
  });
  try {
    return await use(engine);
  } finally {
    await engine.close();
  }
}

function appHomeDir(env: CliEnv): string {
  return env.AGENT_TRIAGE_HOME?.trim() || join(homedir(), '.agent-triage');
}

function osUserName(env: CliEnv): string {
  try {
    return userInfo().username;
  } catch {
    // Containers often run as a uid with no passwd entry; the audit log still needs a name.
    return env.USER ?? env.USERNAME ?? 'unknown';
  }
}

/** One contract call, the same way the UI makes it; a failed ApiResult becomes a CliError with the engine's code. */
export async function callEngine<M extends MethodName>(engine: Pick<Engine, 'dispatch'>, method: M, input: InputOf<M>): Promise<OutputOf<M>> {
  // The engine names the actor itself (the person set in the app, else the OS user).
  const result = await engine.dispatch(method, input, { actor: '', via: 'cli' });
  if (!result.ok) throw new CliError(result.error.code, result.error.message, { details: result.error.details });
  return result.value as OutputOf<M>;
}

export interface WorkspaceArgOptions {
  /** Commands that write may create the file; read-only ones refuse, so a typo is not answered from a new empty file. */
  createIfMissing: boolean;
}

/**
 * Runs `use` on a started engine with the workspace named by --workspace open. A file this run
 * had to create is taken away again when the command fails: only a command that succeeded
 * leaves a new workspace behind.
 */
export async function withWorkspaceArg<T>(
  ctx: CommandContext,
  engineOptions: EngineSessionOptions,
  workspaceOptions: WorkspaceArgOptions,
  use: (engine: Engine, workspace: WorkspaceInfo) => Promise<T>,
): Promise<T> {
  const path = workspaceArgPath(ctx);
  if (!workspaceOptions.createIfMissing && !existsSync(path)) {
    throw new CliError('not-found', `There is no workspace at ${path}. Check the path; this command reads a workspace and never creates one.`);
  }
  let created = false;
  try {
    return await withEngine(ctx, engineOptions, async (engine) => {
      if (existsSync(path)) return use(engine, await callEngine(engine, 'openWorkspace', { path }));
      const workspace = await callEngine(engine, 'createWorkspace', { path });
      created = true;
      return use(engine, workspace);
    });
  } catch (err) {
    if (created) await removeCreatedWorkspace(path);
    throw err;
  }
}

export function workspaceArgPath(ctx: CommandContext): string {
  const given = ctx.text('workspace');
  if (given === undefined) throw new CliError('no-workspace', 'Name the workspace file with --workspace.');
  return resolve(ctx.cwd, given);
}

/** Takes away a workspace file this run created, with SQLite's side files; only once the engine has closed it. */
async function removeCreatedWorkspace(path: string): Promise<void> {
  // Loaded here, not at the top: it brings SQLite, which only a failed run that created a file needs.
  const { refuseIfOpenElsewhere } = await import('../store/workspace-in-use');
  try {
    refuseIfOpenElsewhere(path);
  } catch {
    return; // Another process opened it meanwhile: it is theirs now, and must not vanish under them.
  }
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
}
