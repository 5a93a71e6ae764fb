import { existsSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { WorkspaceInfo } from '../../shared/contract';
import { BackendError } from '../../shared/errors';
import { buildDemoWorkspace } from '../demo/demo-workspace';
import { JobRunner } from '../jobs/job-runner';
import { resourcesDir } from '../resources-dir';
import { countAgents } from '../store/agents-repository';
import { copyWorkspaceFile, createWorkspaceFile, openWorkspaceFile, type OpenOptions, type Workspace } from '../store/workspace-file';
import { advisoryLookupFrom } from '../advisories/advisory-lookup';
import { readCuratedAdvisories } from '../advisories/curated-advisories';
import { OsvRecordSchema } from '../advisories/osv-record';
import { importedAdvisoryRecords, type AdvisoryLookup } from '../store/discovery-repository';
import { AppState } from './app-state';
import type { EngineOptions } from './engine-types';

export const DEMO_FILE_NAME = 'Northwind Pay (demo).atw';

/**
 * The engine's state for one host process: the open workspace, what the app remembers between
 * launches, and the background jobs. Handlers reach the store only through `workspace()`.
 */
export class Session {
  readonly state: AppState;
  readonly jobs: JobRunner;
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
    const created = db.prepare(`SELECT value FROM workspace_meta WHERE key = 'created_at'`).get() as { value: string } | undefined;
    return {
      path,
      name,
      isDemo: db.prepare(`SELECT 1 FROM workspace_meta WHERE key = 'demo'`).get() !== undefined,
      schemaVersion: db.pragma('user_version', { simple: true }) as number,
      agentCount: countAgents(db),
      createdAt: created?.value ?? '',
    };
  }

  async open(path: string): Promise<WorkspaceInfo> {
    return this.replaceWith(() => openWorkspaceFile(resolve(path), this.openOptions));
  }

  async create(path: string, overwrite = false): Promise<WorkspaceInfo> {
    const target = resolve(path);
    if (overwrite && this.current?.path === target) {
      throw new BackendError('conflict', `${target} is the workspace open now; choose another file name for the new workspace.`);
    }
    return this.replaceWith(() => createWorkspaceFile(target, { ...this.openOptions, overwrite }));
  }

  async saveAs(path: string, overwrite = false): Promise<WorkspaceInfo> {
    const target = resolve(path);
    if (this.workspace().path === target) return this.info()!;
    copyWorkspaceFile(this.workspace(), target, overwrite);
    return this.replaceWith(() => openWorkspaceFile(target, this.openOptions));
  }

  async openDemo(reset: boolean): Promise<WorkspaceInfo> {
    const path = this.demoPath;
    if (reset || !existsSync(path)) {
      // Built beside the old demo and swapped in only once complete: a failed build keeps what was open.
      removeWorkspaceFiles(`${path}.next`);
      await buildDemoWorkspace(`${path}.next`, resourcesDir(), this.openOptions);
      return this.replaceWith(() => {
        renameSync(`${path}.next`, path);
        return openWorkspaceFile(path, this.openOptions);
      }, path);
    }
    return this.open(path);
  }

  /**
   * Switches workspace only once the new one opened cleanly: a corrupt or foreign file leaves
   * the current workspace open and untouched.
   */
  private async replaceWith(openNext: () => Workspace, closeFirstIfAt?: string): Promise<WorkspaceInfo> {
    if (closeFirstIfAt !== undefined || this.current) await this.jobs.cancelAll();
    if (closeFirstIfAt !== undefined && this.current && this.current.path === closeFirstIfAt) this.close();
    if (closeFirstIfAt !== undefined) removeWorkspaceFiles(closeFirstIfAt);
    const next = openNext();
    this.current?.close();
    this.current = next;
    this.forgetAdvisories();
    this.state.rememberOpened(next.path);
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
    if (this.advisories?.path !== path) {
      const imported = importedAdvisoryRecords(db).map((json) => OsvRecordSchema.parse(JSON.parse(json)));
      this.advisories = { path, lookup: advisoryLookupFrom([...readCuratedAdvisories(), ...imported]) };
    }
    return this.advisories.lookup;
  }

  forgetAdvisories(): void {
    this.advisories = null;
  }
}

function removeWorkspaceFiles(path: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
}
