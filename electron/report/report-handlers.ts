import { randomUUID } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { BackendError } from '../../shared/errors';
import type { Handlers } from '../api/dispatcher';
import type { Session } from '../api/session';
import { executiveReport } from './executive-report';
import { printReportPdf } from './report-pdf-job';
import { reportSettingsOf, setReportSettings } from './report-settings';

/** A file name people recognise, safe on every file system. */
export function reportFileName(engagement: string, day: string): string {
  const base = [...engagement].map((c) => (c.charCodeAt(0) < 32 || '\\/:*?"<>|'.includes(c) ? ' ' : c)).join('').replace(/\s+/g, ' ').trim().slice(0, 80) || 'Agent review';
  return `${base} - executive report ${day}.pdf`;
}

export function reportHandlers(session: Session) {
  const workspace = () => session.workspace();
  /** PDFs of finished jobs waiting to be taken, by job id; kept in the engine's scratch folder. */
  const printed = new Map<string, { path: string; fileName: string }>();

  return {
    executiveReport: (_input, ctx) => {
      const ws = workspace();
      return executiveReport(ws.db, session.advisoryLookup(), ws.name, ctx);
    },
    reportSettings: () => reportSettingsOf(workspace().db, workspace().name),
    setReportSettings: (input, ctx) => setReportSettings(workspace().db, workspace().name, input, ctx),
    startReportPdf: ({ sections }) => {
      const ws = workspace();
      const makePrinter = session.options.reportPrinter;
      if (!makePrinter) throw new BackendError('not-found', 'This host cannot print PDFs: export the report from the desktop app, `npm run serve`, or `agent-triage report`.');
      // Asked now, not inside the job: a missing browser is an answer to the click, not a failed job.
      const printer = makePrinter();
      const settings = reportSettingsOf(ws.db, ws.name);
      const fileName = reportFileName(settings.engagement, new Date().toISOString().slice(0, 10));
      const target = session.scratch.path(`${randomUUID()}.pdf`);
      const margins = { header: [settings.engagement, settings.client].filter((t) => t !== '').join(' · '), footer: settings.confidentiality };
      const job = session.jobs.startInProcess('report-pdf', `Executive report PDF (${sections.length} ${sections.length === 1 ? 'section' : 'sections'})`, async (control) => {
        const { bytes } = await printReportPdf(printer, { sections, target, margins, ...control });
        return { kind: 'report-pdf', value: { fileName, bytes, sections } };
      });
      printed.set(job.id, { path: target, fileName });
      return job;
    },
    takeReportPdf: ({ jobId }) => {
      const job = session.jobs.get(jobId);
      const file = printed.get(jobId);
      if (job.kind !== 'report-pdf' || !file) throw new BackendError('not-found', `Job ${jobId} is not a PDF export.`);
      if (job.state !== 'succeeded') throw new BackendError('conflict', job.state === 'running' ? 'The PDF is still being printed.' : `The PDF export ${job.state}: ${job.error?.message ?? ''}`.trim());
      let content: Buffer;
      try {
        content = readFileSync(file.path);
      } catch {
        throw new BackendError('not-found', 'This PDF was already handed over; export it again.');
      }
      rmSync(file.path, { force: true });
      printed.delete(jobId);
      return { fileName: file.fileName, mimeType: 'application/pdf', contentBase64: content.toString('base64') };
    },
  } satisfies Partial<Handlers>;
}
