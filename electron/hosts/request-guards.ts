import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/**
 * Why a request must be refused before it reaches a route, or null when it may proceed.
 *
 * The host listens on loopback only, but a web page in the same browser can still aim requests
 * at it: by DNS rebinding (a foreign name resolving to 127.0.0.1, visible in the Host header) or
 * by a cross-site fetch or form post (visible in Origin and Sec-Fetch-Site).
 */
export function foreignRequestReason(headers: IncomingHttpHeaders, port: number): string | null {
  const ownHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  const host = headers.host?.toLowerCase();
  if (host === undefined || !ownHosts.includes(host)) {
    return `This server only answers requests addressed to http://127.0.0.1:${port}/.`;
  }
  const origin = headers.origin?.toLowerCase();
  if (origin !== undefined && !ownHosts.some((own) => origin === `http://${own}`)) {
    return 'Requests from other web pages are refused.';
  }
  // Another port on localhost is 'same-site' to the browser but is not this app.
  const site = headers['sec-fetch-site'];
  if (site === 'cross-site' || site === 'same-site') {
    return 'Requests from other web pages are refused.';
  }
  return null;
}

/** Checks `Authorization: Bearer <token>` against the launch token without leaking timing. */
export function createBearerCheck(token: string): (authorization: string | undefined) => boolean {
  // Comparing digests gives equal-length buffers, so the time taken does not reveal the token's length either.
  const expected = createHash('sha256').update(token).digest();
  return (authorization) => {
    const presented = /^Bearer (\S+)$/i.exec(authorization ?? '')?.[1];
    if (presented === undefined) return false;
    return timingSafeEqual(createHash('sha256').update(presented).digest(), expected);
  };
}

/** Only `application/json` bodies: an HTML form cannot send that type, so a cross-site form post never parses. */
export function isJsonContentType(contentType: string | undefined): boolean {
  const mediaType = contentType?.split(';')[0]?.trim().toLowerCase();
  return mediaType === 'application/json';
}
