import type { ExportedFile, ExportFormatInfo } from '../../../shared/contract';
import { messageOf, type SliceCreator } from './app-state';

/** The workspace exports for other tools (SARIF, CycloneDX, JSON): the formats the engine offers and one export at a time. */
export interface ExportsSlice {
  exportFormats: { data: ExportFormatInfo[] | null; error: string | null };
  /** The format being exported, to disable the buttons until the file is there. */
  workspaceExporting: string | null;
  loadExportFormats: () => Promise<void>;
  /** The file, or null when the export failed (the failure is shown as a toast). */
  exportWorkspaceFile: (format: string) => Promise<ExportedFile | null>;
}

export const createExportsSlice: SliceCreator<ExportsSlice> = (backend) => (set, get) => ({
  exportFormats: { data: null, error: null },
  workspaceExporting: null,
  loadExportFormats: async () => {
    try {
      set({ exportFormats: { data: await backend.exportFormats({}), error: null } });
    } catch (error) {
      set((s) => ({ exportFormats: { data: s.exportFormats.data, error: messageOf(error) } }));
    }
  },
  exportWorkspaceFile: async (format) => {
    set({ workspaceExporting: format });
    try {
      return await backend.exportWorkspaceFile({ format });
    } catch (error) {
      get().notify('error', `Export failed: ${messageOf(error)}`);
      return null;
    } finally {
      set({ workspaceExporting: null });
    }
  },
});
