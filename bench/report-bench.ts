import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import type { ExportedFile, JobStatus } from '../shared/contract';
import { REPORT_SECTIONS } from '../shared/report';
import { createEngine } from '../electron/api/engine';
import type { Engine } from '../electron/api/engine-types';
import { startWebHost, type WebHost } from '../electron/hosts/web-host';
import { CHROMIUM_PRINT_ARGS, chromiumReportPrinter, findChromium } from '../electron/report/chromium-printer';
import { marginTemplates, PAGE_MARGINS } from '../electron/report/report-printer';
import { fmt, medianMs, row } from './stats';
import { buildTriagedWorkspace } from './triage-bench';

const AGENTS = 300;
const CALLS = 30_000;
const RUNS = 3;

/** Pages of a PDF Chromium wrote: its page objects, counted in the file (Chromium does not compress the object dictionaries). */
function pageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
}

async function call<T>(engine: Engine, method: Parameters<Engine['dispatch']>[0], input: unknown): Promise<T> {
  const result = await engine.dispatch(method, input, { actor: 'bench', via: 'bench' });
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value as T;
}

/** One PDF export as the Reports page makes it: start the job, poll it, take the file. */
async function exportPdf(engine: Engine): Promise<Buffer> {
  const job = await call<JobStatus>(engine, 'startReportPdf', { sections: [...REPORT_SECTIONS] });
  for (;;) {
    const status = await call<JobStatus>(engine, 'getJob', { jobId: job.id });
    if (status.state === 'succeeded') break;
    if (status.state !== 'running') throw new Error(`The export ${status.state}: ${status.error?.message ?? ''}`);
    await delay(50);
  }
  const file = await call<ExportedFile>(engine, 'takeReportPdf', { jobId: job.id });
  return Buffer.from(file.contentBase64, 'base64');
}

/** A static document of about `pages` A4 pages (a long table), the reference for what Chromium itself takes to print that much. */
function staticReference(pages: number): string {
  const rows = Array.from({ length: pages * 38 }, (_, i) => `<tr><td>agent-${i}</td><td>Person ${i}</td><td>cron</td><td>production</td><td>Reaches ${i % 40} data sources</td></tr>`).join('');
  return `<!doctype html><meta charset="utf-8"><style>body{font:10pt sans-serif}table{width:100%;border-collapse:collapse}td{border-bottom:1px solid #ccc;padding:3px}tr{break-inside:avoid}</style><table><thead><tr><th>Agent</th><th>Owner</th><th>Trigger</th><th>Env</th><th>Reach</th></tr></thead><tbody>${rows}</tbody></table>`;
}

/**
 * `npm run bench report`: the executive report of a 300-agent workspace (scanned code, IAM roles,
 * 30,000 LLM calls) exported to PDF the way the web host does it (a job; Chromium printing the
 * report route of a local web host), against Chromium printing a static HTML file of as many pages.
 */
export async function reportBench(): Promise<void> {
  console.log(`\nReport: the executive PDF of ${AGENTS} agents (all sections)`);
  const browser = findChromium(process.env);
  const rendererDir = resolve('out/renderer');
  if (!browser) return console.log('  skipped: no Chromium or Chrome found (set CHROME_PATH)');
  if (!existsSync(join(rendererDir, 'index.html'))) return console.log('  skipped: the renderer is not built (run `npm run build`)');
  const dir = mkdtempSync(join(tmpdir(), 'atw-report-bench-'));
  let host: WebHost | null = null;
  try {
    const { ws } = await buildTriagedWorkspace(dir, AGENTS, CALLS);
    ws.close();
    const engine = await createEngine({
      homeDir: join(dir, 'home'),
      host: 'web',
      version: 'bench',
      defaultActor: 'bench',
      openLastWorkspace: false,
      recordRecent: false,
      reportPrinter: () => chromiumReportPrinter(browser, () => host!.urlWithToken),
    });
    try {
      await call(engine, 'openWorkspace', { path: join(dir, 'w.atw') });
      host = await startWebHost({ engine, rendererDir });
      row('report read model (executiveReport), median of 3', fmt(await medianMs(3, () => call(engine, 'executiveReport', {}))));
      let pdf: Buffer = Buffer.alloc(0);
      const exportMs = await medianMs(RUNS, async () => (pdf = await exportPdf(engine)));
      const pages = pageCount(pdf);
      row(`PDF export, median of ${RUNS} (job, layout, print, hand-over)`, fmt(exportMs), '< 10 s');
      row('PDF size and pages', `${(pdf.length / 1_048_576).toFixed(2)} MB, ${pages} pages`);

      writeFileSync(join(dir, 'reference.html'), staticReference(pages));
      const { chromium } = await import('playwright-core');
      const reference = await medianMs(RUNS, async () => {
        const b = await chromium.launch({ executablePath: browser, args: CHROMIUM_PRINT_ARGS, headless: true });
        try {
          const page = await b.newPage();
          await page.goto(pathToFileURL(join(dir, 'reference.html')).href);
          await page.pdf({ path: join(dir, 'reference.pdf'), format: 'A4', displayHeaderFooter: true, ...marginTemplates({ header: 'reference', footer: 'reference' }), margin: PAGE_MARGINS });
        } finally {
          await b.close();
        }
      });
      row(`reference: Chromium printing a static ${pages}-page HTML table, median of ${RUNS}`, fmt(reference));
      row('reference PDF size', `${(statSync(join(dir, 'reference.pdf')).size / 1_048_576).toFixed(2)} MB`);
      row('report export over the reference', `${(exportMs / reference).toFixed(1)}x`);
    } finally {
      await host?.close();
      await engine.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
