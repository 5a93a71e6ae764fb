import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';
import type { ApiResult, ErrorCode } from '../../shared/errors';
import { CONTENT_SECURITY_POLICY } from '../../shared/security';

/** A request the host refuses before dispatch (no token, foreign origin, wrong route or method); the HTTP status tells them apart. */
export const REFUSED: ErrorCode = 'access-denied';

/** Set on every response, whatever it carries. */
export function applySecurityHeaders(res: ServerResponse): void {
  res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  // Everything comes from the same machine in microseconds; caching only risks a stale UI after a rebuild.
  res.setHeader('Cache-Control', 'no-store');
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: OutgoingHttpHeaders = {}): void {
  const payload = Buffer.from(JSON.stringify(body), 'utf8');
  res.writeHead(status, { ...headers, 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': payload.length });
  res.end(payload);
}

/** Refusals are ApiResult errors too, so the web client reports them like any failed call. */
export function sendError(res: ServerResponse, status: number, code: ErrorCode, message: string, headers: OutgoingHttpHeaders = {}): void {
  const body: ApiResult<never> = { ok: false, error: { code, message } };
  sendJson(res, status, body, headers);
}
