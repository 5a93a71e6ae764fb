import type { scanJob } from '../discovery/scan-job';
import type { workspaceExportJob } from '../exports/export-job';
import type { importJob } from '../imports/run-import';
import type { JobKind, JobKindName } from './job-kinds';

type AnyJobKind = typeof importJob | typeof scanJob | typeof workspaceExportJob;
export type KnownJobKind = AnyJobKind['kind'];
export type JobPayloadOf<K extends KnownJobKind> = Parameters<Extract<AnyJobKind, { kind: K }>['run']>[1];

/**
 * Every job kind, listed here and nowhere else: the job worker looks kinds up in this list, and
 * the payload each kind takes is typed from it (see JobPayloadOf), so starting a job with the
 * wrong payload fails the type check instead of a cast inside the worker. Each kind is loaded by
 * the worker that runs it: an import's worker never loads the scanner's analyzers, nor a scan's
 * worker the export writers.
 */
const JOB_KINDS: { [K in KnownJobKind]: () => Promise<Extract<AnyJobKind, { kind: K }>> } = {
  import: async () => (await import('../imports/run-import')).importJob,
  scan: async () => (await import('../discovery/scan-job')).scanJob,
  export: async () => (await import('../exports/export-job')).workspaceExportJob,
};

export async function jobKindNamed(kind: JobKindName): Promise<JobKind<JobKindName, unknown>> {
  const load = (JOB_KINDS as Partial<Record<JobKindName, () => Promise<AnyJobKind>>>)[kind];
  if (!load) throw new Error(`No job kind named ${kind}; list it in electron/jobs/all-job-kinds.ts.`);
  return (await load()) as unknown as JobKind<JobKindName, unknown>;
}
