import type { IncomingMessage, ServerResponse } from 'node:http';
import { API_PATH_PREFIX } from '../../shared/wire';
import type { Dispatch } from '../api/dispatcher';
import { REFUSED, sendError, sendJson } from './http-replies';
import { isJsonContentType } from './request-guards';

/** Registry files travel base64 inside the JSON body: the contract allows 140 MB of base64, plus the envelope. */
export const DEFAULT_MAX_API_BODY_BYTES = 150 * 1024 * 1024;

export interface ApiRouteOptions {
  dispatch: Dispatch;
  hasValidToken: (authorization: string | undefined) => boolean;
  maxBodyBytes: number;
}

/** `POST /api/<method>` with a JSON body → `engine.dispatch` → 200 with the ApiResult (shared/wire.ts). */
export async function handleApiRequest(req: IncomingMessage, res: ServerResponse, urlPath: string, options: ApiRouteOptions): Promise<void> {
  if (req.method !== 'POST') {
    sendError(res, 405, REFUSED, 'Backend methods are called with POST.', { Allow: 'POST' });
    return;
  }
  if (!options.hasValidToken(req.headers.authorization)) {
    sendError(res, 401, REFUSED, 'The access token is missing or wrong: open the URL that `agent-triage serve` printed.', {
      'WWW-Authenticate': 'Bearer',
    });
    return;
  }
  if (!urlPath.startsWith(API_PATH_PREFIX) || urlPath.length === API_PATH_PREFIX.length) {
    sendError(res, 404, 'not-found', `Call a backend method as POST ${API_PATH_PREFIX}<method>.`);
    return;
  }
  if (!isJsonContentType(req.headers['content-type'])) {
    sendError(res, 415, REFUSED, 'The request body must be sent as application/json.');
    return;
  }
  const body = await readBodyWithin(req, options.maxBodyBytes);
  if (body === 'too-large') {
    refuseTooLarge(req, res, options.maxBodyBytes);
    return;
  }
  if (body === 'aborted') return;
  let input: unknown;
  try {
    input = JSON.parse(body.toString('utf8'));
  } catch {
    sendError(res, 400, 'invalid-input', 'The request body is not valid JSON.');
    return;
  }
  const method = urlPath.slice(API_PATH_PREFIX.length);
  // The engine names the actor itself (the person set in the app, else the OS user).
  const result = await options.dispatch(method, input, { actor: '', via: 'ui' });
  sendJson(res, 200, result);
}

async function readBodyWithin(req: IncomingMessage, maxBytes: number): Promise<Buffer | 'too-large' | 'aborted'> {
  if (Number(req.headers['content-length'] ?? 0) > maxBytes) return 'too-large';
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > maxBytes) {
        req.off('data', onData);
        chunks.length = 0;
        resolve('too-large');
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', () => resolve('aborted'));
    req.on('close', () => {
      if (!req.complete) resolve('aborted');
    });
  });
}

/**
 * Answers 413 and then drops the connection: reading the rest of an oversized upload only to
 * discard it would let one request hold the host busy.
 */
function refuseTooLarge(req: IncomingMessage, res: ServerResponse, maxBytes: number): void {
  const megabytes = Math.round(maxBytes / (1024 * 1024));
  res.once('finish', () => req.destroy());
  sendError(res, 413, 'invalid-input', `The request is larger than ${megabytes} MB. Import files of at most 100 MB; split bigger ones.`, {
    Connection: 'close',
  });
}
