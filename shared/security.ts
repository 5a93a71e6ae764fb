/**
 * The renderer's Content-Security-Policy: the meta tag in renderer/index.html, the Electron
 * session header and the web host header are all this string (tests keep the meta tag equal).
 * No inline scripts or styles and no remote content: imported text can never become code.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');
