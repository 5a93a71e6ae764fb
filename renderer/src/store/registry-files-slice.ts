import type { ExportedFile, RegistryFormat, RegistryImportPreview, RegistryImportResult, RegistryRowError } from '../../../shared/contract';
import { BackendError } from '../../../shared/errors';
import { messageOf, type SliceCreator } from './app-state';

export interface UploadedFile {
  fileName: string;
  contentBase64: string;
}

export type ImportPhase = 'idle' | 'previewing' | 'previewed' | 'importing' | 'cancelled' | 'failed';

export interface RegistryFilesSlice {
  importPhase: ImportPhase;
  /** The bytes the preview was made from; the import sends exactly these, never a re-read file. */
  importFile: UploadedFile | null;
  importPreview: RegistryImportPreview | null;
  importError: string | null;
  /** Row errors the backend sent with a refusal (a malformed file), shown like preview errors. */
  importErrorRows: RegistryRowError[];
  importJobId: string | null;
  /** The person chose to import the good rows and leave out the preview's invalid rows. */
  importSkipInvalid: boolean;
  registryExporting: RegistryFormat | null;
  previewRegistryImport: (file: UploadedFile) => Promise<void>;
  /** Resolves to the counts when the import finished, null when it failed or was cancelled. */
  runRegistryImport: () => Promise<RegistryImportResult | null>;
  cancelRegistryImport: () => Promise<void>;
  resetRegistryImport: () => void;
  setImportSkipInvalid: (skip: boolean) => void;
  exportRegistry: (format: RegistryFormat) => Promise<ExportedFile | null>;
}

type ImportState = Pick<RegistryFilesSlice, 'importPhase' | 'importFile' | 'importPreview' | 'importError' | 'importErrorRows' | 'importJobId' | 'importSkipInvalid'>;
const IDLE: ImportState = { importPhase: 'idle', importFile: null, importPreview: null, importError: null, importErrorRows: [], importJobId: null, importSkipInvalid: false };

/** Errors outside the data rows (the header row) cannot be skipped: the file must be fixed. */
export function canSkipInvalidRows(preview: RegistryImportPreview): boolean {
  const invalid = new Set(preview.invalidRows);
  return preview.invalidRows.length > 0 && preview.errors.every((e) => invalid.has(e.row));
}

/** What the import request skips: the preview's invalid rows, only once the person chose to. */
export function rowsToSkip(preview: RegistryImportPreview | null, skipInvalid: boolean): number[] {
  return preview && skipInvalid && canSkipInvalidRows(preview) ? preview.invalidRows : [];
}

function rowErrorsOf(error: unknown): RegistryRowError[] {
  if (!(error instanceof BackendError) || !Array.isArray(error.details)) return [];
  return error.details.filter(
    (d): d is RegistryRowError => typeof d === 'object' && d !== null && typeof d.row === 'number' && typeof d.column === 'string' && typeof d.message === 'string',
  );
}

export const createRegistryFilesSlice: SliceCreator<RegistryFilesSlice> = (backend) => (set, get) => ({
  ...IDLE,
  registryExporting: null,
  previewRegistryImport: async (file) => {
    set({ ...IDLE, importPhase: 'previewing', importFile: file });
    try {
      const importPreview = await backend.previewRegistryImport(file);
      if (get().importFile === file) set({ importPhase: 'previewed', importPreview });
    } catch (error) {
      if (get().importFile === file) set({ importPhase: 'failed', importError: messageOf(error), importErrorRows: rowErrorsOf(error) });
    }
  },
  runRegistryImport: async () => {
    const { importFile: file, importPreview, importSkipInvalid } = get();
    if (!file) return null;
    set({ importPhase: 'importing', importError: null, importErrorRows: [] });
    try {
      const skipRows = rowsToSkip(importPreview, importSkipInvalid);
      const { jobId } = await backend.startRegistryImport({ ...file, skipRows });
      set({ importJobId: jobId });
      const status = await get().trackJob(jobId);
      const record = status.state === 'succeeded' && status.result?.kind === 'import' ? status.result.value[0] : undefined;
      if (record) {
        const counts: RegistryImportResult = { created: record.counts.created ?? 0, updated: record.counts.updated ?? 0, unchanged: record.counts.unchanged ?? 0, skipped: skipRows };
        set({ ...IDLE });
        const skipped = counts.skipped.length === 0 ? '' : `; skipped ${counts.skipped.length === 1 ? 'row' : 'rows'} ${counts.skipped.join(', ')}`;
        get().notify('success', `Imported: ${counts.created} created, ${counts.updated} updated${skipped}`);
        void get().loadAgents();
        void get().loadWorkspace();
        return counts;
      }
      if (status.state === 'cancelled') {
        set({ importPhase: 'cancelled', importJobId: null });
      } else {
        set({ importPhase: 'failed', importJobId: null, importError: status.error?.message ?? 'The import stopped without saying why; the workspace is unchanged.' });
      }
    } catch (error) {
      set({ importPhase: 'failed', importJobId: null, importError: messageOf(error), importErrorRows: rowErrorsOf(error) });
    }
    return null;
  },
  cancelRegistryImport: async () => {
    const jobId = get().importJobId;
    if (!jobId) return;
    try {
      await get().cancelJob(jobId);
    } catch (error) {
      get().notify('error', `Could not cancel the import: ${messageOf(error)}`);
    }
  },
  resetRegistryImport: () => set({ ...IDLE }),
  setImportSkipInvalid: (skip) => set({ importSkipInvalid: skip }),
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
