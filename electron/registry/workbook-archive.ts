import type { ZipProfile } from '../archives/bounded-zip';

const MB = 1024 * 1024;

/**
 * An XLSX file is a zip of XML parts. The limits fit a registry, not any workbook: 10,000 agents
 * of 15 columns, as Excel or exceljs write them, are a 6 MB sheet and 2.5 MB of shared strings
 * (~9 MB in all, deflated ~12:1). 16 MB per part takes 10,000 rows of 40 columns; 32 MB in all
 * leaves room for styles, more sheets and a logo. Real workbooks have tens of parts, a few hundred
 * with many sheets and images: 1,000 entries. 100:1 is Apache POI's long-standing ratio limit for
 * Office files. exceljs holds ~30 bytes of memory per byte of sheet XML, so these limits are also
 * what keeps an accepted workbook to a few hundred MB while it is read.
 */
export const WORKBOOK_ARCHIVE: ZipProfile = {
  kind: 'a registry workbook',
  limits: { maxEntries: 1_000, maxEntryBytes: 16 * MB, maxTotalBytes: 32 * MB, maxRatio: 100 },
  // Embedded documents (OLE objects) are not cells: never inflated, and never handed to exceljs.
  wants: (name) => !isEmbedding(name),
  holdsArchivesAt: isEmbedding,
  advice: 'A registry of 10,000 agents unpacks to about 9 MB: save the sheet as CSV UTF-8 and import that (up to 100,000 rows), or split the workbook.',
  damagedMessage: (fileName, detail) =>
    `${fileName} could not be read as an Excel workbook; it looks truncated or corrupt (${detail}). Open it in Excel, save it again as .xlsx and import again.`,
};

function isEmbedding(name: string): boolean {
  return name.startsWith('xl/embeddings/');
}
