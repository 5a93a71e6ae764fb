import type { RecentWorkspace, WorkspaceInfo } from '../../../shared/contract';
import { messageOf, type SliceCreator } from './app-state';

export interface WorkspaceSlice {
  workspace: WorkspaceInfo | null;
  /** False until the first currentWorkspace answer, so the UI does not flash "no workspace". */
  workspaceLoaded: boolean;
  workspaceError: string | null;
  recentWorkspaces: RecentWorkspace[];
  loadWorkspace: () => Promise<void>;
  refreshRecentWorkspaces: () => Promise<void>;
  /** After the workspace was switched outside the page (Electron's File menu). */
  reloadWorkspace: () => Promise<void>;
  /** These reject with the backend's error so the dialog that asked can show it verbatim. */
  createWorkspace: (path: string) => Promise<WorkspaceInfo>;
  openWorkspace: (path: string) => Promise<WorkspaceInfo>;
  saveWorkspaceAs: (path: string) => Promise<WorkspaceInfo>;
  openDemoWorkspace: () => Promise<WorkspaceInfo>;
  /** Rebuilds the demo from the bundled inputs, throwing away whatever was done in it. */
  resetDemoWorkspace: () => Promise<WorkspaceInfo>;
}

export const createWorkspaceSlice: SliceCreator<WorkspaceSlice> = (backend) => (set, get) => {
  // Everything on screen belonged to the previous file.
  const forgetPreviousWorkspace = () => {
    get().clearAgent();
    get().resetFileImport();
    get().resetDiscovery();
  };

  const switchTo = async (opening: Promise<WorkspaceInfo>) => {
    const workspace = await opening;
    set({ workspace, workspaceError: null });
    forgetPreviousWorkspace();
    await Promise.all([get().refreshRecentWorkspaces(), get().loadAgents()]);
    return workspace;
  };

  return {
    workspace: null,
    workspaceLoaded: false,
    workspaceError: null,
    recentWorkspaces: [],
    loadWorkspace: async () => {
      try {
        const [workspace, recentWorkspaces] = await Promise.all([backend.currentWorkspace({}), backend.recentWorkspaces({})]);
        set({ workspace, recentWorkspaces, workspaceLoaded: true, workspaceError: null });
      } catch (error) {
        set({ workspaceLoaded: true, workspaceError: messageOf(error) });
      }
    },
    refreshRecentWorkspaces: async () => {
      try {
        set({ recentWorkspaces: await backend.recentWorkspaces({}) });
      } catch {
        // The recent list is a convenience; a failure here must not mask the workspace that did open.
      }
    },
    reloadWorkspace: async () => {
      forgetPreviousWorkspace();
      await Promise.all([get().loadWorkspace(), get().loadAgents()]);
    },
    createWorkspace: (path) => switchTo(backend.createWorkspace({ path })),
    openWorkspace: (path) => switchTo(backend.openWorkspace({ path })),
    saveWorkspaceAs: (path) => switchTo(backend.saveWorkspaceAs({ path })),
    openDemoWorkspace: () => switchTo(backend.openDemoWorkspace({})),
    resetDemoWorkspace: () => switchTo(backend.openDemoWorkspace({ reset: true })),
  };
};
