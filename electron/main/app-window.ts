import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow } from 'electron';
import { resourcesDir } from '../resources-dir';
import { HARDENED_WEB_PREFERENCES, type RendererLocation } from './security-policy';

const PRODUCT_NAME = 'Agent Triage Workstation';

/** The built renderer next to this bundle, or the Vite dev server that `electron-vite dev` announces. */
export function rendererLocation(): RendererLocation {
  const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
  if (devServerUrl) return { appUrl: devServerUrl, devServerUrl };
  return { appUrl: new URL('../renderer/index.html', import.meta.url).href };
}

export function createAppWindow(location: RendererLocation): BrowserWindow {
  const window = new BrowserWindow({
    title: PRODUCT_NAME,
    width: 1440,
    height: 900,
    minWidth: 1024,
    minHeight: 640,
    // Shown once painted, so the user never sees an empty frame.
    show: false,
    ...windowIcon(),
    webPreferences: {
      ...HARDENED_WEB_PREFERENCES,
      preload: fileURLToPath(new URL('../preload/index.cjs', import.meta.url)),
    },
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(location.appUrl);
  return window;
}

// Installed builds take the icon from the package (.desktop, .icns, .ico); this is for running from source on Linux.
function windowIcon(): { icon?: string } {
  if (process.platform !== 'linux' || app.isPackaged) return {};
  try {
    const icon = join(resourcesDir(), 'icons', 'icon.png');
    return existsSync(icon) ? { icon } : {};
  } catch {
    return {};
  }
}
