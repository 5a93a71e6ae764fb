import type { JobKind, JobKindName } from './job-kinds';

/**
 * Every job kind, listed here and nowhere else: the job worker looks kinds up in this list, and
 * the payload each kind takes is typed from it (see JobPayloadOf), so starting a job with the
 * wrong payload fails the type check instead of a cast inside the worker. Each kind is loaded
 * when a job of it starts: a scan's thread does not evaluate the importers' and exporters' code.
 */
const JOB_KINDS = {
  import: () => import('../imports/run-import').then((m) => m.importJob),
  scan: () => import('../discovery/scan-job').then((m) => m.scanJob),
  export: () => import('../exports/export-job').then((m) => m.workspaceExportJob),
} as const satisfies { [K in JobKindName]?: () => Promise<JobKind<K, never>> };

type AnyJobKind = Awaited<ReturnType<(typeof JOB_KINDS)[keyof typeof JOB_KINDS]>>;
export type KnownJobKind = AnyJobKind['kind'];
export type JobPayloadOf<K extends KnownJobKind> = Parameters<Extract<AnyJobKind, { kind: K }>['run']>[1];

export async function jobKindNamed(kind: JobKindName): Promise<JobKind<JobKindName, unknown>> {
  const load = (JOB_KINDS as Partial<Record<JobKindName, () => Promise<AnyJobKind>>>)[kind];
  if (!load) throw new Error(`No job kind named ${kind}; list it in electron/jobs/all-job-kinds.ts.`);
  return (await load()) as unknown as JobKind<JobKindName, unknown>;
}
