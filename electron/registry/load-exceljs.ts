import type ExcelJS from 'exceljs';

/**
 * exceljs takes a few hundred milliseconds to load, and most imports are CSV: the engine pays for
 * it only when a workbook is read or written.
 */
export async function loadExcelJs(): Promise<typeof ExcelJS> {
  return (await import('exceljs')).default;
}
