import type { Handlers } from '../api/dispatcher';
import type { Session } from '../api/session';
import { agentDrift, markReviewed } from './agent-reviews';

export function reviewHandlers(session: Session) {
  const db = () => session.workspace().db;
  return {
    markReviewed: ({ agentId, note }, ctx) => {
      markReviewed(db(), agentId, note, ctx, session.advisoryLookup());
      return agentDrift(db(), agentId, session.advisoryLookup());
    },
    agentDrift: ({ agentId }) => agentDrift(db(), agentId, session.advisoryLookup()),
  } satisfies Partial<Handlers>;
}
