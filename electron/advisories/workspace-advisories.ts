import { importedAdvisoryRecords, type AdvisoryLookup } from '../discovery/discovery-repository';
import type { Db } from '../store/workspace-file';
import { advisoryLookupFrom } from './advisory-lookup';
import { readCuratedAdvisories } from './curated-advisories';
import { OsvRecordSchema } from './osv-record';

/** Curated advisories plus the ones imported into this workspace, indexed: the session keeps one per workspace, a job worker builds its own. */
export function workspaceAdvisoryLookup(db: Db): AdvisoryLookup {
  // Records stored before imports were checked as strictly (an id with a path, a `modified` that is no date) are left out.
  const imported = importedAdvisoryRecords(db).flatMap((json) => {
    const parsed = OsvRecordSchema.safeParse(JSON.parse(json));
    return parsed.success ? [parsed.data] : [];
  });
  return advisoryLookupFrom([...readCuratedAdvisories(), ...imported]);
}
