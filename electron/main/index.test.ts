import { afterEach, describe, expect, it, vi, type Mock } from 'vitest';
import type { Dispatch } from '../api/dispatcher';
import type { Engine, EngineOptions } from '../api/engine-types';
import { LEAVE_ANSWER_CHANNEL, LEAVE_QUESTION_CHANNEL, SAVE_THEN_CLOSE_CHANNEL, WORKSPACE_CHANGED_CHANNEL } from '../../shared/wire';
import { IPC_CHANNEL } from '../../shared/wire';

/**
 * The shell's wiring, run against a recording stand-in for the Electron runtime (which cannot
 * load under Node) and a stub engine: start-up order, what the window gets, the IPC route,
 * opening a file the OS passed, and a clean shutdown.
 */

const runtime = vi.hoisted(() => {
  type Listener = (...args: unknown[]) => unknown;
  class FakeEmitter {
    readonly listeners = new Map<string, Listener[]>();
    on(name: string, listener: Listener) {
      this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener]);
      return this;
    }
    once(name: string, listener: Listener) {
      return this.on(name, listener);
    }
    emit(name: string, ...args: unknown[]) {
      for (const listener of this.listeners.get(name) ?? []) listener(...args);
    }
  }
  const state = {
    hasLock: true,
    ready: null as null | (() => void),
    windows: [] as Array<{ options: Record<string, unknown>; loadedUrl: string; sent: string[]; contentsListeners: Map<string, Listener>; contents: unknown }>,
    /** The button index the next native message box answers with. */
    messageBoxChoice: 2,
    ipcHandlers: new Map<string, Listener>(),
    menus: [] as unknown[],
    errorBoxes: [] as Array<[string, string]>,
    exitCode: null as number | null,
    quitCalls: 0,
    userDataPath: '/home/dana/.config/agent-triage-workstation',
  };
  const app = Object.assign(new FakeEmitter(), {
    isPackaged: false,
    requestSingleInstanceLock: () => state.hasLock,
    quit: () => {
      state.quitCalls += 1;
    },
    exit: (code: number) => {
      state.exitCode = code;
    },
    setPath: (_name: string, path: string) => {
      state.userDataPath = path;
    },
    getPath: (name: string) => (name === 'userData' ? state.userDataPath : `/home/dana/${name}`),
    getVersion: () => '0.1.0',
    whenReady: () => readyPromise,
  });
  let readyPromise = new Promise<void>((resolve) => (state.ready = resolve));
  class BrowserWindow extends FakeEmitter {
    readonly record: { options: Record<string, unknown>; loadedUrl: string; sent: string[]; contentsListeners: Map<string, Listener>; contents: unknown };
    readonly webContents: { mainFrame: object; send: (channel: string) => void; isDestroyed: () => boolean; on: (event: string, listener: Listener) => void };
    constructor(options: Record<string, unknown>) {
      super();
      const record = { options, loadedUrl: '', sent: [] as string[], contentsListeners: new Map<string, Listener>(), contents: null as unknown };
      this.record = record;
      this.webContents = {
        mainFrame: {},
        send: (channel) => record.sent.push(channel),
        isDestroyed: () => false,
        on: (event, listener) => record.contentsListeners.set(event, listener),
      };
      record.contents = this.webContents;
      state.windows.push(record);
    }
    loadURL(url: string) {
      this.record.loadedUrl = url;
      return Promise.resolve();
    }
    isDestroyed = () => false;
    isMinimized = () => false;
    focus() {}
    restore() {}
    show() {}
  }
  const electron = {
    app,
    BrowserWindow,
    ipcMain: { handle: (channel: string, handler: Listener) => state.ipcHandlers.set(channel, handler), removeHandler: () => {} },
    Menu: { buildFromTemplate: (template: unknown) => ({ template }), setApplicationMenu: (menu: unknown) => state.menus.push(menu) },
    dialog: { showErrorBox: (title: string, message: string) => state.errorBoxes.push([title, message]), showMessageBoxSync: () => state.messageBoxChoice },
    session: {
      defaultSession: {
        setPermissionRequestHandler: () => {},
        setPermissionCheckHandler: () => {},
        webRequest: { onBeforeRequest: () => {}, onHeadersReceived: () => {} },
      },
    },
    shell: { openExternal: async () => {} },
  };
  const reset = () => {
    Object.assign(state, { hasLock: true, messageBoxChoice: 2, windows: [], menus: [], errorBoxes: [], exitCode: null, quitCalls: 0, userDataPath: '/home/dana/.config/agent-triage-workstation' });
    state.ipcHandlers.clear();
    app.listeners.clear();
    readyPromise = new Promise<void>((resolve) => (state.ready = resolve));
  };
  return { state, electron, reset };
});

const engineStub = vi.hoisted(() => ({
  options: null as EngineOptions | null,
  failWith: null as Error | null,
  closed: 0,
  dispatch: null as unknown as Mock<Dispatch>,
}));

vi.mock('electron', () => runtime.electron);
vi.mock('../api/engine', () => ({
  createEngine: async (options: EngineOptions): Promise<Engine> => {
    engineStub.options = options;
    if (engineStub.failWith) throw engineStub.failWith;
    return {
      dispatch: engineStub.dispatch,
      close: async () => {
        engineStub.closed += 1;
      },
    };
  },
}));

async function startShell({ argv = ['electron', '.'] }: { argv?: string[] } = {}) {
  runtime.reset();
  engineStub.options = null;
  engineStub.closed = 0;
  engineStub.dispatch = vi.fn<Dispatch>(async (method) => {
    if (method === 'currentWorkspace') return { ok: true, value: null };
    if (method === 'recentWorkspaces') return { ok: true, value: [] };
    return { ok: true, value: 'done' };
  });
  const originalArgv = process.argv;
  process.argv = argv;
  vi.resetModules();
  try {
    await import('./index');
  } finally {
    process.argv = originalArgv;
  }
}

async function becomeReady() {
  runtime.state.ready?.();
  await vi.waitFor(() => expect(runtime.state.windows.length + runtime.state.errorBoxes.length).toBeGreaterThan(0));
}

afterEach(() => {
  engineStub.failWith = null;
  delete process.env.AGENT_TRIAGE_HOME;
});

describe('Electron shell start-up', () => {
  it('quits at once when another instance already runs', async () => {
    runtime.reset();
    runtime.state.hasLock = false;
    vi.resetModules();
    await import('./index');
    expect(runtime.state.quitCalls).toBe(1);
    expect(runtime.state.ipcHandlers.size).toBe(0);
  });

  it('starts the engine as the Electron host, then opens one hardened window on the built renderer', async () => {
    await startShell();
    expect(runtime.state.windows).toHaveLength(0);
    await becomeReady();

    expect(engineStub.options).toMatchObject({
      homeDir: '/home/dana/.config/agent-triage-workstation',
      host: 'electron',
      version: '0.1.0',
      nativeDialogs: true,
    });
    expect(engineStub.options?.defaultActor).toBeTruthy();

    const [window] = runtime.state.windows;
    expect(window?.loadedUrl).toMatch(/^file:\/\/.*\/renderer\/index\.html$/);
    expect(window?.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false });
    expect(String((window?.options.webPreferences as { preload: string }).preload)).toMatch(/preload[\\/]index\.cjs$/);
    expect(runtime.state.menus).toHaveLength(1);
    expect(runtime.state.ipcHandlers.has(IPC_CHANNEL)).toBe(true);
  });

  it('asks Save, Discard or Stay when the page holds unsaved edits at close: Save has the page save and close, Discard closes', async () => {
    await startShell();
    await becomeReady();
    const [window] = runtime.state.windows;
    const refuseUnload = window?.contentsListeners.get('will-prevent-unload');
    expect(refuseUnload).toBeDefined();
    const closeAttempt = () => {
      const event = { preventDefault: vi.fn() };
      refuseUnload?.(event);
      return event.preventDefault;
    };
    runtime.state.messageBoxChoice = 2; // Stay
    expect(closeAttempt()).not.toHaveBeenCalled();
    expect(window?.sent).toEqual([]);
    runtime.state.messageBoxChoice = 0; // Save
    expect(closeAttempt()).not.toHaveBeenCalled();
    expect(window?.sent).toEqual([SAVE_THEN_CLOSE_CHANNEL]);
    runtime.state.messageBoxChoice = 1; // Discard
    expect(closeAttempt()).toHaveBeenCalledOnce();
  });

  it('keeps its home where AGENT_TRIAGE_HOME says (tests, side-by-side installs)', async () => {
    process.env.AGENT_TRIAGE_HOME = '/tmp/agent-triage-e2e-home';
    await startShell();
    await becomeReady();
    expect(engineStub.options?.homeDir).toBe('/tmp/agent-triage-e2e-home');
  });

  it('opens a workspace the OS passed on the command line before showing the window', async () => {
    await startShell({ argv: ['/opt/agent-triage/agent-triage', '/home/dana/acme.atw'] });
    await becomeReady();
    const calls = engineStub.dispatch.mock.calls.map(([method, input, ctx]) => [method, input, ctx]);
    expect(calls).toContainEqual(['openWorkspace', { path: '/home/dana/acme.atw' }, { actor: '', via: 'ui' }]);
    // No change notice was needed: the page's first load already asks for the opened workspace.
    expect(runtime.state.windows[0]?.sent).toEqual([]);
  });

  /** The page's answer to the shell's "may the page be left?", sent from the app window's own frame. */
  const answerLeaveQuestion = (id: number, leave: boolean) => {
    const window = runtime.state.windows[0]!;
    const event = { sender: window.contents, senderFrame: { url: window.loadedUrl } };
    return runtime.state.ipcHandlers.get(LEAVE_ANSWER_CHANNEL)?.(event, id, leave);
  };

  it('asks the page before a workspace from the OS replaces it, and stays when the page says so', async () => {
    await startShell();
    await becomeReady();
    runtime.electron.app.emit('second-instance', {}, ['/opt/agent-triage/agent-triage', '/home/dana/globex.atw'], '/');
    await vi.waitFor(() => expect(runtime.state.windows[0]?.sent).toEqual([LEAVE_QUESTION_CHANNEL]));
    answerLeaveQuestion(1, false);
    await new Promise((r) => setTimeout(r, 20));
    expect(engineStub.dispatch).not.toHaveBeenCalledWith('openWorkspace', expect.anything(), expect.anything());
    expect(runtime.state.windows[0]?.sent).toEqual([LEAVE_QUESTION_CHANNEL]);
  });

  it('tells the page when a workspace file arrives from a second launch', async () => {
    await startShell();
    await becomeReady();
    runtime.electron.app.emit('second-instance', {}, ['/opt/agent-triage/agent-triage', '/home/dana/globex.atw'], '/');
    await vi.waitFor(() => expect(runtime.state.windows[0]?.sent).toEqual([LEAVE_QUESTION_CHANNEL]));
    answerLeaveQuestion(1, true);
    await vi.waitFor(() => expect(runtime.state.windows[0]?.sent).toEqual([LEAVE_QUESTION_CHANNEL, WORKSPACE_CHANGED_CHANNEL]));
    expect(engineStub.dispatch).toHaveBeenCalledWith('openWorkspace', { path: '/home/dana/globex.atw' }, { actor: '', via: 'ui' });
  });

  it('reports an engine that cannot start and exits instead of showing a broken window', async () => {
    engineStub.failWith = new Error('The module better_sqlite3.node was compiled against a different Node.js version.');
    await startShell();
    await becomeReady();
    expect(runtime.state.errorBoxes).toEqual([['Agent Triage Workstation could not start', expect.stringContaining('better_sqlite3.node')]]);
    expect(runtime.state.exitCode).toBe(1);
    expect(runtime.state.windows).toHaveLength(0);
  });

  it('closes the engine before the process quits', async () => {
    await startShell();
    await becomeReady();
    const preventDefault = vi.fn();
    runtime.electron.app.emit('will-quit', { preventDefault });
    expect(preventDefault).toHaveBeenCalledOnce();
    await vi.waitFor(() => expect(runtime.state.quitCalls).toBe(1));
    expect(engineStub.closed).toBe(1);

    // The second will-quit (from that app.quit()) goes through.
    const second = vi.fn();
    runtime.electron.app.emit('will-quit', { preventDefault: second });
    expect(second).not.toHaveBeenCalled();
  });
});
