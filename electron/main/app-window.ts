import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog } from 'electron';
import { SAVE_THEN_CLOSE_CHANNEL } from '../../shared/wire';
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
  askBeforeLosingEdits(window);
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

/**
 * The page refuses to unload (beforeunload) while an agent has unsaved edits. Electron would then
 * just not close, without a word; ask here instead: Save (the page saves, then closes the
 * window), Discard (close anyway) or Stay.
 */
function askBeforeLosingEdits(window: BrowserWindow): void {
  window.webContents.on('will-prevent-unload', (event) => {
    const choice = dialog.showMessageBoxSync(window, {
      type: 'question',
      title: PRODUCT_NAME,
      message: 'Save your changes?',
      detail: 'This agent has changes that are not saved yet. Save them before closing, discard them, or stay.',
      buttons: ['Save', 'Discard', 'Stay'],
      defaultId: 0,
      cancelId: 2,
      noLink: true,
    });
    if (choice === 1) event.preventDefault(); // preventDefault lets the unload go ahead
    else if (choice === 0) window.webContents.send(SAVE_THEN_CLOSE_CHANNEL);
  });
}
