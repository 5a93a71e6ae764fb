import type { ExportedFile, ExportFormatInfo } from '../../../shared/contract';
import { messageOf, type SliceCreator } from './app-state';

/** The workspace exports for other tools (SARIF, CycloneDX, manifest, JSON): the formats the engine offers and one export at a time. */
export interface ExportsSlice {
  exportFormats: { data: ExportFormatInfo[] | null; error: string | null };
  /** The format being exported, to disable the buttons until the file is there. */
  workspaceExporting: string | null;
  /** Its job, once started: progress comes from the jobs slice, Cancel stops it. */
  workspaceExportJob: string | null;
  loadExportFormats: () => Promise<void>;
  /** Writes the file as a job and hands it over; null when it was cancelled or failed (a failure is shown as a toast). */
  exportWorkspaceFile: (format: string) => Promise<ExportedFile | null>;
  cancelWorkspaceExport: () => Promise<void>;
}

export const createExportsSlice: SliceCreator<ExportsSlice> = (backend) => (set, get) => {
  // Cancel is shown from the click on, before the engine has answered with the job: a cancel asked
  // then is kept and sent as soon as the job is known, rather than lost.
  let cancelAsked = false;
  return {
    exportFormats: { data: null, error: null },
    workspaceExporting: null,
    workspaceExportJob: null,
    loadExportFormats: async () => {
      try {
        set({ exportFormats: { data: await backend.exportFormats({}), error: null } });
      } catch (error) {
        set((s) => ({ exportFormats: { data: s.exportFormats.data, error: messageOf(error) } }));
      }
    },
    exportWorkspaceFile: async (format) => {
      set({ workspaceExporting: format, workspaceExportJob: null });
      cancelAsked = false;
      try {
        const job = await backend.startWorkspaceExport({ format });
        set({ workspaceExportJob: job.id });
        if (cancelAsked) await get().cancelJob(job.id);
        const final = await get().trackJob(job.id);
        // A cancel is what the person asked for: nothing to save and nothing to report.
        if (final.state === 'cancelled') return null;
        if (final.state !== 'succeeded') throw new Error(final.error?.message ?? 'The export stopped without saying why.');
        return await backend.takeWorkspaceExport({ jobId: job.id });
      } catch (error) {
        get().notify('error', `Export failed: ${messageOf(error)}`);
        return null;
      } finally {
        set({ workspaceExporting: null, workspaceExportJob: null });
      }
    },
    cancelWorkspaceExport: async () => {
      const jobId = get().workspaceExportJob;
      if (jobId) await get().cancelJob(jobId);
      else if (get().workspaceExporting !== null) cancelAsked = true;
    },
  };
};
