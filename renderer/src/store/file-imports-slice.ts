import type { ImportPreview, ImportRecord, RegistryImportPreview, UploadedFile } from '../../../shared/contract';
import { messageOf, type SliceCreator } from './app-state';

export type FileImportPhase = 'idle' | 'previewing' | 'previewed' | 'importing' | 'succeeded' | 'cancelled' | 'failed';

export interface FileImportsSlice {
  /** The one Import dialog is opened from the sidebar, the workspace menu and empty states alike. */
  fileImportOpen: boolean;
  fileImportPhase: FileImportPhase;
  /** The bytes the preview was made from; the import sends exactly these, never a re-read file. */
  fileImportFiles: UploadedFile[];
  fileImportPreviews: ImportPreview[] | null;
  /** Registry files whose rows with errors the person chose to leave out, by file name; never assumed. */
  fileImportSkipInvalid: Record<string, boolean>;
  fileImportError: string | null;
  fileImportJobId: string | null;
  /** What the finished import recorded, one per file. */
  fileImportRecords: ImportRecord[] | null;
  imports: ImportRecord[] | null;
  importsError: string | null;
  openFileImport: () => void;
  closeFileImport: () => void;
  previewFileImport: (files: UploadedFile[]) => Promise<void>;
  setFileImportSkipInvalid: (fileName: string, skip: boolean) => void;
  runFileImport: () => Promise<ImportRecord[] | null>;
  cancelFileImport: () => Promise<void>;
  resetFileImport: () => void;
  loadImports: () => Promise<void>;
}

type ImportState = Pick<
  FileImportsSlice,
  'fileImportPhase' | 'fileImportFiles' | 'fileImportPreviews' | 'fileImportSkipInvalid' | 'fileImportError' | 'fileImportJobId' | 'fileImportRecords'
>;
const IDLE: ImportState = {
  fileImportPhase: 'idle',
  fileImportFiles: [],
  fileImportPreviews: null,
  fileImportSkipInvalid: {},
  fileImportError: null,
  fileImportJobId: null,
  fileImportRecords: null,
};

/** Errors outside the data rows (the header row) cannot be skipped: the file must be fixed. */
export function canSkipInvalidRows(preview: RegistryImportPreview): boolean {
  const invalid = new Set(preview.invalidRows);
  return preview.invalidRows.length > 0 && preview.errors.every((e) => invalid.has(e.row));
}

/** What the import request skips, by file: a registry file's invalid rows, only once the person chose to. */
export function rowsToSkip(previews: readonly ImportPreview[] | null, skipInvalid: Record<string, boolean>): Record<string, number[]> {
  const skip: Record<string, number[]> = {};
  for (const p of previews ?? []) {
    if (p.registry && skipInvalid[p.fileName] && canSkipInvalidRows(p.registry)) skip[p.fileName] = p.registry.invalidRows;
  }
  return skip;
}

/** Errors left once the chosen rows are skipped; the engine refuses a file with any. */
export function blockingErrors(preview: ImportPreview, skipInvalid: Record<string, boolean>): number {
  const skippedAll = preview.registry !== null && skipInvalid[preview.fileName] === true && canSkipInvalidRows(preview.registry);
  return skippedAll ? 0 : preview.errors.length;
}

/** A file with errors would be refused by the engine: the whole import (all files) waits until each is fixed or its bad rows skipped. */
export function canImport(previews: readonly ImportPreview[] | null, skipInvalid: Record<string, boolean> = {}): boolean {
  return previews !== null && previews.length > 0 && previews.every((p) => blockingErrors(p, skipInvalid) === 0);
}

/** "Imported registry.csv: 4 created, 2 updated; skipped row 8" for one registry file, "Imported 12 advisories" for one OSV file, else how many files. */
function importedMessage(records: readonly ImportRecord[], skipRows: Record<string, number[]>): string {
  const [only] = records;
  if (records.length === 1 && only && (only.format === 'registry-csv' || only.format === 'registry-xlsx')) {
    const skipped = skipRows[only.fileName] ?? [];
    const rows = skipped.length === 0 ? '' : `; skipped ${skipped.length === 1 ? 'row' : 'rows'} ${skipped.join(', ')}`;
    return `Imported ${only.fileName}: ${only.counts.created ?? 0} created, ${only.counts.updated ?? 0} updated${rows}`;
  }
  if (records.length === 1 && only?.format === 'osv') {
    const stored = only.counts.stored ?? 0;
    return `Imported ${stored} ${stored === 1 ? 'advisory' : 'advisories'}`;
  }
  return `Imported ${records.length} ${records.length === 1 ? 'file' : 'files'}`;
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
  setFileImportSkipInvalid: (fileName, skip) => set((s) => ({ fileImportSkipInvalid: { ...s.fileImportSkipInvalid, [fileName]: skip } })),
  runFileImport: async () => {
    const { fileImportFiles: files, fileImportPreviews: previews, fileImportSkipInvalid: skipInvalid } = get();
    if (files.length === 0 || !canImport(previews, skipInvalid)) return null;
    set({ fileImportPhase: 'importing', fileImportError: null });
    try {
      const skipRows = rowsToSkip(previews, skipInvalid);
      const { jobId } = await backend.startImport({ files, skipRows });
      set({ fileImportJobId: jobId });
      const status = await get().trackJob(jobId);
      if (status.state === 'succeeded' && status.result?.kind === 'import') {
        const records = status.result.value;
        set({ fileImportPhase: 'succeeded', fileImportJobId: null, fileImportRecords: records });
        get().notify('success', importedMessage(records, skipRows));
        void get().loadImports();
        void get().loadWorkspace();
        // A registry sheet adds or changes agents: the inventory must show them without a reload.
        if (records.some((r) => r.format === 'registry-csv' || r.format === 'registry-xlsx')) void get().loadAgents();
        if (records.some((r) => r.format === 'osv')) get().refreshAdvisoryCounts();
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
