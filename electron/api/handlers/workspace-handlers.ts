import type { Handlers } from '../dispatcher';
import type { Session } from '../session';

export function workspaceHandlers(session: Session) {
  return {
    currentWorkspace: () => session.info(),
    recentWorkspaces: () => session.state.recent(),
    createWorkspace: ({ path, overwrite }) => session.create(path, overwrite),
    openWorkspace: ({ path }) => session.open(path),
    saveWorkspaceAs: ({ path, overwrite }) => session.saveAs(path, overwrite),
    openDemoWorkspace: ({ reset }) => session.openDemo(reset),
  } satisfies Partial<Handlers>;
}
