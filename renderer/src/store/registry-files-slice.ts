import type { ExportedFile, RegistryFormat } from '../../../shared/contract';
import { messageOf, type SliceCreator } from './app-state';

/** The registry as a spreadsheet (CSV, XLSX); registry files come in through the one Import dialog (file-imports-slice). */
export interface RegistryFilesSlice {
  registryExporting: RegistryFormat | null;
  exportRegistry: (format: RegistryFormat) => Promise<ExportedFile | null>;
}

export const createRegistryFilesSlice: SliceCreator<RegistryFilesSlice> = (backend) => (set, get) => ({
  registryExporting: null,
  exportRegistry: async (format) => {
    set({ registryExporting: format });
    try {
      return await backend.exportRegistry({ format });
    } catch (error) {
      get().notify('error', `Export failed: ${messageOf(error)}`);
      return null;
    } finally {
      set({ registryExporting: null });
    }
  },
});
