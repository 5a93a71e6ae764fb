import { beforeAll, describe, expect, it, vi } from 'vitest';
import { METHOD_NAMES } from '../../shared/contract';
import { IPC_CHANNEL, WORKSPACE_COMMAND_CHANNEL } from '../../shared/wire';
import { BRIDGE_GLOBAL_NAME, WORKSPACE_CHANGED_CHANNEL, type ElectronBridge } from '../../shared/wire';

// The Electron runtime is not loadable under Node, so the preload runs against a recording fake
// of the two modules it touches; what it exposes is exactly what the page would see.
const electron = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  invoke: vi.fn(async (..._args: unknown[]) => ({ ok: true, value: 'answered' })),
  on: vi.fn(),
  removeListener: vi.fn(),
}));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (name: string, api: unknown) => electron.exposed.set(name, api) },
  ipcRenderer: { invoke: electron.invoke, on: electron.on, removeListener: electron.removeListener },
}));

let bridge: ElectronBridge;
beforeAll(async () => {
  await import('./index');
  bridge = electron.exposed.get(BRIDGE_GLOBAL_NAME) as ElectronBridge;
});

describe('preload bridge', () => {
  it('exposes one global with one function per contract method plus the two host functions, nothing else', () => {
    expect([...electron.exposed.keys()]).toEqual([BRIDGE_GLOBAL_NAME]);
    expect(Object.keys(bridge).sort()).toEqual([...METHOD_NAMES, 'onLeaveQuestion', 'onSaveThenClose', 'onWorkspaceChanged', 'runWorkspaceCommand'].sort());
    for (const value of Object.values(bridge)) expect(typeof value).toBe('function');
  });

  it('sends every method over the one checked channel as (method, input)', async () => {
    for (const method of METHOD_NAMES) {
      electron.invoke.mockClear();
      const input = { probe: method };
      const call = bridge[method] as (input: unknown) => Promise<unknown>;
      await expect(call(input)).resolves.toEqual({ ok: true, value: 'answered' });
      expect(electron.invoke).toHaveBeenCalledExactlyOnceWith(IPC_CHANNEL, method, input);
    }
  });

  it('asks the main process for a native workspace dialog on its own channel', async () => {
    electron.invoke.mockClear();
    await bridge.runWorkspaceCommand('open');
    expect(electron.invoke).toHaveBeenCalledExactlyOnceWith(WORKSPACE_COMMAND_CHANNEL, 'open');
  });

  it('notifies workspace changes without handing the IPC event to the page, and unsubscribes', () => {
    const listener = vi.fn();
    const unsubscribe = bridge.onWorkspaceChanged(listener);
    const [channel, handler] = electron.on.mock.calls.at(-1) as [string, (...args: unknown[]) => void];
    expect(channel).toBe(WORKSPACE_CHANGED_CHANNEL);

    handler({ sender: 'ipcRenderer' }, 'extra');
    expect(listener).toHaveBeenCalledExactlyOnceWith();

    unsubscribe();
    expect(electron.removeListener).toHaveBeenCalledWith(WORKSPACE_CHANGED_CHANNEL, handler);
  });
});
