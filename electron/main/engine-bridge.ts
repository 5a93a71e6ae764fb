import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import type { MethodName } from '../../shared/contract';
import type { ApiResult } from '../../shared/errors';
import { IPC_CHANNEL } from '../../shared/wire';
import type { CallContext } from '../api/dispatcher';
import type { Engine } from '../api/engine-types';
import { isTrustedSenderUrl, type RendererLocation } from './security-policy';

export interface EngineBridgeOptions {
  engine: Promise<Engine>;
  /** The app window's web contents, or null while there is no window. */
  appWebContents: () => WebContents | null;
  /** Hidden windows printing the report route (report-pdf-printer.ts): they read the report through the same route. */
  printWebContents?: ReadonlySet<WebContents>;
  location: RendererLocation;
  callContext: CallContext;
  /** Runs after the page itself switched workspace, so the File menu's recent list follows. */
  onWorkspaceSwitchedByPage: () => void;
}

/** Methods after which the open workspace, and so the recent list, is different. */
const WORKSPACE_SWITCHING_METHODS: ReadonlySet<unknown> = new Set<MethodName>(['createWorkspace', 'openWorkspace', 'saveWorkspaceAs', 'openDemoWorkspace']);

// The contract has no "forbidden" code yet; the web host refuses foreign callers with the same one.
const REFUSED_CALLER: ApiResult<never> = {
  ok: false,
  error: { code: 'access-denied', message: 'This call did not come from the Agent Triage window and was refused.' },
};

/**
 * The one IPC route into the engine. Every call is checked to come from the main frame of our
 * window while it shows our renderer: an iframe, a devtools extension or a page that navigated
 * away cannot reach the workspace. Returns a function that removes the route.
 */
export function registerEngineBridge(options: EngineBridgeOptions): () => void {
  ipcMain.handle(IPC_CHANNEL, async (event, method: unknown, input: unknown): Promise<ApiResult<unknown>> => {
    const printing = options.printWebContents?.has(event.sender) === true;
    if (!isFromAppWindow(event, printing ? event.sender : options.appWebContents(), options.location)) return REFUSED_CALLER;
    let engine: Engine;
    try {
      engine = await options.engine;
    } catch (err) {
      return { ok: false, error: { code: 'internal', message: `The engine did not start: ${err instanceof Error ? err.message : String(err)}` } };
    }
    const result = await engine.dispatch(method, input, options.callContext);
    if (result.ok && WORKSPACE_SWITCHING_METHODS.has(method)) options.onWorkspaceSwitchedByPage();
    return result;
  });
  return () => ipcMain.removeHandler(IPC_CHANNEL);
}

export function isFromAppWindow(event: IpcMainInvokeEvent, appWebContents: WebContents | null, location: RendererLocation): boolean {
  const frame = event.senderFrame;
  if (appWebContents === null || appWebContents.isDestroyed() || frame === null) return false;
  if (event.sender !== appWebContents) return false;
  // An iframe shares the web contents with the page; only the top frame is the app.
  const mainFrame = appWebContents.mainFrame;
  if (frame.processId !== mainFrame.processId || frame.routingId !== mainFrame.routingId) return false;
  return isTrustedSenderUrl(frame.url, location);
}
