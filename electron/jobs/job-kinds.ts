import type { JobResult } from '../../shared/contract';
import type { JobContext } from './job-context';

export type JobKindName = JobResult['kind'];
export type ResultOf<K extends JobKindName> = Extract<JobResult, { kind: K }>;

/** One kind of background job: what it takes, and the work it does inside a job worker thread. */
export interface JobKind<K extends JobKindName, P> {
  kind: K;
  run(ctx: JobContext, payload: P): ResultOf<K> | Promise<ResultOf<K>>;
}

/** Declares a job kind; the capability's folder exports it and all-job-kinds.ts lists it. */
export function defineJobKind<K extends JobKindName, P>(kind: K, run: (ctx: JobContext, payload: P) => ResultOf<K> | Promise<ResultOf<K>>): JobKind<K, P> {
  return { kind, run };
}
