import { scanJob } from '../discovery/scan-job';
import { workspaceExportJob } from '../exports/export-job';
import { importJob } from '../imports/run-import';
import type { JobKind, JobKindName } from './job-kinds';

/**
 * Every job kind, listed here and nowhere else: the job worker looks kinds up in this list, and
 * the payload each kind takes is typed from it (see JobPayloadOf), so starting a job with the
 * wrong payload fails the type check instead of a cast inside the worker.
 */
export const JOB_KINDS = [importJob, scanJob, workspaceExportJob] as const;

type AnyJobKind = (typeof JOB_KINDS)[number];
export type KnownJobKind = AnyJobKind['kind'];
export type JobPayloadOf<K extends KnownJobKind> = Parameters<Extract<AnyJobKind, { kind: K }>['run']>[1];

export function jobKindNamed(kind: JobKindName): JobKind<JobKindName, unknown> {
  const found = JOB_KINDS.find((k) => k.kind === kind);
  if (!found) throw new Error(`No job kind named ${kind}; list it in electron/jobs/all-job-kinds.ts.`);
  return found as unknown as JobKind<JobKindName, unknown>;
}
