import type { ExportedFile, RegistryFormat } from '../../../shared/contract';
import type { SliceCreator } from './app-state';

/**
 * The registry as files, from the Inventory: a spreadsheet (CSV, XLSX) or the agents manifest
 * (YAML, access as code for the agents' repositories). Each is one of the workspace exports, run
 * as the same job (progress, Cancel, failures told the same way); this slice only remembers which
 * of the Inventory's buttons started it. Files come back in through the one Import dialog.
 */
export interface RegistryFilesSlice {
  registryExporting: RegistryFormat | 'manifest' | null;
  exportRegistry: (format: RegistryFormat) => Promise<ExportedFile | null>;
  exportManifest: () => Promise<ExportedFile | null>;
}

/** The workspace export format of each of the Inventory's exports. */
export const REGISTRY_EXPORT_FORMAT: Record<RegistryFormat | 'manifest', string> = { csv: 'registry-csv', xlsx: 'registry-xlsx', manifest: 'manifest' };

export const createRegistryFilesSlice: SliceCreator<RegistryFilesSlice> = () => (set, get) => {
  const exporting = async (what: RegistryFormat | 'manifest'): Promise<ExportedFile | null> => {
    set({ registryExporting: what });
    try {
      return await get().exportWorkspaceFile(REGISTRY_EXPORT_FORMAT[what]);
    } finally {
      set({ registryExporting: null });
    }
  };
  return {
    registryExporting: null,
    exportRegistry: (format) => exporting(format),
    exportManifest: () => exporting('manifest'),
  };
};
