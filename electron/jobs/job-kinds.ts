import type { JobResult } from '../../shared/contract';
import type { JobContext } from './job-context';

/** Every kind of background job, by name. Each one runs inside a job worker thread. */
export type JobImplementation = (ctx: JobContext, payload: unknown) => JobResult | Promise<JobResult>;

const implementations = new Map<JobResult['kind'], JobImplementation>();

export function registerJobKind(kind: JobResult['kind'], implementation: JobImplementation): void {
  implementations.set(kind, implementation);
}

export function jobImplementation(kind: JobResult['kind']): JobImplementation {
  const implementation = implementations.get(kind);
  if (!implementation) throw new Error(`No job implementation for ${kind}`);
  return implementation;
}
