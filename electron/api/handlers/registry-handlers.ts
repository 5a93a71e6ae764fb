import type { Handlers } from '../dispatcher';
import type { Session } from '../session';

export function registryHandlers(_session: Session) {
  return {} satisfies Partial<Handlers>;
}
