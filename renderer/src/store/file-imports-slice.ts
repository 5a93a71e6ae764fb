import type { ImportPreview, ImportRecord } from '../../../shared/contract';
import { messageOf, type SliceCreator } from './app-state';
import type { UploadedFile } from './registry-files-slice';

export type FileImportPhase = 'idle' | 'previewing' | 'previewed' | 'importing' | 'succeeded' | 'cancelled' | 'failed';

export interface FileImportsSlice {
  /** The one Import dialog is opened from the sidebar, the workspace menu and empty states alike. */
  fileImportOpen: boolean;
  fileImportPhase: FileImportPhase;
  /** The bytes the preview was made from; the import sends exactly these, never a re-read file. */
  fileImportFiles: UploadedFile[];
  fileImportPreviews: ImportPreview[] | null;
  fileImportError: string | null;
  fileImportJobId: string | null;
  /** What the finished import recorded, one per file. */
  fileImportRecords: ImportRecord[] | null;
  imports: ImportRecord[] | null;
  importsError: string | null;
  openFileImport: () => void;
  closeFileImport: () => void;
  previewFileImport: (files: UploadedFile[]) => Promise<void>;
  runFileImport: () => Promise<ImportRecord[] | null>;
  cancelFileImport: () => Promise<void>;
  resetFileImport: () => void;
  loadImports: () => Promise<void>;
}

type ImportState = Pick<FileImportsSlice, 'fileImportPhase' | 'fileImportFiles' | 'fileImportPreviews' | 'fileImportError' | 'fileImportJobId' | 'fileImportRecords'>;
const IDLE: ImportState = { fileImportPhase: 'idle', fileImportFiles: [], fileImportPreviews: null, fileImportError: null, fileImportJobId: null, fileImportRecords: null };

/** A file with errors would be refused by the engine: the whole import (all files) waits until it is fixed. */
export function canImport(previews: readonly ImportPreview[] | null): boolean {
  return previews !== null && previews.length > 0 && previews.every((p) => p.errors.length === 0);
}

export const createFileImportsSlice: SliceCreator<FileImportsSlice> = (backend) => (set, get) => ({
  ...IDLE,
  fileImportOpen: false,
  imports: null,
  importsError: null,
  openFileImport: () => set({ fileImportOpen: true }),
  closeFileImport: () => {
    if (get().fileImportPhase === 'importing') return;
    set({ ...IDLE, fileImportOpen: false });
  },
  previewFileImport: async (files) => {
    set({ ...IDLE, fileImportPhase: 'previewing', fileImportFiles: files });
    try {
      const previews = await backend.previewImport({ files });
      if (get().fileImportFiles === files) set({ fileImportPhase: 'previewed', fileImportPreviews: previews });
    } catch (error) {
      if (get().fileImportFiles === files) set({ fileImportPhase: 'failed', fileImportError: messageOf(error) });
    }
  },
  runFileImport: async () => {
    const { fileImportFiles: files, fileImportPreviews: previews } = get();
    if (files.length === 0 || !canImport(previews)) return null;
    set({ fileImportPhase: 'importing', fileImportError: null });
    try {
      const { jobId } = await backend.startImport({ files });
      set({ fileImportJobId: jobId });
      const status = await get().trackJob(jobId);
      if (status.state === 'succeeded' && status.result?.kind === 'import') {
        const records = status.result.value;
        set({ fileImportPhase: 'succeeded', fileImportJobId: null, fileImportRecords: records });
        get().notify('success', `Imported ${records.length} ${records.length === 1 ? 'file' : 'files'}`);
        void get().loadImports();
        void get().loadWorkspace();
        // A registry sheet adds or changes agents: the inventory must show them without a reload.
        if (records.some((r) => r.format === 'registry-csv' || r.format === 'registry-xlsx')) void get().loadAgents();
        return records;
      }
      if (status.state === 'cancelled') set({ fileImportPhase: 'cancelled', fileImportJobId: null });
      else set({ fileImportPhase: 'failed', fileImportJobId: null, fileImportError: status.error?.message ?? 'The import stopped without saying why; the workspace is unchanged.' });
    } catch (error) {
      set({ fileImportPhase: 'failed', fileImportJobId: null, fileImportError: messageOf(error) });
    }
    return null;
  },
  cancelFileImport: async () => {
    const jobId = get().fileImportJobId;
    if (!jobId) return;
    try {
      await get().cancelJob(jobId);
    } catch (error) {
      get().notify('error', `Could not cancel the import: ${messageOf(error)}`);
    }
  },
  resetFileImport: () => set({ ...IDLE }),
  loadImports: async () => {
    try {
      set({ imports: await backend.listImports({}), importsError: null });
    } catch (error) {
      set({ importsError: messageOf(error) });
    }
  },
});
