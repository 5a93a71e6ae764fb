import type { Buffer as ExcelBuffer, CellValue } from 'exceljs';
import { BackendError } from '../../shared/errors';
import { loadExcelJs } from './load-exceljs';
import { workbookWithinLimits } from './workbook-repack';
import { MAX_REGISTRY_COLUMNS, MAX_REGISTRY_ROWS, refuseTooManyColumns, refuseTooManyRows, tableFromRows, type RegistryTable, type RegistryTableRow } from './table';

/**
 * Reads the first visible worksheet that has data. Row numbers are the sheet's own, so an error
 * on "row 7" is row 7 in Excel. Cells become the text a person sees; nothing is evaluated.
 */
export async function readRegistryXlsx(fileName: string, bytes: Uint8Array): Promise<RegistryTable> {
  // exceljs inflates whatever it is given, without limits: it only ever sees the checked copy.
  const checked = workbookWithinLimits(fileName, bytes);
  const { Workbook } = await loadExcelJs();
  const workbook = new Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(checked.buffer, checked.byteOffset, checked.byteLength) as unknown as ExcelBuffer);
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    throw new BackendError(
      'import-invalid',
      `${fileName} could not be read as an Excel workbook; it looks truncated or corrupt (${detail.slice(0, 200)}). Open it in Excel, save it again as .xlsx and import again.`,
    );
  }
  const sheet = workbook.worksheets.find((ws) => ws.state === 'visible' && ws.actualRowCount > 0);
  if (!sheet) {
    throw new BackendError('import-invalid', `${fileName} has no worksheet with data: expected a header row (e.g. Name, Owner, Trigger) and one row per agent.`);
  }
  // The header row is not an agent; checked before converting every cell.
  if (sheet.actualRowCount - 1 > MAX_REGISTRY_ROWS) refuseTooManyRows(fileName);

  const rows: RegistryTableRow[] = [];
  sheet.eachRow((row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell((cell, col) => {
      // Guards against a stray value in column XFD making every row 16,384 cells wide.
      if (col > MAX_REGISTRY_COLUMNS) refuseTooManyColumns(fileName, col);
      cells[col - 1] = cellText(cell.value);
    });
    rows.push({ rowNumber, cells: Array.from(cells, (c) => c ?? '') });
  });
  return tableFromRows(fileName, rows);
}

/** The text a cell shows: formulas give their cached result, links their text, dates YYYY-MM-DD. */
function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('hyperlink' in value) return cellText(value.text as CellValue);
  if ('formula' in value || 'sharedFormula' in value) return cellText(value.result ?? null);
  if ('error' in value) return value.error;
  return '';
}
