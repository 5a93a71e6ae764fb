import { existsSync } from 'node:fs';
import { BackendError } from '../../shared/errors';
import { marginTemplates, PAGE_MARGINS, REPORT_READY_ATTRIBUTE, reportRouteHash, type PrintRequest, type ReportPrinter } from './report-printer';

/** Where Chromium or Chrome usually lives, after the paths the person names. */
const KNOWN_BROWSERS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/snap/bin/chromium',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
];

/** Flags for a headless print with nothing phoning home: the workstation is offline by design. */
export const CHROMIUM_PRINT_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export const NO_BROWSER_MESSAGE =
  'No Chromium or Google Chrome was found to print the PDF. Install Chromium (Debian/Ubuntu: `sudo apt-get install chromium`; Fedora: `sudo dnf install chromium`; macOS: `brew install --cask chromium`) or Google Chrome, or set CHROME_PATH to the browser’s executable.';

/** The system browser to print with: CHROME_PATH or CHROMIUM_PATH first, then the usual install places; null when there is none. */
export function findChromium(env: Record<string, string | undefined>, exists: (path: string) => boolean = existsSync): string | null {
  for (const named of [env.CHROME_PATH, env.CHROMIUM_PATH]) {
    if (named && named.trim() !== '') return exists(named) ? named : null;
  }
  return KNOWN_BROWSERS.find((p) => exists(p)) ?? null;
}

export function requireChromium(env: Record<string, string | undefined>): string {
  const found = findChromium(env);
  if (found === null) {
    const named = env.CHROME_PATH ?? env.CHROMIUM_PATH;
    throw new BackendError('not-found', named ? `CHROME_PATH names ${named}, which does not exist. ${NO_BROWSER_MESSAGE}` : NO_BROWSER_MESSAGE);
  }
  return found;
}

/** How long the route may take to lay the report out before the print gives up (a 2,000-agent appendix takes seconds, not minutes). */
const READY_TIMEOUT_MS = 120_000;

/**
 * Prints the report route served by a local web host with the system Chromium, driven by
 * playwright-core. `pageUrl` is the host's address with its token (known only once it listens).
 */
export function chromiumReportPrinter(executablePath: string, pageUrl: () => string): ReportPrinter {
  return {
    async print(request: PrintRequest): Promise<void> {
      const { signal, progress } = request;
      const steps = 4;
      progress(0, steps, 'Starting the browser');
      const { chromium } = await import('playwright-core');
      const browser = await chromium.launch({ executablePath, args: CHROMIUM_PRINT_ARGS, headless: true });
      const stop = () => void browser.close().catch(() => undefined);
      signal.addEventListener('abort', stop, { once: true });
      try {
        throwIfAborted(signal);
        const page = await browser.newPage();
        progress(1, steps, 'Laying out the report');
        await page.goto(`${pageUrl()}${reportRouteHash(request.sections)}`);
        const root = await page.waitForSelector(`[${REPORT_READY_ATTRIBUTE}="true"], [${REPORT_READY_ATTRIBUTE}="error"]`, { timeout: READY_TIMEOUT_MS });
        if ((await root.getAttribute(REPORT_READY_ATTRIBUTE)) === 'error') throw new BackendError('internal', `The report could not be laid out: ${(await root.textContent())?.trim() ?? 'no reason given'}`);
        throwIfAborted(signal);
        progress(2, steps, 'Printing pages');
        await page.emulateMedia({ media: 'print' });
        await page.pdf({ path: request.outPath, format: 'A4', printBackground: true, displayHeaderFooter: true, ...marginTemplates(request.margins), margin: PAGE_MARGINS });
        throwIfAborted(signal);
        progress(3, steps, 'Saving');
      } catch (err) {
        // A print stopped by cancel fails with "browser closed": say cancelled instead.
        throwIfAborted(signal);
        throw err;
      } finally {
        signal.removeEventListener('abort', stop);
        await browser.close().catch(() => undefined);
      }
    },
  };
}

function throwIfAborted(signal: AbortSignal): void {
  if (signal.aborted) throw new BackendError('cancelled', 'Cancelled; no PDF was written.');
}
