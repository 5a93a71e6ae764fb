import type { AppInfo } from '../../../shared/contract';
import type { Handlers } from '../dispatcher';
import type { Session } from '../session';

export function appHandlers(session: Session) {
  const info = (): AppInfo => ({
    version: session.options.version,
    host: session.options.host,
    actor: session.actor,
    nativeDialogs: session.options.nativeDialogs ?? false,
  });
  return {
    appInfo: info,
    setActor: ({ actor }) => {
      session.state.actor = actor;
      return info();
    },
  } satisfies Partial<Handlers>;
}
