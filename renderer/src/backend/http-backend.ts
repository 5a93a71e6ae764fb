import type { Backend, InputOf, MethodName, OutputOf } from '../../../shared/contract';
import { BackendError, type ApiResult } from '../../../shared/errors';
import { API_PATH_PREFIX } from '../../../shared/wire';
import { backendFromCall } from './backend-from-call';
import { unwrapResult } from './unwrap-result';

export interface HttpBackendOptions {
  /** Origin of the local web host, e.g. http://127.0.0.1:5174; used for requests and messages. */
  origin: string;
  token: string | null;
  fetch: typeof fetch;
}

export function createHttpBackend({ origin, token, fetch: fetchImpl }: HttpBackendOptions): Backend {
  const hostUnreachable = (why: string) =>
    new BackendError('internal', `The local host at ${origin} did not answer (${why}); is \`npm run serve\` still running?`);

  return backendFromCall(async <M extends MethodName>(method: M, input: InputOf<M>) => {
    let response: Response;
    try {
      response = await fetchImpl(`${origin}${API_PATH_PREFIX}${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(input ?? {}),
      });
    } catch {
      throw hostUnreachable('network error');
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      throw hostUnreachable(`HTTP ${response.status} without a JSON reply`);
    }
    if (!isApiResult<OutputOf<M>>(body)) throw hostUnreachable(`HTTP ${response.status} with an unexpected reply`);
    return unwrapResult(body);
  });
}

/** Checks the envelope only: the value is trusted to match the contract, since the host runs this build's dispatcher. */
function isApiResult<T>(body: unknown): body is ApiResult<T> {
  if (typeof body !== 'object' || body === null || !('ok' in body)) return false;
  if (body.ok === true) return 'value' in body;
  if (body.ok !== false || !('error' in body)) return false;
  const error = body.error;
  return (
    typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    typeof error.code === 'string' &&
    'message' in error &&
    typeof error.message === 'string'
  );
}
