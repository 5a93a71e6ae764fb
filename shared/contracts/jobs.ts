import { z } from 'zod';
import { method } from './method';
import type { ScanCounters, ScanSummary } from '../discovery';
import type { ImportRecord } from './imports';
import type { ReportPdf } from '../report';
import type { WorkspaceExport } from './exports';

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
  | { kind: 'scan'; value: ScanSummary[] }
  /** Every file format goes through the one import pipeline: the provenance records of the files imported, in the order given. */
  | { kind: 'import'; value: ImportRecord[] }
  /** The executive report printed to PDF; takeReportPdf hands the file over. */
  | { kind: 'report-pdf'; value: ReportPdf }
  /** A workspace export (SARIF, CycloneDX, manifest, JSON) written off the main thread; takeWorkspaceExport hands the file over. */
  | { kind: 'export'; value: WorkspaceExport };
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
