import { describe, expect, it } from 'vitest';
import type { MethodName } from '../../../shared/contract';
import { BackendError } from '../../../shared/errors';
import type { ContractBridge } from '../../../shared/wire';
import { createPreloadBackend } from './preload-backend';

describe('preload backend', () => {
  it('calls the bridge function of the same name and unwraps results into values or BackendErrors', async () => {
    const calls: Array<[string, unknown]> = [];
    const bridge = new Proxy({} as ContractBridge, {
      get: (_target, method: MethodName) => async (input: unknown) => {
        calls.push([method, input]);
        return method === 'openWorkspace'
          ? { ok: false, error: { code: 'workspace-too-new', message: 'written by a newer version' } }
          : { ok: true, value: { version: '0.1.0' } };
      },
    });
    const backend = createPreloadBackend(bridge);
    await expect(backend.appInfo({})).resolves.toEqual({ version: '0.1.0' });
    const thrown = await backend.openWorkspace({ path: '/x.atw' }).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(BackendError);
    expect(thrown).toMatchObject({ code: 'workspace-too-new', message: 'written by a newer version' });
    expect(calls).toEqual([
      ['appInfo', {}],
      ['openWorkspace', { path: '/x.atw' }],
    ]);
  });
});
