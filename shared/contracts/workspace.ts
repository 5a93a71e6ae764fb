import { z } from 'zod';
import { method, Empty } from './method';

/** The open engagement file: new, open, save as, recent, the demo. */

export interface WorkspaceInfo {
  path: string;
  /** File name without extension: what the title bar and recent list show. */
  name: string;
  isDemo: boolean;
  schemaVersion: number;
  agentCount: number;
  createdAt: string;
}
export interface RecentWorkspace {
  path: string;
  name: string;
  openedAt: string;
  exists: boolean;
}

const WorkspacePath = z.string().trim().min(1, 'a workspace path is required').max(4096);

export const workspaceContract = {
  currentWorkspace: method<WorkspaceInfo | null>()(Empty),
  recentWorkspaces: method<RecentWorkspace[]>()(Empty),
  /** `overwrite` replaces an existing file (after a native dialog asked); otherwise an existing file is refused. */
  createWorkspace: method<WorkspaceInfo>()(z.object({ path: WorkspacePath, overwrite: z.boolean().default(false) })),
  openWorkspace: method<WorkspaceInfo>()(z.object({ path: WorkspacePath })),
  saveWorkspaceAs: method<WorkspaceInfo>()(z.object({ path: WorkspacePath, overwrite: z.boolean().default(false) })),
  openDemoWorkspace: method<WorkspaceInfo>()(z.object({ reset: z.boolean().default(false) })),
} as const;
