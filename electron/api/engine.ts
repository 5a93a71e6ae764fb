import { existsSync } from 'node:fs';
import type { CallContext } from './dispatcher';
import { createDispatcher } from './dispatcher';
import type { Engine, EngineOptions } from './engine-types';
import { lazyHandlers } from './capabilities';
import { Session } from './session';

export type { Engine, EngineOptions } from './engine-types';

/**
 * The engine every host runs: Electron IPC, the local web host, the CLI and the tests all call
 * `dispatch`, which validates input against shared/contract.ts before any handler runs. Handlers
 * load per capability on first use (capabilities.ts), so starting an engine costs only the
 * contract and the session.
 */
export async function createEngine(options: EngineOptions): Promise<Engine> {
  const session = new Session(options);
  const dispatch = createDispatcher(lazyHandlers(session), (err, method) => logInternalError(method, err));
  if (options.openLastWorkspace !== false) await reopenLastWorkspace(session);
  return {
    // Hosts that do not know the person pass an empty actor; the engine fills in who is set.
    dispatch: (method, input, ctx: CallContext) => dispatch(method, input, { ...ctx, actor: ctx.actor || session.actor }),
    close: async () => {
      await session.jobs.cancelAll();
      session.close();
      // After the jobs stopped: no worker is still writing into it.
      session.scratch.remove();
    },
  };
}

/** One line on stderr (hosts stay readable); the stack only when AGENT_TRIAGE_DEBUG is set. */
function logInternalError(method: string, err: unknown): void {
  const detail = process.env.AGENT_TRIAGE_DEBUG && err instanceof Error ? err.stack : err instanceof Error ? err.message : String(err);
  process.stderr.write(`agent-triage: ${method} failed: ${detail}\n`);
}

/** First launch opens the demo; later launches reopen the last workspace, or the demo if it is gone. */
async function reopenLastWorkspace(session: Session): Promise<void> {
  const last = session.state.lastWorkspace;
  if (last && existsSync(last)) {
    try {
      await session.open(last);
      return;
    } catch (err) {
      console.error(`Could not reopen ${last}: ${err instanceof Error ? err.message : String(err)} Opening the demo instead.`);
    }
  }
  await session.openDemo(false);
}
