import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { setTimeout as delay } from 'node:timers/promises';
import { BrowserWindow, type WebContents } from 'electron';
import { BackendError } from '../../shared/errors';
import { marginTemplates, REPORT_READY_ATTRIBUTE, reportRouteHash, type ReportPrinter } from '../report/report-printer';
import { HARDENED_WEB_PREFERENCES, type RendererLocation } from './security-policy';

const READY_TIMEOUT_MS = 120_000;
/** printToPDF takes margins in inches: the same 16 mm top and bottom, 14 mm sides as the Chromium printer. */
const MARGINS_INCHES = { top: 16 / 25.4, bottom: 16 / 25.4, left: 14 / 25.4, right: 14 / 25.4 };

/**
 * The desktop app's printer: the report route in a hidden window of the app's own renderer (same
 * preload, same hardening), printed with printToPDF. `printWindows` holds its web contents while it
 * prints, so the IPC bridge answers its calls as it answers the app window's.
 */
export function electronReportPrinter(location: RendererLocation, printWindows: Set<WebContents>): ReportPrinter {
  return {
    async print({ sections, outPath, margins, signal, progress }) {
      progress(0, 3, 'Laying out the report');
      const window = new BrowserWindow({
        show: false,
        width: 900,
        height: 1200,
        webPreferences: { ...HARDENED_WEB_PREFERENCES, preload: fileURLToPath(new URL('../preload/index.cjs', import.meta.url)) },
      });
      printWindows.add(window.webContents);
      const close = () => window.destroy();
      signal.addEventListener('abort', close, { once: true });
      try {
        await window.loadURL(`${location.appUrl}${reportRouteHash(sections)}`);
        const started = Date.now();
        for (;;) {
          if (signal.aborted) throw new BackendError('cancelled', 'Cancelled; no PDF was written.');
          const ready = (await window.webContents.executeJavaScript(`document.querySelector('[${REPORT_READY_ATTRIBUTE}]')?.getAttribute('${REPORT_READY_ATTRIBUTE}') ?? null`)) as string | null;
          if (ready === 'true') break;
          if (ready === 'error') throw new BackendError('internal', 'The report could not be laid out; open the Reports page to see why.');
          if (Date.now() - started > READY_TIMEOUT_MS) throw new BackendError('internal', 'The report took too long to lay out.');
          await delay(100);
        }
        progress(1, 3, 'Printing pages');
        const pdf = await window.webContents.printToPDF({ pageSize: 'A4', printBackground: true, displayHeaderFooter: true, ...marginTemplates(margins), margins: MARGINS_INCHES });
        if (signal.aborted) throw new BackendError('cancelled', 'Cancelled; no PDF was written.');
        progress(2, 3, 'Saving');
        await writeFile(outPath, pdf);
      } catch (err) {
        if (signal.aborted) throw new BackendError('cancelled', 'Cancelled; no PDF was written.');
        throw err;
      } finally {
        signal.removeEventListener('abort', close);
        printWindows.delete(window.webContents);
        if (!window.isDestroyed()) window.destroy();
      }
    },
  };
}
