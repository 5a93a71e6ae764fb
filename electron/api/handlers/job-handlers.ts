import type { Handlers } from '../dispatcher';
import type { Session } from '../session';

export function jobHandlers(session: Session) {
  return {
    getJob: ({ jobId }) => session.jobs.get(jobId),
    cancelJob: ({ jobId }) => session.jobs.cancel(jobId),
  } satisfies Partial<Handlers>;
}
