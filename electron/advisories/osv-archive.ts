import type { ZipProfile } from '../archives/bounded-zip';

const MB = 1024 * 1024;

/**
 * osv.dev publishes one zip per ecosystem, one small JSON record per entry. PyPI's holds tens of
 * thousands of records (a few tens of MB, a few hundred MB inflated) and npm's, with its
 * malicious-package reports, a few hundred thousand: 500,000 entries. The largest real records
 * (long `versions` lists) are tens to hundreds of KB: 8 MB per entry. Entries are handed on one
 * at a time, so the total bounds import time and workspace growth, not memory: 2 GB is several
 * times the largest ecosystem. JSON deflates 5-10:1; 100:1 is only reached by a crafted entry.
 */
export const OSV_ARCHIVE: ZipProfile = {
  kind: 'an OSV advisory zip',
  limits: { maxEntries: 500_000, maxEntryBytes: 8 * MB, maxTotalBytes: 2048 * MB, maxRatio: 100 },
  wants: (name) => name.toLowerCase().endsWith('.json'),
  advice: "Import an ecosystem's zip as osv.dev publishes it (e.g. PyPI/all.zip), or split the records into smaller files.",
  damagedMessage: (fileName, detail) => `${fileName} is not a readable zip archive (${detail}); it may be truncated or damaged. Download it again.`,
};
