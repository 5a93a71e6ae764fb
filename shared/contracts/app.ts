import { z } from 'zod';
import { method, Empty } from './method';

/** Who is using the app and where it runs. */

export interface AppInfo {
  version: string;
  host: 'electron' | 'web' | 'cli' | 'test';
  /** Who the audit log names for changes made here. */
  actor: string;
  /** True where the host can show native file dialogs (Electron). */
  nativeDialogs: boolean;
}

export const appContract = {
  appInfo: method<AppInfo>()(Empty),
  setActor: method<AppInfo>()(z.object({ actor: z.string().trim().min(1, 'name is empty').max(200) })),
} as const;
