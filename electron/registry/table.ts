import { BackendError } from '../../shared/errors';

/** A spreadsheet read into text cells, whatever the file format. */
export interface RegistryTable {
  headers: string[];
  /** Where the header sits: row 1 in a CSV, the first non-blank row in a worksheet. */
  headerRowNumber: number;
  /** Non-blank data rows; rowNumber is the row number a spreadsheet shows (the header is row 1 in a CSV). */
  rows: RegistryTableRow[];
}
export interface RegistryTableRow {
  rowNumber: number;
  cells: string[];
}

export const MAX_REGISTRY_ROWS = 100_000;
export const MAX_REGISTRY_COLUMNS = 200;

const fmt = (n: number) => n.toLocaleString('en-US');

export function refuseTooManyRows(fileName: string): never {
  throw new BackendError(
    'import-invalid',
    `${fileName} has more than ${fmt(MAX_REGISTRY_ROWS)} data rows, the most a registry import takes. Split the file and import the parts.`,
  );
}

export function refuseTooManyColumns(fileName: string, columnCount: number): never {
  throw new BackendError(
    'import-invalid',
    `${fileName} has ${fmt(columnCount)} columns; a registry import takes at most ${fmt(MAX_REGISTRY_COLUMNS)}. Delete the columns you do not need and import again.`,
  );
}

const isBlank = (cell: string | undefined) => cell === undefined || cell.trim() === '';
export const isBlankRow = (row: RegistryTableRow) => row.cells.every(isBlank);

/**
 * Shared last step of both readers: the first non-blank row is the header, fully blank rows are
 * skipped, and a column with neither header nor data is dropped (Excel exports often end every
 * line with empty cells). A column with data but no header is kept so nothing typed is lost.
 */
export function tableFromRows(fileName: string, rows: RegistryTableRow[]): RegistryTable {
  const nonBlank = rows.filter((r) => !isBlankRow(r));
  const [headerRow, ...dataRows] = nonBlank;
  if (!headerRow) {
    throw new BackendError('import-invalid', `${fileName} is empty: expected a header row (e.g. Name, Owner, Trigger) and one row per agent.`);
  }
  if (dataRows.length > MAX_REGISTRY_ROWS) refuseTooManyRows(fileName);

  const width = nonBlank.reduce((w, r) => Math.max(w, r.cells.length), 0);
  const kept: number[] = [];
  for (let c = 0; c < width; c++) {
    if (!isBlank(headerRow.cells[c]) || dataRows.some((r) => !isBlank(r.cells[c]))) kept.push(c);
  }
  if (kept.length > MAX_REGISTRY_COLUMNS) refuseTooManyColumns(fileName, kept.length);

  const allKept = kept.length === width;
  const pick = (cells: string[]) => (allKept ? padTo(cells, width) : kept.map((c) => cells[c] ?? ''));
  return {
    headers: kept.map((c) => headerRow.cells[c]?.trim() || `Column ${columnLetter(c)}`),
    headerRowNumber: headerRow.rowNumber,
    rows: dataRows.map((r) => ({ rowNumber: r.rowNumber, cells: pick(r.cells) })),
  };
}

function padTo(cells: string[], width: number): string[] {
  while (cells.length < width) cells.push('');
  return cells;
}

/** 0 -> A, 25 -> Z, 26 -> AA: how a spreadsheet names a column. */
function columnLetter(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}
