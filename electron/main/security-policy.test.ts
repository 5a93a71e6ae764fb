import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  HARDENED_WEB_PREFERENCES,
  isAllowedNavigation,
  isAllowedRequest,
  isExternalWebLink,
  isPermissionGranted,
  isTrustedSenderUrl,
  type RendererLocation,
} from './security-policy';
import { META_CONTENT_SECURITY_POLICY } from '../../shared/security';

const APP_URL = 'file:///opt/Agent%20Triage/resources/app.asar/out/renderer/index.html';
const built: RendererLocation = { appUrl: APP_URL };
const dev: RendererLocation = { appUrl: 'http://localhost:5173/', devServerUrl: 'http://localhost:5173' };

describe('web preferences', () => {
  it('isolates the page from Node and Electron', () => {
    expect(HARDENED_WEB_PREFERENCES).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    });
  });
});

describe('content security policy', () => {
  it('allows only the app itself to provide scripts, data and frames', () => {
    const directives = new Map(CONTENT_SECURITY_POLICY.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1).join(' ')]));
    expect(Object.fromEntries(directives)).toEqual({
      'default-src': "'self'",
      'script-src': "'self'",
      'style-src': "'self'",
      'img-src': "'self' data:",
      'connect-src': "'self'",
      'object-src': "'none'",
      'base-uri': "'none'",
      'frame-ancestors': "'none'",
    });
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-|\*|https?:/);
  });

  it('is the same policy the renderer declares in its page, less frame-ancestors (ignored in a meta tag, with a console warning)', () => {
    const page = readFileSync(new URL('../../renderer/index.html', import.meta.url), 'utf8');
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(page);
    expect(meta?.[1]).toBe(META_CONTENT_SECURITY_POLICY);
    expect(meta?.[1]).not.toContain('frame-ancestors');
    expect(CONTENT_SECURITY_POLICY).toBe(`${META_CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`);
  });
});

describe('isAllowedNavigation', () => {
  it('allows reloading the renderer and moving between its hash routes', () => {
    expect(isAllowedNavigation(APP_URL, APP_URL)).toBe(true);
    expect(isAllowedNavigation(`${APP_URL}#/agents/a1`, APP_URL)).toBe(true);
    expect(isAllowedNavigation(`${APP_URL}?view=matrix`, APP_URL)).toBe(true);
  });

  it('refuses any other page, local or remote', () => {
    for (const url of [
      'https://example.com/',
      'http://127.0.0.1:8080/',
      'file:///etc/passwd',
      'file:///opt/Agent%20Triage/resources/app.asar/out/renderer/other.html',
      'file://attacker-host/opt/Agent%20Triage/resources/app.asar/out/renderer/index.html',
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'about:blank',
      'not a url',
    ]) {
      expect(isAllowedNavigation(url, APP_URL), url).toBe(false);
    }
  });

  it('in development, stays on the dev server origin', () => {
    expect(isAllowedNavigation('http://localhost:5173/#/agents', dev.appUrl)).toBe(true);
    expect(isAllowedNavigation('http://localhost:5174/', dev.appUrl)).toBe(false);
    expect(isAllowedNavigation('https://localhost:5173/', dev.appUrl)).toBe(false);
  });
});

describe('isTrustedSenderUrl', () => {
  it('trusts only a frame that shows the renderer', () => {
    expect(isTrustedSenderUrl(`${APP_URL}#/`, built)).toBe(true);
    expect(isTrustedSenderUrl('about:blank', built)).toBe(false);
    expect(isTrustedSenderUrl('https://example.com/', built)).toBe(false);
    expect(isTrustedSenderUrl('', built)).toBe(false);
  });
});

describe('isAllowedRequest', () => {
  it('cancels every network request of the built app', () => {
    for (const url of ['https://example.com/x.js', 'http://127.0.0.1:5173/', 'wss://example.com/socket', 'ftp://example.com/f']) {
      expect(isAllowedRequest(url, built), url).toBe(false);
    }
  });

  it('lets the renderer load its own files and nothing else from disk', () => {
    expect(isAllowedRequest(APP_URL, built)).toBe(true);
    expect(isAllowedRequest('file:///opt/Agent%20Triage/resources/app.asar/out/renderer/assets/index-abc.js', built)).toBe(true);
    expect(isAllowedRequest('file:///opt/Agent%20Triage/resources/app.asar/out/main/index.js', built)).toBe(false);
    expect(isAllowedRequest('file:///opt/Agent%20Triage/resources/app.asar/out/renderer/%2e%2e/main/index.js', built)).toBe(false);
    expect(isAllowedRequest('file:///opt/Agent%20Triage/resources/app.asar/out/renderer/..%2fmain/index.js', built)).toBe(false);
    expect(isAllowedRequest('file:///opt/Agent%20Triage/resources/app.asar/out/renderer/..%5Cmain/index.js', built)).toBe(false);
    expect(isAllowedRequest('file:///home/someone/.ssh/id_ed25519', built)).toBe(false);
    expect(isAllowedRequest('file://server/share/out/renderer/index.html', built)).toBe(false);
  });

  it('leaves in-process schemes to the CSP', () => {
    expect(isAllowedRequest('data:image/png;base64,AAAA', built)).toBe(true);
    expect(isAllowedRequest('devtools://devtools/bundled/devtools_app.html', built)).toBe(true);
  });

  it('in development, allows the dev server (including its HMR socket) and nothing else', () => {
    expect(isAllowedRequest('http://localhost:5173/src/main.tsx', dev)).toBe(true);
    expect(isAllowedRequest('ws://localhost:5173/', dev)).toBe(true);
    expect(isAllowedRequest('http://localhost:5174/', dev)).toBe(false);
    expect(isAllowedRequest('https://example.com/', dev)).toBe(false);
    expect(isAllowedRequest('file:///etc/passwd', dev)).toBe(false);
  });
});

describe('permissions and external links', () => {
  it('grants only the sanitised clipboard write', () => {
    expect(isPermissionGranted('clipboard-sanitized-write')).toBe(true);
    for (const permission of ['clipboard-read', 'media', 'geolocation', 'notifications', 'openExternal', 'fileSystem', 'unknown']) {
      expect(isPermissionGranted(permission), permission).toBe(false);
    }
  });

  it('opens only plain web links in the OS browser', () => {
    expect(isExternalWebLink('https://osv.dev/vulnerability/GHSA-xxxx')).toBe(true);
    expect(isExternalWebLink('http://example.com/')).toBe(true);
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share', 'ms-msdt:/id', 'https://user:pw@example.com/', 'nope']) {
      expect(isExternalWebLink(url), url).toBe(false);
    }
  });
});
