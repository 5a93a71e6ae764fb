import { readOsvRecords } from './osv-record';
import { storeImportedAdvisories, type ImportedAdvisory } from '../discovery/discovery-repository';
import type { JobContext } from '../jobs/job-context';
import { defineJobKind, type ResultOf } from '../jobs/job-kinds';

export interface AdvisoryImportPayload {
  fileName: string;
  contentBase64: string;
}

/**
 * Reads an OSV advisory file (one record, a list, or an ecosystem zip of tens of thousands) off
 * the main thread and stores it in one transaction, record by record as it is read: an invalid
 * record, a file over the archive limits or a cancel leaves the workspace as it was.
 */
export function runAdvisoryImport(ctx: JobContext, payload: AdvisoryImportPayload): ResultOf<'advisory-import'> {
  const { fileName } = payload;
  ctx.progress(0, 0, `Reading ${fileName}…`);
  const bytes = Buffer.from(payload.contentBase64, 'base64');
  function* records(): Generator<ImportedAdvisory> {
    for (const { record, done, total } of readOsvRecords(fileName, bytes)) {
      ctx.throwIfCancelled();
      yield { id: record.id, modified: record.modified, json: JSON.stringify(record) };
      ctx.progress(done, total, `Importing ${fileName}: ${done.toLocaleString('en-US')} of ${total.toLocaleString('en-US')}`);
    }
    ctx.throwIfCancelled();
  }
  return { kind: 'advisory-import', value: storeImportedAdvisories(ctx.workspace.db, records(), fileName, ctx.author) };
}

export const advisoryImportJob = defineJobKind('advisory-import', runAdvisoryImport);
