import { parentPort, workerData } from 'node:worker_threads';
import { BackendError } from '../../shared/errors';
import { openWorkspaceFile } from '../store/workspace-file';
import { makeCancelCheck, makeProgressReporter } from './job-context';
import { jobKindNamed } from './all-job-kinds';
import type { JobWorkerInput, JobWorkerMessage } from './job-protocol';

/** Entry of a job worker thread: runs one job against its own connection to the workspace. */
async function run(input: JobWorkerInput): Promise<JobWorkerMessage> {
  const workspace = openWorkspaceFile(input.workspacePath, { verify: false, ...(input.nativeBinding ? { nativeBinding: input.nativeBinding } : {}) });
  try {
    const post = (message: JobWorkerMessage) => parentPort!.postMessage(message);
    const result = await jobKindNamed(input.kind).run(
      {
        workspace,
        author: input.author,
        progress: makeProgressReporter((done, total, message, counters) => post({ type: 'progress', progress: { done, total, message, ...(counters ? { counters } : {}) } })),
        throwIfCancelled: makeCancelCheck(new Int32Array(input.cancelFlag)),
      },
      input.payload,
    );
    return { type: 'done', result };
  } finally {
    workspace.close();
  }
}

run(workerData as JobWorkerInput)
  .then((message) => parentPort!.postMessage(message))
  .catch((err: unknown) => {
    const error =
      err instanceof BackendError ? err.toData() : { code: 'internal' as const, message: `The job failed: ${err instanceof Error ? err.message : String(err)}. The workspace was not changed.` };
    parentPort!.postMessage({ type: 'failed', error } satisfies JobWorkerMessage);
  });
