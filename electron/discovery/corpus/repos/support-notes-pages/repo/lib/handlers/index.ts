import { replyHandler } from './reply';
import { summaryHandler } from './summary';

// Tools look their handler up here by kind.
export const noteHandlers = {
  reply: replyHandler,
  summary: summaryHandler,
};
