import { listZipEntryNames } from '../archives/bounded-zip';
import type { ImportDetector } from '../imports/import-reader';
import { WORKBOOK_ARCHIVE } from './workbook-archive';

const ZIP = [0x50, 0x4b, 0x03, 0x04];

/** Agent registry spreadsheets: a workbook (a zip holding xl/workbook.xml), or any text whose first line has a comma, semicolon or tab. */
export const registryDetector: ImportDetector = {
  describes: 'an agent registry spreadsheet (CSV, or XLSX from Excel 2007+)',
  detect(source) {
    if (source.startsWith(ZIP)) {
      try {
        return listZipEntryNames(source.fileName, source.bytes, WORKBOOK_ARCHIVE).includes('xl/workbook.xml') ? 'registry-xlsx' : null;
      } catch {
        // A damaged workbook is still most likely a workbook: the reader says what is wrong with it.
        return /\.xlsx$/i.test(source.fileName) ? 'registry-xlsx' : null;
      }
    }
    if (source.looksLikeJson) return null;
    const firstLine = source.text.slice(0, 4096).split(/\r?\n/, 1)[0] ?? '';
    return /[,;\t]/.test(firstLine) || /\.(csv|tsv|txt)$/i.test(source.fileName) ? 'registry-csv' : null;
  },
};
