import type { ExportedFile, JobStatus } from '../../../shared/contract';
import type { ExecutiveReport, ReportSection, ReportSettings } from '../../../shared/report';
import { messageOf, type SliceCreator } from './app-state';
import type { Loadable } from './usage-slice';

/** A PDF export in flight or just ended: its job (progress comes from the jobs slice) and how it ended. */
export interface PdfExport {
  jobId: string | null;
  state: 'starting' | 'running' | 'done' | 'cancelled' | 'failed';
  /** The engine's words: no browser to print with, a layout that failed, ... */
  error: string | null;
}

export interface ReportSlice {
  /** The executive report as the engine last built it: what the preview and the print route draw. */
  report: Loadable<ExecutiveReport>;
  reportSettingsSaving: boolean;
  pdfExport: PdfExport | null;
  loadReport: () => Promise<void>;
  /** Resolves true once saved; the report is read again so the cover shows the new names. */
  saveReportSettings: (settings: Pick<ReportSettings, 'engagement' | 'client' | 'confidentiality'>) => Promise<boolean>;
  /** Prints the chosen sections to PDF as a job; resolves with the file to save, or null when cancelled or failed (pdfExport says why). */
  exportReportPdf: (sections: ReportSection[]) => Promise<ExportedFile | null>;
  cancelReportPdf: () => Promise<void>;
}

export const createReportSlice: SliceCreator<ReportSlice> = (backend) => (set, get) => {
  let latest = 0;
  const loadReport = async () => {
    const request = ++latest;
    set((s) => ({ report: { ...s.report, loading: true } }));
    try {
      const data = await backend.executiveReport({});
      if (request === latest) set({ report: { data, loading: false, error: null } });
    } catch (error) {
      if (request === latest) set((s) => ({ report: { data: s.report.data, loading: false, error: messageOf(error) } }));
    }
  };
  const ended = (state: PdfExport['state'], error: string | null = null) => set((s) => ({ pdfExport: { jobId: s.pdfExport?.jobId ?? null, state, error } }));

  return {
    report: { data: null, loading: false, error: null },
    reportSettingsSaving: false,
    pdfExport: null,
    loadReport,
    saveReportSettings: async (settings) => {
      set({ reportSettingsSaving: true });
      try {
        await backend.setReportSettings(settings);
        get().notify('success', 'Cover saved');
        await loadReport();
        return true;
      } catch (error) {
        get().notify('error', `Could not save the cover: ${messageOf(error)}`);
        return false;
      } finally {
        set({ reportSettingsSaving: false });
      }
    },
    exportReportPdf: async (sections) => {
      set({ pdfExport: { jobId: null, state: 'starting', error: null } });
      let job: JobStatus;
      try {
        job = await backend.startReportPdf({ sections });
      } catch (error) {
        ended('failed', messageOf(error));
        return null;
      }
      set({ pdfExport: { jobId: job.id, state: 'running', error: null } });
      try {
        const final = await get().trackJob(job.id);
        if (final.state === 'cancelled') {
          ended('cancelled');
          return null;
        }
        if (final.state !== 'succeeded') {
          ended('failed', final.error?.message ?? 'The export stopped without saying why.');
          return null;
        }
        const file = await backend.takeReportPdf({ jobId: job.id });
        ended('done');
        return file;
      } catch (error) {
        ended('failed', messageOf(error));
        return null;
      }
    },
    cancelReportPdf: async () => {
      const jobId = get().pdfExport?.jobId;
      if (jobId) await get().cancelJob(jobId);
    },
  };
};
