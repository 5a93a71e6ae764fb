import { readdirSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../store/test-workspace';
import { printReportPdf } from './report-pdf-job';
import type { PrintRequest, ReportPrinter } from './report-printer';

/**
 * The PDF export's progress as a person sees it, with a printer that works the way both real ones
 * do (steps reported as they go, the PDF written to the path it is given): it never goes back, it
 * ends at its total, and a cancel leaves no PDF, whole or partial.
 */

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => {
  tmp = tempDir('atw-report-pdf-');
});
afterEach(() => tmp.cleanup());

const STEPS = ['Starting the browser', 'Laying out the report', 'Printing pages', 'Saving'];

/** Reports each step, writes half a PDF after the third, the rest after the fourth; `cancelAfter` aborts after that many steps. */
function steppingPrinter(abort: AbortController, cancelAfter = Number.POSITIVE_INFINITY): ReportPrinter {
  return {
    async print(request: PrintRequest) {
      for (const [i, step] of STEPS.entries()) {
        if (request.signal.aborted) return;
        request.progress(i, STEPS.length, step);
        if (i === 2) writeFileSync(request.outPath, '%PDF-1.7\n1 0 obj');
        if (i === 3) writeFileSync(request.outPath, '%PDF-1.7\n1 0 obj\n%%EOF\n');
        if (i + 1 >= cancelAfter) abort.abort();
        await Promise.resolve();
      }
    },
  };
}

function job(abort: AbortController, reports: Array<{ done: number; total: number; message: string }>) {
  return {
    sections: ['summary' as const],
    target: tmp.file('report.pdf'),
    margins: { header: 'Acme', footer: 'Confidential' },
    signal: abort.signal,
    progress: (done: number, total: number, message: string) => void reports.push({ done, total, message }),
    offer: async () => undefined,
  };
}

describe('printing the report PDF', () => {
  it('reports the printer steps then done, never going back, ending at the total', async () => {
    const abort = new AbortController();
    const reports: Array<{ done: number; total: number; message: string }> = [];
    await printReportPdf(steppingPrinter(abort), job(abort, reports));
    expect(reports.map((r) => r.message)).toEqual([...STEPS, 'Done']);
    for (const [i, r] of reports.entries()) {
      expect(r.total, r.message).toBe(STEPS.length);
      if (i > 0) expect(r.done, r.message).toBeGreaterThanOrEqual(reports[i - 1]!.done);
    }
    expect(reports.at(-1)).toMatchObject({ done: STEPS.length, total: STEPS.length });
    expect(readdirSync(tmp.dir)).toEqual(['report.pdf']);
  });

  it('leaves no file after a cancel at any step, not even the half-written PDF', async () => {
    for (let after = 1; after <= STEPS.length; after++) {
      const abort = new AbortController();
      await expect(printReportPdf(steppingPrinter(abort, after), job(abort, [])), `cancel after step ${after}`).rejects.toMatchObject({ code: 'cancelled' });
      expect(readdirSync(tmp.dir), `cancel after step ${after}`).toEqual([]);
    }
  });
});
