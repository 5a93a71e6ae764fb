/**
 * The Electron security baseline as plain data and pure predicates. No `electron` import, so the
 * policy itself is unit-tested (security-policy.test.ts) and security.ts only wires it in.
 */

/** Where the renderer is loaded from: the built file:// page, or the Vite dev server in development. */
export interface RendererLocation {
  /** URL of the page the window loads (file:///…/out/renderer/index.html or http://localhost:5173/). */
  appUrl: string;
  /** Set only in development: requests to this origin are the renderer's own. */
  devServerUrl?: string;
}

/** Spread into `new BrowserWindow({ webPreferences: { ...HARDENED_WEB_PREFERENCES, preload } })`. */
export const HARDENED_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  experimentalFeatures: false,
  navigateOnDragDrop: false,
  // Spellcheck would send typed text to a dictionary service on some platforms.
  spellcheck: false,
} as const satisfies Record<string, boolean>;

export { CONTENT_SECURITY_POLICY } from '../../shared/security';

/**
 * Permissions the page may use without asking. Only the sanitised clipboard write: the UI copies
 * ids and fingerprints, and writing plain text cannot read anything back. Everything else
 * (camera, geolocation, notifications, clipboard read, …) is denied.
 */
export const GRANTED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

export function isPermissionGranted(permission: string): boolean {
  return GRANTED_PERMISSIONS.has(permission);
}

function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** file:// URLs compare by path (query and hash are in-page state); http(s) by origin. */
function isSamePage(candidate: URL, app: URL): boolean {
  if (candidate.protocol !== app.protocol) return false;
  if (app.protocol === 'file:') return candidate.host === app.host && candidate.pathname === app.pathname;
  return candidate.origin === app.origin;
}

/** The window may only (re)load the renderer itself: a reload or a hash route, never another page. */
export function isAllowedNavigation(url: string, appUrl: string): boolean {
  const candidate = parseUrl(url);
  const app = parseUrl(appUrl);
  return candidate !== null && app !== null && isSamePage(candidate, app);
}

/** Only the frame showing our renderer may call the engine; an iframe or a navigated-away page may not. */
export function isTrustedSenderUrl(url: string, location: RendererLocation): boolean {
  return isAllowedNavigation(url, location.appUrl);
}

const NETWORK_SCHEMES = new Set(['http:', 'https:', 'ws:', 'wss:', 'ftp:']);

/**
 * No remote content: network requests are cancelled unless they go to the dev server, and file
 * requests must stay inside the renderer's own folder so a page cannot read other local files.
 * Other schemes (data:, blob:, devtools:, chrome:) are in-process and left to the CSP.
 */
export function isAllowedRequest(url: string, location: RendererLocation): boolean {
  const candidate = parseUrl(url);
  if (candidate === null) return false;
  if (NETWORK_SCHEMES.has(candidate.protocol)) {
    const devServer = location.devServerUrl ? parseUrl(location.devServerUrl) : null;
    return devServer !== null && candidate.host === devServer.host;
  }
  if (candidate.protocol === 'file:') {
    const app = parseUrl(location.appUrl);
    if (app === null || app.protocol !== 'file:') return false;
    const rendererFolder = app.pathname.slice(0, app.pathname.lastIndexOf('/') + 1);
    return candidate.host === app.host && !hasEncodedSeparator(candidate.pathname) && candidate.pathname.startsWith(rendererFolder);
  }
  return true;
}

// The URL parser resolves '..' and '%2e%2e' segments, but not '..%2f': an encoded separator
// could still climb out of the folder once the path is decoded for the disk.
function hasEncodedSeparator(pathname: string): boolean {
  return /%2f|%5c/i.test(pathname);
}

/** Links the user clicks may open in the OS browser, and only web links (never file:, javascript:, custom schemes). */
export function isExternalWebLink(url: string): boolean {
  const candidate = parseUrl(url);
  return candidate !== null && (candidate.protocol === 'https:' || candidate.protocol === 'http:') && candidate.username === '' && candidate.password === '';
}
