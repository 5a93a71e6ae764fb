import { BackendError, type ApiResult } from '../../../shared/errors';

export function unwrapResult<T>(result: ApiResult<T>): T {
  if (result.ok) return result.value;
  throw BackendError.fromData(result.error);
}
