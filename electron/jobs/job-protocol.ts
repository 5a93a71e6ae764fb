import type { JobProgress, JobResult } from '../../shared/contract';
import type { ApiErrorData } from '../../shared/errors';
import type { ChangeAuthor } from '../store/audit-log';

/** What the main thread hands a job worker. */
export interface JobWorkerInput {
  kind: JobResult['kind'];
  payload: unknown;
  workspacePath: string;
  author: ChangeAuthor;
  /** Int32 slot 0 becomes 1 when the job is cancelled: readable inside a synchronous transaction. */
  cancelFlag: SharedArrayBuffer;
  nativeBinding?: string;
}

export type JobWorkerMessage =
  | { type: 'progress'; progress: JobProgress }
  /** The job has a result to show (a preview) and waits for 'go' before it writes anything. */
  | { type: 'offer'; offer: unknown }
  | { type: 'done'; result: JobResult }
  | { type: 'failed'; error: ApiErrorData };

/** What the main thread sends a running job: go ahead with what it offered, given these choices. */
export type JobControlMessage = { type: 'go'; choices: unknown };
