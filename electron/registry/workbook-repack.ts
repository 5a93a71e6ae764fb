import { zipSync } from 'fflate';
import { readZipEntries } from '../archives/bounded-zip';
import { WORKBOOK_ARCHIVE } from './workbook-archive';

/**
 * The workbook's parts inflated within WORKBOOK_ARCHIVE's limits, packed again without
 * compression: exceljs (JSZip inside) then reads exactly the bytes checked here, and nothing in
 * what it is given can grow. Throws BackendError 'import-invalid' naming the limit crossed.
 */
export function workbookWithinLimits(fileName: string, bytes: Uint8Array): Uint8Array {
  const parts = readZipEntries(fileName, bytes, WORKBOOK_ARCHIVE);
  return zipSync(Object.fromEntries(parts), { level: 0 });
}
