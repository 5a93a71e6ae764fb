import { describe, expect, it } from 'vitest';
import type { AppInfo } from '../../../shared/contract';
import { BackendError } from '../../../shared/errors';
import { fakeBackend } from '../testing/fake-backend';
import { createAppStore } from './index';

const info: AppInfo = { version: '0.1.0', host: 'web', actor: 'sam', nativeDialogs: false };

describe('app slice', () => {
  it('loads the app info and records a new actor', async () => {
    const store = createAppStore(fakeBackend({ appInfo: async () => info, setActor: async ({ actor }) => ({ ...info, actor }) }));
    await store.getState().loadAppInfo();
    expect(store.getState().appInfo?.actor).toBe('sam');
    await store.getState().setActor('Dana Reyes');
    expect(store.getState().appInfo?.actor).toBe('Dana Reyes');
  });

  it('keeps the load error and lets setActor reject with the backend message', async () => {
    const store = createAppStore(
      fakeBackend({
        appInfo: async () => {
          throw new BackendError('internal', 'host is down');
        },
        setActor: async () => {
          throw new BackendError('invalid-input', 'name is empty');
        },
      }),
    );
    await store.getState().loadAppInfo();
    expect(store.getState().appInfoError).toBe('host is down');
    await expect(store.getState().setActor(' ')).rejects.toThrow('name is empty');
  });
});
