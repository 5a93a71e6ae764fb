import type { Backend } from '../../../shared/contract';
import type { WorkspaceCommand } from '../../../shared/wire';
import './bridge-global';
import { createHttpBackend } from './http-backend';
import { createPreloadBackend } from './preload-backend';
import { takeSessionToken } from './session-token';

export interface HostConnection {
  backend: Backend;
  /** Subscribes to workspace switches made outside the page; returns the unsubscribe function. */
  onWorkspaceChanged: (listener: () => void) => () => void;
  /** Where the host has native file dialogs (Electron): New / Open / Save As through them. */
  runWorkspaceCommand?: (command: WorkspaceCommand) => Promise<void>;
  /** Electron: the File menu asks before switching workspace; `ask` settles unsaved edits and says whether to go on. */
  onLeaveQuestion: (ask: () => Promise<boolean>) => () => void;
  /** Electron: the window's close question was answered Save; save the edits, then close. */
  onSaveThenClose: (listener: () => void) => () => void;
}

/** Electron injects the bridge before any page script runs; anywhere else we are served by the local web host. */
export function connectHost(): HostConnection {
  const bridge = window.agentTriage;
  if (bridge) {
    return {
      backend: createPreloadBackend(bridge),
      onWorkspaceChanged: (listener) => bridge.onWorkspaceChanged(listener),
      runWorkspaceCommand: (command) => bridge.runWorkspaceCommand(command),
      onSaveThenClose: (listener) => bridge.onSaveThenClose(listener),
      onLeaveQuestion: (ask) => bridge.onLeaveQuestion(ask),
    };
  }
  return {
    backend: createHttpBackend({
      origin: window.location.origin,
      token: takeSessionToken(window.location, window.history, window.sessionStorage),
      fetch: window.fetch.bind(window),
    }),
    // The web host has no menu of its own: only this page switches workspaces.
    onWorkspaceChanged: () => () => {},
    // A browser asks with its own beforeunload prompt, which has no Save button.
    onSaveThenClose: () => () => {},
    onLeaveQuestion: () => () => {},
  };
}
