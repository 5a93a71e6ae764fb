import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { RecentWorkspace } from '../../shared/contract';
import { workspaceNameOf } from '../store/workspace-file';

/** What the app remembers between launches, kept as a small JSON file in the home folder. */
interface StoredState {
  actor?: string;
  lastWorkspace?: string;
  recent: Array<{ path: string; openedAt: string }>;
}

const MAX_RECENT = 10;

export class AppState {
  private state: StoredState;
  private readonly file: string;

  constructor(readonly homeDir: string) {
    mkdirSync(homeDir, { recursive: true });
    this.file = join(homeDir, 'state.json');
    this.state = AppState.read(this.file);
  }

  private static read(file: string): StoredState {
    try {
      const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<StoredState>;
      const recent = Array.isArray(parsed.recent) ? parsed.recent.filter((r) => typeof r?.path === 'string' && typeof r?.openedAt === 'string') : [];
      return {
        recent,
        ...(typeof parsed.actor === 'string' ? { actor: parsed.actor } : {}),
        ...(typeof parsed.lastWorkspace === 'string' ? { lastWorkspace: parsed.lastWorkspace } : {}),
      };
    } catch {
      // A missing or unreadable state file only costs the recent list; never block start-up on it.
      return { recent: [] };
    }
  }

  private save(): void {
    // Unique per process and write: two CLI runs saving at once must not rename each other's file.
    const temp = `${this.file}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
    try {
      writeFileSync(temp, JSON.stringify(this.state, null, 2));
      renameSync(temp, this.file);
    } finally {
      rmSync(temp, { force: true });
    }
  }

  get actor(): string | undefined {
    return this.state.actor;
  }
  set actor(value: string | undefined) {
    if (value === undefined) delete this.state.actor;
    else this.state.actor = value;
    this.save();
  }

  get lastWorkspace(): string | undefined {
    return this.state.lastWorkspace;
  }

  rememberOpened(path: string): void {
    const absolute = resolve(path);
    this.state.lastWorkspace = absolute;
    this.state.recent = [{ path: absolute, openedAt: new Date().toISOString() }, ...this.state.recent.filter((r) => r.path !== absolute)].slice(0, MAX_RECENT);
    this.save();
  }

  recent(): RecentWorkspace[] {
    return this.state.recent.map((r) => ({ path: r.path, name: workspaceNameOf(r.path), openedAt: r.openedAt, exists: existsSync(r.path) }));
  }
}
