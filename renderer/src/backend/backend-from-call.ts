import { METHOD_NAMES, type Backend, type InputOf, type MethodName, type OutputOf } from '../../../shared/contract';

export type CallMethod = <M extends MethodName>(method: M, input: InputOf<M>) => Promise<OutputOf<M>>;

/** Built from METHOD_NAMES so a method added to the contract exists on every transport without another edit. */
export function backendFromCall(call: CallMethod): Backend {
  const backend: Partial<Record<MethodName, unknown>> = {};
  for (const method of METHOD_NAMES) backend[method] = (input: InputOf<typeof method>) => call(method, input);
  return backend as Backend;
}
