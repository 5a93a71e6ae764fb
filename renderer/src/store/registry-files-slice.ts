import type { ExportedFile, RegistryFormat } from '../../../shared/contract';
import { messageOf, type SliceCreator } from './app-state';

/**
 * The registry as files: a spreadsheet (CSV, XLSX) or the agents manifest (YAML, access as code
 * for the agents' repositories). Files come back in through the one Import dialog (file-imports-slice).
 */
export interface RegistryFilesSlice {
  registryExporting: RegistryFormat | 'manifest' | null;
  exportRegistry: (format: RegistryFormat) => Promise<ExportedFile | null>;
  exportManifest: () => Promise<ExportedFile | null>;
}

export const createRegistryFilesSlice: SliceCreator<RegistryFilesSlice> = (backend) => (set, get) => {
  const exporting = async (what: RegistryFormat, read: () => Promise<ExportedFile>): Promise<ExportedFile | null> => {
    set({ registryExporting: what });
    try {
      return await read();
    } catch (error) {
      get().notify('error', `Export failed: ${messageOf(error)}`);
      return null;
    } finally {
      set({ registryExporting: null });
    }
  };
  return {
    registryExporting: null,
    exportRegistry: (format) => exporting(format, () => backend.exportRegistry({ format })),
    // The manifest is one of the workspace exports: the same job, its failures told the same way.
    exportManifest: async () => {
      set({ registryExporting: 'manifest' });
      try {
        return await get().exportWorkspaceFile('manifest');
      } finally {
        set({ registryExporting: null });
      }
    },
  };
};
