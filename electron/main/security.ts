import { app, session, shell } from 'electron';
import {
  CONTENT_SECURITY_POLICY,
  isAllowedNavigation,
  isAllowedRequest,
  isExternalWebLink,
  isPermissionGranted,
  type RendererLocation,
} from './security-policy';

/**
 * Wires the policy in security-policy.ts into Electron. Call before any window exists: the
 * guards attach to every web contents as it is created, so none can slip through.
 */
export function enforceSecurityPolicy(location: RendererLocation): void {
  app.on('web-contents-created', (_event, contents) => {
    const refuseUnlessAppPage = (event: { preventDefault(): void }, url: string) => {
      if (!isAllowedNavigation(url, location.appUrl)) event.preventDefault();
    };
    // will-frame-navigate covers the top frame and iframes; will-redirect covers server redirects.
    contents.on('will-frame-navigate', (event) => refuseUnlessAppPage(event, event.url));
    contents.on('will-redirect', (event) => refuseUnlessAppPage(event, event.url));
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      // A link meant for the user's browser goes there; the app never opens a second window.
      if (isExternalWebLink(url)) void shell.openExternal(url);
      return { action: 'deny' };
    });
  });
}

/** Session-wide rules; needs the app to be ready. */
export function enforceSessionPolicy(location: RendererLocation): void {
  const { defaultSession } = session;
  defaultSession.setPermissionRequestHandler((_contents, permission, grant) => grant(isPermissionGranted(permission)));
  defaultSession.setPermissionCheckHandler((_contents, permission) => isPermissionGranted(permission));
  defaultSession.webRequest.onBeforeRequest({ urls: ['<all_urls>'] }, (details, respond) => {
    respond({ cancel: !isAllowedRequest(details.url, location) });
  });
  defaultSession.webRequest.onHeadersReceived((details, respond) => {
    respond({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
}
