import { z } from 'zod';
import { method } from './method';
import type { ScanCounters, ScanSummary } from '../discovery';
import type { RegistryImportPreview, RegistryImportResult } from './registry';
import type { AdvisoryImportResult } from './discovery';

/** Background jobs: progress, result, cancel. */

export type JobState = 'running' | 'succeeded' | 'failed' | 'cancelled';
export interface JobProgress {
  done: number;
  /** 0 while the total is not known yet (a scan before its walk ends). */
  total: number;
  message: string;
  /** A scan's running file counts, for the progress panel. */
  counters?: ScanCounters;
}
export type JobResult =
  | { kind: 'registry-import'; value: RegistryImportResult }
  /** What previewRegistryImport answers, read in a worker so the host's thread never parses a workbook. */
  | { kind: 'registry-preview'; value: RegistryImportPreview }
  | { kind: 'scan'; value: ScanSummary[] }
  | { kind: 'advisory-import'; value: AdvisoryImportResult };
export interface JobStatus {
  id: string;
  kind: JobResult['kind'];
  title: string;
  state: JobState;
  progress: JobProgress;
  startedAt: string;
  endedAt: string | null;
  result: JobResult | null;
  error: { code: string; message: string } | null;
}
const JobRef = z.object({ jobId: z.string().min(1).max(100) });

export const jobsContract = {
  getJob: method<JobStatus>()(JobRef),
  cancelJob: method<JobStatus>()(JobRef),
} as const;
