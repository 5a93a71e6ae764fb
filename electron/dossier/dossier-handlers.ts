import type { Handlers } from '../api/dispatcher';
import type { Session } from '../api/session';
import { agentDossier } from './agent-dossier';

export function dossierHandlers(session: Session) {
  return {
    agentDossier: ({ id }) => agentDossier(session.workspace().db, id, session.advisoryLookup()),
  } satisfies Partial<Handlers>;
}
