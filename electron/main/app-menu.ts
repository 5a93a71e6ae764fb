import type { MenuItemConstructorOptions } from 'electron';
import type { RecentWorkspace, WorkspaceInfo } from '../../shared/contract';

/**
 * What the File menu acts on: a dialog and an engine call each (workspace-commands.ts). They
 * report their own failures and never reject, so a click can fire and forget.
 */
export interface WorkspaceMenuCommands {
  newWorkspace(): Promise<void>;
  openWorkspace(): Promise<void>;
  saveWorkspaceAs(): Promise<void>;
  openRecent(path: string): Promise<void>;
  openDemo(): Promise<void>;
}

export interface AppMenuState {
  current: WorkspaceInfo | null;
  recent: RecentWorkspace[];
  platform: NodeJS.Platform;
  /** Developer tools are offered only when running from source, not in the installed app. */
  offerDevTools: boolean;
}

/**
 * The application menu as a template. Only types come from electron, so the menu's content is
 * unit-tested without the runtime; index.ts hands the result to Menu.buildFromTemplate. The item
 * ids let the Electron e2e tests click them.
 */
export function appMenuTemplate(state: AppMenuState, commands: WorkspaceMenuCommands): MenuItemConstructorOptions[] {
  const isMac = state.platform === 'darwin';
  const recentItems: MenuItemConstructorOptions[] = state.recent
    .filter((workspace) => workspace.path !== state.current?.path)
    .map((workspace) => ({
      label: workspace.name,
      sublabel: workspace.path,
      toolTip: workspace.exists ? workspace.path : `${workspace.path} (file not found)`,
      enabled: workspace.exists,
      click: () => void commands.openRecent(workspace.path),
    }));

  const fileMenu: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      { id: 'new-workspace', label: 'New Workspace…', accelerator: 'CmdOrCtrl+N', click: () => void commands.newWorkspace() },
      { id: 'open-workspace', label: 'Open Workspace…', accelerator: 'CmdOrCtrl+O', click: () => void commands.openWorkspace() },
      {
        id: 'open-recent',
        label: 'Open Recent',
        submenu: recentItems.length > 0 ? recentItems : [{ label: 'No recent workspaces', enabled: false }],
      },
      { id: 'open-demo', label: 'Open Demo', click: () => void commands.openDemo() },
      { type: 'separator' },
      { id: 'save-workspace-as', label: 'Save Workspace As…', accelerator: 'CmdOrCtrl+Shift+S', enabled: state.current !== null, click: () => void commands.saveWorkspaceAs() },
      ...(isMac ? [] : [{ type: 'separator' } as const, { role: 'quit', label: 'Quit' } as const]),
    ],
  };

  const viewMenu: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      { role: 'reload' },
      ...(state.offerDevTools ? [{ role: 'toggleDevTools' } as const] : []),
      { type: 'separator' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };

  return [
    ...(isMac ? [{ role: 'appMenu' } as const] : []),
    fileMenu,
    // Without the Edit roles, copy and paste in text fields do not work on macOS.
    { role: 'editMenu' },
    viewMenu,
    { role: 'windowMenu' },
  ];
}
