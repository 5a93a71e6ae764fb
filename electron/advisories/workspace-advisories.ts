import { importedAdvisoryRecords, type AdvisoryLookup } from '../discovery/discovery-repository';
import type { Db } from '../store/workspace-file';
import { advisoryLookupFrom } from './advisory-lookup';
import { readCuratedAdvisories } from './curated-advisories';
import { OsvRecordSchema, type OsvRecord } from './osv-record';

/**
 * Curated advisories plus the ones imported into this workspace, indexed: the session keeps one
 * per workspace, a job worker builds its own. The index is built for the first agent with locked
 * packages: reading and checking the records costs a command about 20 ms, which a workspace whose
 * agents lock no packages (a scan of a few scripts) never needs.
 */
export function workspaceAdvisoryLookup(db: Db): AdvisoryLookup {
  let lookup: AdvisoryLookup | null = null;
  return (agent) => {
    if (agent.packages.length === 0) return [];
    lookup ??= advisoryLookupFrom(advisoryRecords(db));
    return lookup(agent);
  };
}

function advisoryRecords(db: Db): OsvRecord[] {
  // Records stored before imports were checked as strictly (an id with a path, a `modified` that is no date) are left out.
  const imported = importedAdvisoryRecords(db).flatMap((json) => {
    const parsed = OsvRecordSchema.safeParse(JSON.parse(json));
    return parsed.success ? [parsed.data] : [];
  });
  return [...readCuratedAdvisories(), ...imported];
}
