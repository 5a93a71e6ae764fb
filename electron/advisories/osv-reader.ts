import type { ImportReader } from '../imports/import-reader';
import { storeImportedAdvisories } from '../discovery/discovery-repository';
import { osvDetector } from './osv-detector';
import { readOsvRecords, type OsvRecord } from './osv-record';

/**
 * OSV advisories: one record, a list, or an ecosystem zip as osv.dev publishes it. Advisories
 * merge by id (a newer `modified` wins) instead of replacing a source: two files may hold the
 * same record, and dropping one file's records would drop the other's too.
 */
export const osvReader: ImportReader<OsvRecord[]> = {
  ...osvDetector,
  read(source, format, ctx) {
    const records: OsvRecord[] = [];
    for (const { record, done, total } of readOsvRecords(source.fileName, source.bytes)) {
      ctx.throwIfCancelled();
      records.push(record);
      ctx.progress(done, total, `Reading ${source.fileName}: ${done.toLocaleString('en-US')} of ${total.toLocaleString('en-US')}`);
    }
    return { format, provider: null, scope: '', counts: { advisories: records.length }, warnings: [], data: records };
  },
  sourceKey: (_parsed, source) => `osv:${source.sha256}`,
  apply(db, parsed, _importId, source, ctx) {
    const records = parsed.data.map((record) => ({ id: record.id, modified: record.modified, json: JSON.stringify(record) }));
    const { imported, total } = storeImportedAdvisories(db, records, source.fileName, ctx.author);
    return { advisories: total, stored: imported };
  },
};
