import type { AppInfo } from '../../../shared/contract';
import { messageOf, type SliceCreator } from './app-state';

export interface AppSlice {
  appInfo: AppInfo | null;
  appInfoError: string | null;
  loadAppInfo: () => Promise<void>;
  /** Names the person in the audit log from now on; rejects with the backend's message. */
  setActor: (actor: string) => Promise<void>;
}

export const createAppSlice: SliceCreator<AppSlice> = (backend) => (set) => ({
  appInfo: null,
  appInfoError: null,
  loadAppInfo: async () => {
    try {
      set({ appInfo: await backend.appInfo({}), appInfoError: null });
    } catch (error) {
      set({ appInfoError: messageOf(error) });
    }
  },
  setActor: async (actor) => {
    set({ appInfo: await backend.setActor({ actor }) });
  },
});
