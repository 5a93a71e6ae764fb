import type { RegistryFormat } from '../registry-formats';

/**
 * The row-by-row plan a registry file's import preview carries (`ImportPreview.registry`): registry
 * files come in through the one import pipeline (previewImport/startImport), and go out as the
 * `registry-csv` and `registry-xlsx` workspace exports (startWorkspaceExport), a job like every export.
 */

export { REGISTRY_FORMATS, type RegistryFormat } from '../registry-formats';


export interface RegistryRowError {
  /** Row number as the spreadsheet shows it (the header is row 1). */
  row: number;
  /** The column header as written in the file, or '' when the error is about the whole row. */
  column: string;
  message: string;
}
/** Same shape as an error: something imported as written (or kept as "other: <word>") that a person should look at. */
export type RegistryRowWarning = RegistryRowError;
export interface RegistryColumnMapping {
  header: string;
  /** The registry field it fills, or null when it is kept as a note. */
  field: string | null;
}
/** What importing a row would do; 'invalid' rows have errors and are imported only once fixed (or skipped). */
export type RegistryRowAction = 'create' | 'update' | 'unchanged' | 'invalid';
/**
 * How a row found its agent: by the id column, by name, a new agent, or an id this workspace does
 * not know (exported from another workspace), then matched by name or added as new.
 */
export type RegistryRowMatch = 'id' | 'name' | 'new' | 'foreign-id-name' | 'foreign-id-new';
export interface RegistryPreviewRow {
  row: number;
  name: string;
  action: RegistryRowAction;
  match: RegistryRowMatch;
  /** The agent it updates, when it matches one by id or by name. */
  agentId: string | null;
  /** Fields an update changes (every filled field for a create). */
  changedFields: string[];
  warnings: RegistryRowWarning[];
  errors: RegistryRowError[];
}
export interface RegistryImportPreview {
  format: RegistryFormat;
  fileName: string;
  columns: RegistryColumnMapping[];
  /** Every data row, in file order, with its own warnings and errors. */
  rows: RegistryPreviewRow[];
  /** All errors, header row included, in row order. */
  errors: RegistryRowError[];
  warnings: RegistryRowWarning[];
  /** Data rows with errors: what `skipRows` must name for the rest to be imported. Header errors cannot be skipped. */
  invalidRows: number[];
  totals: { rows: number; valid: number; invalid: number; create: number; update: number; unchanged: number; warnings: number };
}
export interface ExportedFile {
  fileName: string;
  mimeType: string;
  contentBase64: string;
}
