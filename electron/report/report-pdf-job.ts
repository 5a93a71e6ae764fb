import { randomBytes } from 'node:crypto';
import { openSync, readSync, closeSync, renameSync, rmSync, statSync } from 'node:fs';
import { BackendError } from '../../shared/errors';
import type { ReportSection } from '../../shared/report';
import type { InProcessJobControl } from '../jobs/job-runner';
import type { PrintRequest, ReportPrinter } from './report-printer';

/**
 * Prints the report to `target`, whole or not at all: the printer writes a temporary file beside
 * it, which is checked to be a PDF and renamed into place; cancel or failure removes it.
 */
export async function printReportPdf(
  printer: ReportPrinter,
  job: { sections: readonly ReportSection[]; target: string; margins: PrintRequest['margins'] } & InProcessJobControl,
): Promise<{ bytes: number }> {
  const temp = `${job.target}.part-${randomBytes(4).toString('hex')}`;
  // "Done" is said on the printer's own scale, so the bar ends full instead of jumping back to 1 of 1.
  let total = 1;
  const progress = (done: number, of: number, message: string) => {
    total = Math.max(1, of);
    job.progress(done, of, message);
  };
  try {
    await printer.print({ sections: job.sections, outPath: temp, margins: job.margins, signal: job.signal, progress });
    if (job.signal.aborted) throw new BackendError('cancelled', 'Cancelled; no PDF was written.');
    if (!startsWithPdfMagic(temp)) throw new BackendError('internal', 'The browser did not write a PDF; nothing was saved.');
    renameSync(temp, job.target);
    job.progress(total, total, 'Done');
    return { bytes: statSync(job.target).size };
  } finally {
    rmSync(temp, { force: true });
  }
}

function startsWithPdfMagic(path: string): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return false;
  }
  try {
    const head = Buffer.alloc(5);
    readSync(fd, head, 0, 5, 0);
    return head.toString('latin1') === '%PDF-';
  } finally {
    closeSync(fd);
  }
}
