import { auditOf } from '../store/audit-log';
import { createAgent, getAgentDetail, listAgents, updateAgent } from './agents-repository';
import type { Handlers } from '../api/dispatcher';
import type { Session } from '../api/session';

export function agentHandlers(session: Session) {
  const db = () => session.workspace().db;
  return {
    listAgents: (query) => listAgents(db(), query),
    getAgent: ({ id }) => getAgentDetail(db(), id),
    createAgent: ({ draft }, ctx) => getAgentDetail(db(), createAgent(db(), draft, ctx)),
    updateAgent: ({ id, patch }, ctx) => {
      updateAgent(db(), id, patch, ctx);
      return getAgentDetail(db(), id);
    },
    agentAudit: ({ id }) => {
      getAgentDetail(db(), id); // a clear not-found instead of an empty log for a wrong id
      return auditOf(db(), 'agent', id);
    },
  } satisfies Partial<Handlers>;
}
