import { userInfo } from 'node:os';
import { app, dialog, ipcMain, Menu, type BrowserWindow, type WebContents } from 'electron';
import type { RecentWorkspace, WorkspaceInfo } from '../../shared/contract';
import type { CallContext } from '../api/dispatcher';
import { createEngine, type Engine } from '../api/engine';
import { LEAVE_ANSWER_CHANNEL, LEAVE_QUESTION_CHANNEL, WORKSPACE_CHANGED_CHANNEL, WORKSPACE_COMMAND_CHANNEL } from '../../shared/wire';
import { appMenuTemplate } from './app-menu';
import { createAppWindow, rendererLocation } from './app-window';
import { isFromAppWindow, registerEngineBridge } from './engine-bridge';
import { electronReportPrinter } from './report-pdf-printer';
import { enforceSecurityPolicy, enforceSessionPolicy } from './security';
import { createWorkspaceCommands, type WorkspaceCommands } from './workspace-commands';
import { workspacePathFromArgv } from './workspace-files';

/**
 * The Electron shell: one window, the File menu, native dialogs and the IPC route into the
 * engine. Everything about workspaces and agents is the engine's; this file only connects them.
 */

// The engine names whoever setActor chose, or the OS user: an empty actor asks it to fill that in.
const UI_CALL_CONTEXT: CallContext = { actor: '', via: 'ui' };

// Lets tests and side-by-side installs keep their own recent list and demo instead of the user's.
if (process.env.AGENT_TRIAGE_HOME) app.setPath('userData', process.env.AGENT_TRIAGE_HOME);

// A second launch (e.g. double-clicking a .atw file) hands its arguments to the running app and quits.
if (app.requestSingleInstanceLock()) startShell();
else app.quit();

function startShell(): void {
  const location = rendererLocation();
  enforceSecurityPolicy(location);

  let appWindow: BrowserWindow | null = null;
  let commands: WorkspaceCommands | null = null;
  // A file the OS asked us to open before the engine was ready (argv, or macOS open-file at launch).
  let workspaceFromOs = workspacePathFromArgv(process.argv);

  // Hidden windows printing the executive report; the bridge trusts them while they print.
  const printWindows = new Set<WebContents>();
  const engineReady: Promise<Engine> = app.whenReady().then(() =>
    createEngine({
      homeDir: app.getPath('userData'),
      host: 'electron',
      version: app.getVersion(),
      defaultActor: userInfo().username,
      nativeDialogs: true,
      // Set by scripts/start.mjs to a build for Electron's ABI; the packaged app rebuilds its own.
      sqliteNativeBinding: process.env.AGENT_TRIAGE_SQLITE_BINDING,
      reportPrinter: () => electronReportPrinter(location, printWindows),
    }),
  );

  registerEngineBridge({
    engine: engineReady,
    appWebContents: () => appWindow?.webContents ?? null,
    printWebContents: printWindows,
    location,
    callContext: UI_CALL_CONTEXT,
    onWorkspaceSwitchedByPage: () => void engineReady.then(refreshMenu),
  });

  function showWindow(): void {
    if (appWindow && !appWindow.isDestroyed()) {
      if (appWindow.isMinimized()) appWindow.restore();
      appWindow.focus();
      return;
    }
    appWindow = createAppWindow(location);
    appWindow.on('closed', () => {
      appWindow = null;
      answerAllLeaveQuestions();
    });
  }

  // "May the page be left?" questions waiting for the page's answer, by id.
  const leaveQuestions = new Map<number, (leave: boolean) => void>();
  let lastLeaveQuestion = 0;
  function pageMayLeave(): Promise<boolean> {
    const contents = appWindow?.webContents;
    if (!contents || contents.isDestroyed()) return Promise.resolve(true);
    const id = ++lastLeaveQuestion;
    return new Promise<boolean>((resolve) => {
      leaveQuestions.set(id, resolve);
      contents.send(LEAVE_QUESTION_CHANNEL, id);
    });
  }
  // A window that goes away cannot hold unsaved edits any more.
  const answerAllLeaveQuestions = () => {
    for (const resolve of leaveQuestions.values()) resolve(true);
    leaveQuestions.clear();
  };

  async function refreshMenu(engine: Engine): Promise<void> {
    if (!commands) return;
    const [current, recent] = await Promise.all([
      engine.dispatch('currentWorkspace', {}, UI_CALL_CONTEXT),
      engine.dispatch('recentWorkspaces', {}, UI_CALL_CONTEXT),
    ]);
    const state = {
      current: current.ok ? (current.value as WorkspaceInfo | null) : null,
      recent: recent.ok ? (recent.value as RecentWorkspace[]) : [],
      platform: process.platform,
      offerDevTools: !app.isPackaged,
    };
    Menu.setApplicationMenu(Menu.buildFromTemplate(appMenuTemplate(state, commands)));
  }

  function openWhenReady(path: string): void {
    if (commands) void commands.openFromOs(path);
    else workspaceFromOs = path;
  }

  app.on('second-instance', (_event, argv) => {
    if (commands) showWindow();
    const path = workspacePathFromArgv(argv);
    if (path) openWhenReady(path);
  });

  app.on('open-file', (event, path) => {
    event.preventDefault();
    openWhenReady(path);
  });

  async function launch(): Promise<void> {
    await app.whenReady();
    enforceSessionPolicy(location);
    const engine = await engineReady;
    commands = createWorkspaceCommands({
      engine,
      appWindow: () => appWindow,
      callContext: UI_CALL_CONTEXT,
      onWorkspaceSwitched: () => {
        appWindow?.webContents.send(WORKSPACE_CHANGED_CHANNEL);
        void refreshMenu(engine);
      },
      pageMayLeave,
    });
    ipcMain.handle(LEAVE_ANSWER_CHANNEL, (event, id: unknown, leave: unknown) => {
      if (!isFromAppWindow(event, appWindow?.webContents ?? null, location) || typeof id !== 'number') return;
      leaveQuestions.get(id)?.(leave === true);
      leaveQuestions.delete(id);
    });
    // The page's Workspace menu uses the same native dialogs as the File menu.
    ipcMain.handle(WORKSPACE_COMMAND_CHANNEL, async (event, command: unknown) => {
      if (!isFromAppWindow(event, appWindow?.webContents ?? null, location) || !commands) return;
      if (command === 'new') await commands.newWorkspace();
      else if (command === 'open') await commands.openWorkspace();
      else if (command === 'save-as') await commands.saveWorkspaceAs();
    });
    // Opened before the window exists, so the page's first load already shows it.
    if (workspaceFromOs) await commands.openFromOs(workspaceFromOs);
    await refreshMenu(engine);
    showWindow();
    app.on('activate', showWindow);
  }

  launch().catch((err: unknown) => {
    dialog.showErrorBox('Agent Triage Workstation could not start', err instanceof Error ? err.message : String(err));
    app.exit(1);
  });

  // macOS apps stay open without windows; elsewhere closing the window ends the app.
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  // Jobs are cancelled and the workspace closed cleanly before the process exits.
  let engineClosed = false;
  app.on('will-quit', (event) => {
    if (engineClosed) return;
    event.preventDefault();
    engineReady
      .then((engine) => engine.close())
      .catch((err: unknown) => console.error('[shell] closing the engine failed:', err))
      .finally(() => {
        engineClosed = true;
        app.quit();
      });
  });
}
