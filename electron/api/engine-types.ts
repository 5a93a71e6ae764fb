import type { AppInfo } from '../../shared/contract';
import type { Dispatch } from './dispatcher';
import type { ReportPrinter } from '../report/report-printer';

export interface EngineOptions {
  /** Folder for app state: recent list, settings, the demo workspace. */
  homeDir: string;
  host: AppInfo['host'];
  version: string;
  /** Default actor for the audit log (the OS user name when not set by the person). */
  defaultActor: string;
  nativeDialogs?: boolean;
  /** Open the last workspace (or the demo on first launch) at start. Default true. */
  openLastWorkspace?: boolean;
  /**
   * Record opened workspaces as recent and as the one to reopen next launch. Default true; the
   * CLI's one-shot commands pass false, so a script touching a file never changes what the app
   * opens next.
   */
  recordRecent?: boolean;
  /**
   * How long an import or an export may keep the host's thread busy (ms, predicted from the files'
   * sizes or the agents' count: imports/import-placement.ts, exports/export-placement.ts) before it
   * runs in a job worker instead. Default: the app's tenth of a second; the CLI, whose thread has
   * nothing else to do, passes a second (api/host-stall-budget.ts).
   */
  hostStallBudgetMs?: number;
  /** SQLite native binding to load (Electron passes its own ABI build). */
  sqliteNativeBinding?: string;
  /**
   * The host's PDF printer for the executive report (Electron's printToPDF, or Chromium driving
   * the local web host). Called when an export starts; throws, saying which browser to install,
   * where there is none. Hosts without one (tests) refuse PDF exports.
   */
  reportPrinter?: () => ReportPrinter;
}

export interface Engine {
  /** Validates and runs one contract method; never throws. */
  dispatch: Dispatch;
  /** Closes the open workspace and stops running jobs (cancelling them). */
  close(): Promise<void>;
}
