import { contract, isMethodName, type MethodName, type OutputOf, type ParsedInputOf } from '../../shared/contract';
import { BackendError, type ApiResult } from '../../shared/errors';

/** What every handler learns about the call besides its input. */
export interface CallContext {
  /** Who the audit log names for changes made by this call. */
  actor: string;
  /** How the call came in: 'ui' (Electron or web renderer), 'cli', 'test'. */
  via: string;
}

export type Handlers = {
  [M in MethodName]: (input: ParsedInputOf<M>, ctx: CallContext) => OutputOf<M> | Promise<OutputOf<M>>;
};

export type Dispatch = (method: unknown, input: unknown, ctx: CallContext) => Promise<ApiResult<unknown>>;

/** Finds a method's handler; the engine loads a capability's handlers on the first call of one of its methods. */
export type HandlerOf = (method: MethodName) => Handlers[MethodName] | Promise<Handlers[MethodName]>;

/**
 * The single entry into the engine for every host. Input is parsed with the method's schema
 * before a handler sees it, and every failure comes back as serialisable data, never a throw,
 * so IPC, HTTP and the CLI all report the same message.
 */
export function createDispatcher(handlerOf: HandlerOf, onInternalError: (err: unknown, method: string) => void = () => {}): Dispatch {
  return async (method, input, ctx) => {
    if (!isMethodName(method)) {
      return { ok: false, error: { code: 'unknown-method', message: `There is no backend method named "${String(method).slice(0, 100)}".` } };
    }
    const parsed = contract[method].input.safeParse(input ?? {});
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
      const first = issues[0];
      const where = first && first.path ? ` at ${first.path}` : '';
      return {
        ok: false,
        error: { code: 'invalid-input', message: `Invalid input for ${method}${where}: ${first?.message ?? 'does not match the schema'}.`, details: issues },
      };
    }
    try {
      const handler = (await handlerOf(method)) as (i: unknown, c: CallContext) => unknown;
      const value = await handler(parsed.data, ctx);
      return { ok: true, value };
    } catch (err) {
      if (err instanceof BackendError) return { ok: false, error: err.toData() };
      onInternalError(err, method);
      const message = err instanceof Error ? err.message : String(err);
      return { ok: false, error: { code: 'internal', message: `${method} failed unexpectedly: ${message}. The workspace was not changed; please report this.` } };
    }
  };
}
