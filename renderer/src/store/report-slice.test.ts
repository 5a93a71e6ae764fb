import { describe, expect, it } from 'vitest';
import type { JobStatus } from '../../../shared/contract';
import { BackendError } from '../../../shared/errors';
import { fakeBackend, jobStatus } from '../testing/fake-backend';
import { createAppStore } from './index';

const NO_BROWSER = 'No Chromium or Google Chrome was found to print the PDF. Install Chromium (Debian/Ubuntu: `sudo apt-get install chromium`) or Google Chrome.';
const pdfJob = (over: Partial<JobStatus> = {}) => jobStatus({ id: 'pdf-1', kind: 'report-pdf', title: 'Executive report PDF', ...over });

describe('report slice: the PDF export', () => {
  it('starts the job with the chosen sections, follows it, and hands over the file', async () => {
    const asked: unknown[] = [];
    let polls = 0;
    const store = createAppStore(
      fakeBackend({
        startReportPdf: async (input) => {
          asked.push(input);
          return pdfJob();
        },
        getJob: async () => (++polls < 2 ? pdfJob({ progress: { done: 2, total: 4, message: 'Printing pages' } }) : pdfJob({ state: 'succeeded' })),
        takeReportPdf: async () => ({ fileName: 'report.pdf', mimeType: 'application/pdf', contentBase64: 'JVBERi0=' }),
      }),
    );
    const file = await store.getState().exportReportPdf(['cover', 'cost']);
    expect(asked).toEqual([{ sections: ['cover', 'cost'] }]);
    expect(file).toMatchObject({ fileName: 'report.pdf', mimeType: 'application/pdf' });
    expect(store.getState().pdfExport).toEqual({ jobId: 'pdf-1', state: 'done', error: null });
  });

  it('says which browser to install when the host has none, and starts nothing', async () => {
    const store = createAppStore(fakeBackend({ startReportPdf: async () => Promise.reject(new BackendError('not-found', NO_BROWSER)) }));
    expect(await store.getState().exportReportPdf(['cover'])).toBeNull();
    expect(store.getState().pdfExport).toEqual({ jobId: null, state: 'failed', error: NO_BROWSER });
  });

  it('a cancelled export hands over nothing and says so', async () => {
    let cancelled = false;
    const store = createAppStore(
      fakeBackend({
        startReportPdf: async () => pdfJob(),
        getJob: async () => (cancelled ? pdfJob({ state: 'cancelled', error: { code: 'cancelled', message: 'Cancelled; nothing was written.' } }) : pdfJob()),
        cancelJob: async () => {
          cancelled = true;
          return pdfJob({ state: 'cancelled' });
        },
      }),
    );
    const running = store.getState().exportReportPdf(['appendix']);
    await new Promise((r) => setTimeout(r, 10));
    await store.getState().cancelReportPdf();
    expect(await running).toBeNull();
    expect(store.getState().pdfExport).toMatchObject({ state: 'cancelled', error: null });
  });
});
