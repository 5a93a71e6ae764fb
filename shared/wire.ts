import type { InputOf, MethodName, WireResult } from './contract';

/**
 * How a contract call travels between the renderer and a host.
 *
 * HTTP (local web host): `POST /api/<method>` with the JSON input as the body, header
 * `Authorization: Bearer <token>`; the reply is always JSON `ApiResult` (HTTP 200 when the call was
 * dispatched, 401 without a valid token, 403 for a foreign Host/Origin, 404/405 for a wrong
 * route). The token reaches the page once as `?token=` in the URL the host prints; the page keeps
 * it in sessionStorage and removes it from the address bar.
 *
 * IPC (Electron): one `ipcMain.handle(IPC_CHANNEL)` receives `(method, input)` and resolves to the
 * same `ApiResult`; the preload exposes one typed function per contract method.
 */
export const API_PATH_PREFIX = '/api/';
export const TOKEN_QUERY_PARAM = 'token';
export const TOKEN_STORAGE_KEY = 'agent-triage.token';
export const IPC_CHANNEL = 'agent-triage:call';

/** The global the Electron preload defines in the page. */
export const BRIDGE_GLOBAL_NAME = 'agentTriage';

/** Main -> renderer: the open workspace changed outside the page (File menu, a file opened from the OS). */
export const WORKSPACE_CHANGED_CHANNEL = 'agent-triage:workspace-changed';

/**
 * Main -> renderer: the person chose Save in the native "unsaved changes" question asked when the
 * window was closing; the page saves, then closes the window itself (its beforeunload then passes).
 */
export const SAVE_THEN_CLOSE_CHANNEL = 'agent-triage:save-then-close';

/**
 * Main -> renderer, before the File menu (or the OS) switches workspace: "may the page be left?",
 * with a question id. The page asks the person about unsaved edits and answers on
 * LEAVE_ANSWER_CHANNEL with (id, true to go on | false to stay).
 */
export const LEAVE_QUESTION_CHANNEL = 'agent-triage:may-leave';
export const LEAVE_ANSWER_CHANNEL = 'agent-triage:leave-answer';

/** Renderer -> main: run a File-menu workspace command (native dialog, then the engine call). */
export const WORKSPACE_COMMAND_CHANNEL = 'agent-triage:workspace-command';
export const WORKSPACE_COMMANDS = ['new', 'open', 'save-as'] as const;
export type WorkspaceCommand = (typeof WORKSPACE_COMMANDS)[number];

/**
 * `window.agentTriage`: one function per contract method, resolving to the wire result instead of
 * throwing (an Error crossing contextBridge loses its code and details). Type-only imports keep
 * this file free of zod, which a sandboxed preload cannot load.
 */
export type ContractBridge = { [M in MethodName]: (input: InputOf<M>) => Promise<WireResult<M>> };

export interface ElectronBridge extends ContractBridge {
  /** Calls `listener` whenever the open workspace changes outside the page; returns an unsubscribe function. */
  onWorkspaceChanged(listener: () => void): () => void;
  /** Shows the native New / Open / Save As dialog and switches workspace; resolves when done or dismissed. */
  runWorkspaceCommand(command: WorkspaceCommand): Promise<void>;
  /** Answers the shell's "may the page be left?" with `ask()` (true: go on); returns an unsubscribe function. */
  onLeaveQuestion(ask: () => Promise<boolean>): () => void;
  /** Calls `listener` when the window should save unsaved edits and then close; returns an unsubscribe function. */
  onSaveThenClose(listener: () => void): () => void;
}
