import type { Handlers } from '../api/dispatcher';
import type { Session } from '../api/session';
import { agentDossier } from '../dossier/agent-dossier';
import { evaluateChecklist } from './evaluate-checklist';

export function triageHandlers(session: Session) {
  return {
    agentChecklist: ({ agentId }) => evaluateChecklist(agentDossier(session.workspace().db, agentId, session.advisoryLookup())),
  } satisfies Partial<Handlers>;
}
