import { randomBytes } from 'node:crypto';
import { existsSync, realpathSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { JobResult, JobStatus, WorkspaceInfo } from '../../shared/contract';
import { BackendError } from '../../shared/errors';
import { cancelledError, type JobContext } from '../jobs/job-context';
import { JobRunner } from '../jobs/job-runner';
import { resourcesDir } from '../resources-dir';
import { countAgents } from '../agents/agents-repository';
import { copyWorkspaceFile, createWorkspaceFile, openWorkspaceFile, type OpenOptions, type Workspace } from '../store/workspace-file';
import { refuseIfOpenElsewhere } from '../store/workspace-in-use';
import { readWorkspaceMeta } from '../store/workspace-meta';
import { workspaceAdvisoryLookup } from '../advisories/workspace-advisories';
import type { AdvisoryLookup } from '../discovery/discovery-repository';
import type { ChangeAuthor } from '../store/audit-log';
import { AppState } from './app-state';
import { ScratchFolder } from './scratch-folder';
import type { EngineOptions } from './engine-types';
import type { JobPayloadOf, KnownJobKind } from '../jobs/all-job-kinds';

export const DEMO_FILE_NAME = 'Northwind Pay (demo).atw';

/**
 * The engine's state for one host process: the open workspace, what the app remembers between
 * launches, and the background jobs. Handlers reach the store only through `workspace()`.
 */
export class Session {
  readonly state: AppState;
  readonly jobs: JobRunner;
  /** Files jobs wrote for a host to take (exports, PDFs); removed when the engine closes. */
  readonly scratch = new ScratchFolder();
  private current: Workspace | null = null;
  private readonly openOptions: OpenOptions;

  constructor(readonly options: EngineOptions) {
    this.state = new AppState(options.homeDir);
    this.openOptions = options.sqliteNativeBinding ? { nativeBinding: options.sqliteNativeBinding } : {};
    this.jobs = new JobRunner(options.sqliteNativeBinding);
  }

  get actor(): string {
    return this.state.actor ?? this.options.defaultActor;
  }

  get demoPath(): string {
    return join(this.options.homeDir, DEMO_FILE_NAME);
  }

  workspace(): Workspace {
    if (!this.current) throw new BackendError('no-workspace', 'No workspace is open. Open or create one (File ▸ Open, or the workspace menu).');
    return this.current;
  }

  hasWorkspace(): boolean {
    return this.current !== null;
  }

  info(): WorkspaceInfo | null {
    if (!this.current) return null;
    const { db, path, name } = this.current;
    const { createdAt, isDemo, schemaVersion } = readWorkspaceMeta(db);
    return { path, name, isDemo, schemaVersion, agentCount: countAgents(db), createdAt };
  }

  async open(path: string): Promise<WorkspaceInfo> {
    const target = resolve(path);
    return this.serially(async () => (this.isCurrent(target) ? this.info()! : this.swapTo(openWorkspaceFile(target, this.openOptions))));
  }

  async create(path: string, overwrite = false): Promise<WorkspaceInfo> {
    const target = resolve(path);
    return this.serially(async () => {
      if (this.isCurrent(target)) {
        throw new BackendError('conflict', `${target} is the workspace open now; choose another file name for the new workspace.`);
      }
      return this.swapTo(createWorkspaceFile(target, { ...this.openOptions, overwrite }));
    });
  }

  async saveAs(path: string, overwrite = false): Promise<WorkspaceInfo> {
    const target = resolve(path);
    return this.serially(async () => {
      if (this.isCurrent(target)) return this.info()!;
      // Jobs stop first: an import committing after the copy would land only in the old file.
      await this.jobs.cancelAll();
      copyWorkspaceFile(this.workspace(), target, overwrite, this.openOptions.nativeBinding);
      return this.swapTo(openWorkspaceFile(target, this.openOptions));
    });
  }

  async openDemo(reset: boolean): Promise<WorkspaceInfo> {
    const path = this.demoPath;
    if (!reset && existsSync(path)) return this.open(path);
    return this.serially(async () => {
      // Built beside the old demo under a name of its own; a failed build changes nothing.
      const next = `${path}.next-${randomBytes(4).toString('hex')}`;
      // The demo builder runs every importer and the scanner: loaded only when a demo is built.
      const { buildDemoWorkspace } = await import('../demo/demo-workspace');
      await buildDemoWorkspace(next, resourcesDir(), this.openOptions);
      await this.jobs.cancelAll();
      const wasOpen = this.isCurrent(path);
      if (wasOpen) this.close();
      try {
        // Another process writing to the old demo would lose what it writes once it is replaced.
        refuseIfOpenElsewhere(path, this.openOptions.nativeBinding);
      } catch (err) {
        removeWorkspaceFiles(next);
        if (wasOpen) this.current = openWorkspaceFile(path, this.openOptions);
        throw err;
      }
      removeWorkspaceFiles(path);
      renameSync(next, path);
      return this.swapTo(openWorkspaceFile(path, this.openOptions));
    });
  }

  /** Whether `path` is the open workspace, also when reached through a link or another spelling. */
  private isCurrent(path: string): boolean {
    if (!this.current) return false;
    try {
      return realpathSync(path) === realpathSync(this.current.path);
    } catch {
      return resolve(path) === this.current.path;
    }
  }

  /**
   * Workspace switches run one at a time, and no job starts during one: a job must never run
   * against a file that is being closed, replaced or copied.
   */
  private switching: Promise<unknown> = Promise.resolve();
  private switchInProgress = false;

  private serially<T>(work: () => Promise<T>): Promise<T> {
    const run = this.switching.then(async () => {
      this.switchInProgress = true;
      try {
        return await work();
      } finally {
        this.switchInProgress = false;
      }
    });
    this.switching = run.catch(() => undefined);
    return run;
  }

  /** Starts a background job on the open workspace, unless a workspace switch is under way. */
  startJob<K extends KnownJobKind>(kind: K, title: string, payload: JobPayloadOf<K>, author: ChangeAuthor, offerKey: string | null = null): JobStatus {
    const workspace = this.workspace();
    if (this.switchInProgress) throw new BackendError('conflict', 'The workspace is being switched; start this again in a moment.');
    return this.watched(kind, this.jobs.start(kind, title, payload, workspace.path, author, offerKey));
  }

  /**
   * Runs a job's work on this thread, on the open workspace's connection, with the same status,
   * progress, cancel and offer as a worker job: for work smaller than a worker's start-up (an
   * import of a few hundred rows), which a person or a script would otherwise wait on for nothing.
   */
  startJobInProcess(kind: KnownJobKind, title: string, author: ChangeAuthor, offerKey: string | null, run: (ctx: JobContext) => Promise<JobResult>): JobStatus {
    const workspace = this.workspace();
    if (this.switchInProgress) throw new BackendError('conflict', 'The workspace is being switched; start this again in a moment.');
    const job = this.jobs.startInProcess(
      kind,
      title,
      (control) =>
        run({
          workspace,
          author,
          progress: control.progress,
          throwIfCancelled: () => {
            if (control.signal.aborted) throw cancelledError();
          },
          offer: control.offer,
        }),
      offerKey,
    );
    return this.watched(kind, job);
  }

  private watched(kind: KnownJobKind, job: JobStatus): JobStatus {
    // The advisory lookup caches what the workspace had imported; an import that landed makes it stale.
    if (kind === 'import') {
      void this.jobs.waitFor(job.id).then(
        (done) => {
          if (done.state === 'succeeded') this.forgetAdvisories();
        },
        () => undefined,
      );
    }
    return job;
  }

  /**
   * Called with the next workspace already open: a file that failed to open (corrupt, foreign,
   * too new) never got here, so the current workspace and its running jobs are untouched.
   */
  private async swapTo(next: Workspace): Promise<WorkspaceInfo> {
    await this.jobs.cancelAll();
    this.current?.close();
    this.current = next;
    this.forgetAdvisories();
    if (this.options.recordRecent !== false) this.state.rememberOpened(next.path);
    return this.info()!;
  }

  close(): void {
    this.current?.close();
    this.current = null;
    this.forgetAdvisories();
  }

  private advisories: { path: string; lookup: AdvisoryLookup } | null = null;

  /** Curated advisories plus the ones imported into this workspace, indexed once per change. */
  advisoryLookup(): AdvisoryLookup {
    const { path, db } = this.workspace();
    if (this.advisories?.path !== path) this.advisories = { path, lookup: workspaceAdvisoryLookup(db) };
    return this.advisories.lookup;
  }

  forgetAdvisories(): void {
    this.advisories = null;
  }
}

function removeWorkspaceFiles(path: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
}
