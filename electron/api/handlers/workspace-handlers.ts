import type { Handlers } from '../dispatcher';
import type { Session } from '../session';

export function workspaceHandlers(session: Session) {
  return {
    currentWorkspace: () => session.info(),
    recentWorkspaces: () => session.state.recent(),
    createWorkspace: ({ path }) => session.create(path),
    openWorkspace: ({ path }) => session.open(path),
    saveWorkspaceAs: ({ path }) => session.saveAs(path),
    openDemoWorkspace: ({ reset }) => session.openDemo(reset),
  } satisfies Partial<Handlers>;
}
