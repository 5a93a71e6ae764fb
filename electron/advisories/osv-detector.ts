import type { ImportDetector } from '../imports/import-reader';
import { looksLikeOsv } from './osv-record';

const ZIP = [0x50, 0x4b, 0x03, 0x04];

/** OSV advisories: one record or a list of them as JSON, or any zip no earlier family claimed (osv.dev publishes ecosystems as zips). */
export const osvDetector: ImportDetector = {
  describes: 'OSV advisories (one record, a list, or an osv.dev ecosystem zip)',
  detect(source) {
    if (source.startsWith(ZIP)) return 'osv';
    if (!source.looksLikeJson) return null;
    const value = source.jsonOrUndefined();
    if (looksLikeOsv(value) || (Array.isArray(value) && value.some(looksLikeOsv))) return 'osv';
    return null;
  },
};
