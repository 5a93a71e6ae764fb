import type { RegistryFormat } from '../../shared/contract';
import { mapRegistryColumns, type RegistryColumnMap } from './columns';
import { detectRegistryFormat } from './detect-format';
import { parseRegistryRow, type ParsedRegistryRow } from './parse-row';
import { readRegistryCsv } from './read-csv';

/** A registry file read and checked cell by cell, before it is compared with the workspace. */
export interface ParsedRegistryFile {
  fileName: string;
  format: RegistryFormat;
  columns: RegistryColumnMap;
  rows: ParsedRegistryRow[];
}

/**
 * Bytes of a registry spreadsheet -> rows checked cell by cell. Throws BackendError for a file
 * that cannot be read at all (wrong format, malformed CSV, corrupt workbook, no name column, over
 * the limits); problems in single cells come back as row errors instead.
 */
export async function parseRegistryFile(fileName: string, bytes: Uint8Array): Promise<ParsedRegistryFile> {
  const detected = detectRegistryFormat(fileName, bytes);
  // The workbook reader (unzip, repack, exceljs) is loaded only for a workbook.
  const table = detected.format === 'csv' ? readRegistryCsv(fileName, detected.text, detected.delimiter) : await (await import('./read-xlsx')).readRegistryXlsx(fileName, bytes);
  const columns = mapRegistryColumns(fileName, table.headers, table.headerRowNumber);
  return { fileName, format: detected.format, columns, rows: table.rows.map((row) => parseRegistryRow(row, columns)) };
}
