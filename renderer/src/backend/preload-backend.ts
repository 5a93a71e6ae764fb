import type { Backend } from '../../../shared/contract';
import type { ContractBridge } from '../../../shared/wire';
import { backendFromCall } from './backend-from-call';
import { unwrapResult } from './unwrap-result';

export function createPreloadBackend(bridge: ContractBridge): Backend {
  return backendFromCall(async (method, input) => unwrapResult(await bridge[method](input)));
}
