/**
 * The renderer's Content-Security-Policy. No inline scripts or styles and no remote content:
 * imported text can never become code.
 */
const DOCUMENT_DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
];

/** What the Electron session and the web host send as a header: the whole policy. */
export const CONTENT_SECURITY_POLICY = [...DOCUMENT_DIRECTIVES, "frame-ancestors 'none'"].join('; ');

/**
 * The meta tag in renderer/index.html (tests keep them equal): the same policy less
 * frame-ancestors, which browsers ignore in a meta tag and warn about on every load.
 */
export const META_CONTENT_SECURITY_POLICY = DOCUMENT_DIRECTIVES.join('; ');
