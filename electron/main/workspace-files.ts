import { extname } from 'node:path';
import { WORKSPACE_EXTENSION } from '../store/workspace-file';

/** File-name rules for workspace dialogs and files handed to the app by the OS. No `electron` import. */

const EXTENSION_WITHOUT_DOT = WORKSPACE_EXTENSION.replace(/^\./, '');

export const WORKSPACE_DIALOG_FILTERS = [{ name: 'Agent Triage Workspace', extensions: [EXTENSION_WITHOUT_DOT] }];

export function isWorkspaceFileName(path: string): boolean {
  return extname(path).toLowerCase() === WORKSPACE_EXTENSION;
}

/** GTK and some Windows save dialogs return the name exactly as typed, without the filter's extension. */
export function withWorkspaceExtension(path: string): string {
  return isWorkspaceFileName(path) ? path : `${path}${WORKSPACE_EXTENSION}`;
}

/**
 * The workspace file the OS asked us to open (double-click, "Open with", a second launch), if any.
 * Switches are skipped: Chromium and Electron add their own, and a path never starts with '-'.
 */
export function workspacePathFromArgv(argv: readonly string[]): string | undefined {
  return argv
    .slice(1)
    .filter((arg) => !arg.startsWith('-') && isWorkspaceFileName(arg))
    .at(-1);
}
