import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ERROR_CODES } from '../../../shared/errors';
import { REPORT_SECTIONS, type ReportSection } from '../../../shared/report';
import type { WebHost } from '../../hosts/web-host';
import { CliError, usageError, type CliCommand } from '../command';
import { callEngine, withWorkspaceArg } from '../engine-session';
import { deliverExportedFile } from '../exported-file';
import { waitForJob } from '../wait-for-job';
import { bundledRendererDir } from './serve';

export const reportCommand: CliCommand = {
  words: ['report'],
  summary: 'Print the executive report of a workspace to PDF (with the system Chromium or Chrome)',
  options: [
    { name: 'workspace', type: 'string', valueName: 'W', required: true, description: 'Workspace file to report on (must exist)' },
    { name: 'pdf', type: 'string', valueName: 'FILE', required: true, description: 'Where to write the PDF (replaced whole, never half-written)' },
    { name: 'sections', type: 'string', valueName: 'a,b,c', description: `Sections, in report order whatever the order given: ${REPORT_SECTIONS.join(', ')}; default: all` },
  ],
  notes: [
    'The report is laid out by the same page the app previews and printed by Chromium or Google Chrome (found on the usual paths, or set CHROME_PATH).',
    'Progress goes to stderr; Ctrl+C cancels and leaves no file.',
  ],
  async run(ctx) {
    const out = ctx.text('pdf');
    if (out === undefined || out.trim() === '') throw usageError('Name the PDF to write with --pdf FILE.');
    const sections = parseSections(ctx.text('sections'));
    const rendererDir = ctx.io.rendererDir ?? bundledRendererDir();
    if (!existsSync(join(rendererDir, 'index.html'))) {
      throw new CliError('not-found', `The UI the report is laid out with is not built (${join(rendererDir, 'index.html')} is missing): run \`npm run build\` first.`);
    }
    const { chromiumReportPrinter, requireChromium } = await import('../../report/chromium-printer');
    const { startWebHost } = await import('../../hosts/web-host');
    // Before the workspace is opened: a missing browser is the first thing to say.
    const browser = requireChromiumForCli(ctx.io.env, requireChromium);
    let host: WebHost | null = null;
    const reportPrinter = () => chromiumReportPrinter(browser, () => host!.urlWithToken);
    await withWorkspaceArg(ctx, { host: 'cli', openLastWorkspace: false, reportPrinter }, { createIfMissing: false }, async (engine, workspace) => {
      host = await startWebHost({ engine, rendererDir });
      try {
        const { id } = await callEngine(engine, 'startReportPdf', { sections });
        const job = await waitForJob(engine, id, ctx, { logSteps: true });
        if (job.state === 'cancelled') throw new CliError('cancelled', 'The PDF export was cancelled; no file was written.');
        if (job.state !== 'succeeded') {
          const code = ERROR_CODES.find((c) => c === job.error?.code) ?? 'internal';
          throw new CliError(code, job.error?.message ?? 'The PDF export ended without a result.');
        }
        const pdf = await callEngine(engine, 'takeReportPdf', { jobId: id });
        await deliverExportedFile(ctx, pdf, out, { what: `the executive report of ${workspace.name}`, format: 'pdf' });
      } finally {
        await host.close();
      }
    });
  },
};

function parseSections(given: string | undefined): ReportSection[] {
  if (given === undefined) return [...REPORT_SECTIONS];
  const names = given.split(',').map((s) => s.trim()).filter((s) => s !== '');
  const unknown = names.filter((n) => !REPORT_SECTIONS.some((s) => s === n));
  if (unknown.length > 0) throw usageError(`Unknown report section${unknown.length === 1 ? '' : 's'} ${unknown.map((u) => `"${u}"`).join(', ')}: choose from ${REPORT_SECTIONS.join(', ')}.`);
  if (names.length === 0) throw usageError(`--sections names no section: choose from ${REPORT_SECTIONS.join(', ')}.`);
  return REPORT_SECTIONS.filter((s) => names.includes(s));
}

function requireChromiumForCli(env: Record<string, string | undefined>, requireChromium: (env: Record<string, string | undefined>) => string): string {
  try {
    return requireChromium(env);
  } catch (err) {
    throw new CliError('not-found', err instanceof Error ? err.message : String(err));
  }
}
