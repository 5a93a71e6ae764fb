import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { IPC_CHANNEL } from '../../shared/wire';
import type { Dispatch } from '../api/dispatcher';
import type { Engine } from '../api/engine-types';
import { registerEngineBridge } from './engine-bridge';

// Only ipcMain is needed and the real module cannot load under Node: record the handler instead.
const ipc = vi.hoisted(() => ({ handlers: new Map<string, (...args: unknown[]) => Promise<unknown>>() }));
vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, handler: (...args: unknown[]) => Promise<unknown>) => ipc.handlers.set(channel, handler),
    removeHandler: (channel: string) => ipc.handlers.delete(channel),
  },
}));

const APP_URL = 'file:///opt/agent-triage/out/renderer/index.html';

interface FakeFrame {
  url: string;
  processId: number;
  routingId: number;
}
function fakeWindow() {
  const mainFrame: FakeFrame = { url: `${APP_URL}#/agents`, processId: 7, routingId: 1 };
  const contents = { mainFrame, isDestroyed: () => false } as unknown as WebContents;
  return { contents, mainFrame };
}
function eventFrom(sender: WebContents, senderFrame: FakeFrame | null): IpcMainInvokeEvent {
  return { sender, senderFrame } as unknown as IpcMainInvokeEvent;
}

const dispatch = vi.fn<Dispatch>(async () => ({ ok: true, value: 'dispatched' }));
const engine: Engine = { dispatch, close: async () => {} };
let window = fakeWindow();
const onWorkspaceSwitchedByPage = vi.fn();

function call(event: IpcMainInvokeEvent, method: unknown, input: unknown) {
  const handler = ipc.handlers.get(IPC_CHANNEL);
  if (!handler) throw new Error('no IPC handler registered');
  return handler(event, method, input);
}

beforeEach(() => {
  ipc.handlers.clear();
  dispatch.mockClear();
  onWorkspaceSwitchedByPage.mockClear();
  window = fakeWindow();
  registerEngineBridge({
    engine: Promise.resolve(engine),
    appWebContents: () => window.contents,
    location: { appUrl: APP_URL },
    callContext: { actor: '', via: 'ui' },
    onWorkspaceSwitchedByPage,
  });
});

describe('engine bridge', () => {
  it('dispatches a call from the app page with the UI call context', async () => {
    await expect(call(eventFrom(window.contents, window.mainFrame), 'listAgents', { text: 'billing' })).resolves.toEqual({ ok: true, value: 'dispatched' });
    expect(dispatch).toHaveBeenCalledExactlyOnceWith('listAgents', { text: 'billing' }, { actor: '', via: 'ui' });
  });

  it('refuses an iframe of the app page', async () => {
    const iframe = { url: APP_URL, processId: 7, routingId: 2 };
    const result = await call(eventFrom(window.contents, iframe), 'listAgents', {});
    expect(result).toMatchObject({ ok: false, error: { message: expect.stringContaining('refused') } });
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('refuses the main frame once it shows anything but the renderer', async () => {
    window.mainFrame.url = 'https://example.com/';
    expect(await call(eventFrom(window.contents, window.mainFrame), 'currentWorkspace', {})).toMatchObject({ ok: false });
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('refuses other web contents and a frame that is already gone', async () => {
    const other = fakeWindow();
    expect(await call(eventFrom(other.contents, other.mainFrame), 'currentWorkspace', {})).toMatchObject({ ok: false });
    expect(await call(eventFrom(window.contents, null), 'currentWorkspace', {})).toMatchObject({ ok: false });
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('tells the menu when the page switched workspace, and only then', async () => {
    await call(eventFrom(window.contents, window.mainFrame), 'getAgent', { id: 'a1' });
    expect(onWorkspaceSwitchedByPage).not.toHaveBeenCalled();

    await call(eventFrom(window.contents, window.mainFrame), 'openWorkspace', { path: '/tmp/acme.atw' });
    expect(onWorkspaceSwitchedByPage).toHaveBeenCalledTimes(1);

    dispatch.mockResolvedValueOnce({ ok: false, error: { code: 'workspace-corrupt', message: 'corrupt' } });
    await call(eventFrom(window.contents, window.mainFrame), 'openWorkspace', { path: '/tmp/broken.atw' });
    expect(onWorkspaceSwitchedByPage).toHaveBeenCalledTimes(1);
  });

  it('answers with an error result when the engine failed to start', async () => {
    ipc.handlers.clear();
    registerEngineBridge({
      engine: Promise.reject(new Error('better-sqlite3 was compiled for another Node version')),
      appWebContents: () => window.contents,
      location: { appUrl: APP_URL },
      callContext: { actor: '', via: 'ui' },
      onWorkspaceSwitchedByPage,
    });
    expect(await call(eventFrom(window.contents, window.mainFrame), 'appInfo', {})).toMatchObject({
      ok: false,
      error: { code: 'internal', message: expect.stringContaining('better-sqlite3') },
    });
  });
});
