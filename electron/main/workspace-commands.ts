import { dirname, join } from 'node:path';
import { app, dialog, type BrowserWindow, type OpenDialogOptions, type SaveDialogOptions } from 'electron';
import type { InputOf, WorkspaceInfo } from '../../shared/contract';
import type { CallContext } from '../api/dispatcher';
import type { Engine } from '../api/engine-types';
import type { WorkspaceMenuCommands } from './app-menu';
import { WORKSPACE_DIALOG_FILTERS, withWorkspaceExtension } from './workspace-files';

export interface WorkspaceCommandsOptions {
  engine: Engine;
  appWindow: () => BrowserWindow | null;
  callContext: CallContext;
  /** After the open workspace changed: refresh the page and the menu. */
  onWorkspaceSwitched: () => void;
  /** Asks the page before another workspace replaces it (unsaved edits: Save, Discard or Stay); false: stay. */
  pageMayLeave: () => Promise<boolean>;
}

export interface WorkspaceCommands extends WorkspaceMenuCommands {
  /** A workspace file handed to the app by the OS (double-click, "Open with", second launch). */
  openFromOs(path: string): Promise<void>;
}

/**
 * The File menu's actions: a native dialog picks the path, the engine does the work. The shell
 * decides nothing about workspaces itself; an engine refusal is shown with the engine's message.
 */
export function createWorkspaceCommands(options: WorkspaceCommandsOptions): WorkspaceCommands {
  async function switchWorkspace<M extends 'createWorkspace' | 'openWorkspace' | 'saveWorkspaceAs' | 'openDemoWorkspace'>(
    failureTitle: string,
    method: M,
    input: InputOf<M>,
  ): Promise<void> {
    if (!(await options.pageMayLeave())) return;
    const result = await options.engine.dispatch(method, input, options.callContext);
    if (!result.ok) {
      dialog.showErrorBox(failureTitle, result.error.message);
      return;
    }
    options.onWorkspaceSwitched();
  }

  async function currentWorkspace(): Promise<WorkspaceInfo | null> {
    const result = await options.engine.dispatch('currentWorkspace', {}, options.callContext);
    return result.ok ? (result.value as WorkspaceInfo | null) : null;
  }

  async function askSavePath(dialogOptions: SaveDialogOptions): Promise<string | undefined> {
    const window = options.appWindow();
    const settings: SaveDialogOptions = { filters: WORKSPACE_DIALOG_FILTERS, properties: ['createDirectory', 'showOverwriteConfirmation'], ...dialogOptions };
    const choice = window ? await dialog.showSaveDialog(window, settings) : await dialog.showSaveDialog(settings);
    return choice.canceled || !choice.filePath ? undefined : withWorkspaceExtension(choice.filePath);
  }

  async function askOpenPath(): Promise<string | undefined> {
    const window = options.appWindow();
    const settings: OpenDialogOptions = { title: 'Open Workspace', filters: WORKSPACE_DIALOG_FILTERS, properties: ['openFile'] };
    const choice = window ? await dialog.showOpenDialog(window, settings) : await dialog.showOpenDialog(settings);
    return choice.canceled ? undefined : choice.filePaths[0];
  }

  const documentsFolder = () => app.getPath('documents');

  // Each command reports its own failures, so callers (menu clicks) can fire and forget.
  const reportingFailures = (action: () => Promise<void>) => async (): Promise<void> => {
    try {
      await action();
    } catch (err) {
      dialog.showErrorBox('Agent Triage Workstation', err instanceof Error ? err.message : String(err));
    }
  };
  const openPath = (path: string) => reportingFailures(() => switchWorkspace('Could not open the workspace', 'openWorkspace', { path }))();

  return {
    newWorkspace: reportingFailures(async () => {
      const path = await askSavePath({ title: 'New Workspace', buttonLabel: 'Create', defaultPath: join(documentsFolder(), 'Untitled.atw') });
      // The native save dialog already asked before replacing an existing file.
      if (path) await switchWorkspace('Could not create the workspace', 'createWorkspace', { path, overwrite: true });
    }),
    openWorkspace: reportingFailures(async () => {
      const path = await askOpenPath();
      if (path) await switchWorkspace('Could not open the workspace', 'openWorkspace', { path });
    }),
    saveWorkspaceAs: reportingFailures(async () => {
      const current = await currentWorkspace();
      // The demo lives in the app's own folder; a copy of it belongs with the user's documents.
      const folder = current && !current.isDemo ? dirname(current.path) : documentsFolder();
      const path = await askSavePath({ title: 'Save Workspace As', buttonLabel: 'Save', defaultPath: join(folder, `${current?.name ?? 'Untitled'} copy.atw`) });
      if (path) await switchWorkspace('Could not save the workspace', 'saveWorkspaceAs', { path, overwrite: true });
    }),
    openRecent: openPath,
    openDemo: reportingFailures(() => switchWorkspace('Could not open the demo workspace', 'openDemoWorkspace', { reset: false })),
    openFromOs: openPath,
  };
}
