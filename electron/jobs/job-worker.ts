import { parentPort, workerData } from 'node:worker_threads';
import { BackendError } from '../../shared/errors';
import { openWorkspaceFile } from '../store/workspace-file';
import { cancelledError, makeCancelCheck, makeProgressReporter, OFFER_EXPIRES_MS } from './job-context';
import { jobKindNamed } from './all-job-kinds';
import type { JobControlMessage, JobWorkerInput, JobWorkerMessage } from './job-protocol';

/** Entry of a job worker thread: runs one job against its own connection to the workspace. */
async function run(input: JobWorkerInput): Promise<JobWorkerMessage> {
  const workspace = openWorkspaceFile(input.workspacePath, { verify: false, ...(input.nativeBinding ? { nativeBinding: input.nativeBinding } : {}) });
  try {
    const post = (message: JobWorkerMessage) => parentPort!.postMessage(message);
    const result = await (await jobKindNamed(input.kind)).run(
      {
        workspace,
        author: input.author,
        progress: makeProgressReporter((done, total, message, counters) => post({ type: 'progress', progress: { done, total, message, ...(counters ? { counters } : {}) } })),
        throwIfCancelled: makeCancelCheck(new Int32Array(input.cancelFlag)),
        offer: (value) => offerAndWait(post, value, new Int32Array(input.cancelFlag)),
      },
      input.payload,
    );
    return { type: 'done', result };
  } finally {
    workspace.close();
  }
}

/**
 * Posts the offer, then waits for the host's 'go'. The cancel flag is polled because a cancel
 * only flips shared memory; the expiry frees the parsed files of a preview nobody imports.
 */
function offerAndWait(post: (message: JobWorkerMessage) => void, value: unknown, cancelFlag: Int32Array): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const expires = Date.now() + OFFER_EXPIRES_MS;
    const onMessage = (message: JobControlMessage) => {
      if (message.type !== 'go') return;
      stop();
      resolve(message.choices);
    };
    const poll = setInterval(() => {
      if (Atomics.load(cancelFlag, 0) === 1) {
        stop();
        reject(cancelledError());
      } else if (Date.now() > expires) {
        stop();
        reject(new BackendError('cancelled', 'The preview waited 10 minutes without an import and was let go; nothing was written. Check the files again to import them.'));
      }
    }, 100);
    const stop = () => {
      clearInterval(poll);
      parentPort!.off('message', onMessage);
    };
    parentPort!.on('message', onMessage);
    post({ type: 'offer', offer: value });
  });
}

run(workerData as JobWorkerInput)
  .then((message) => parentPort!.postMessage(message))
  .catch((err: unknown) => {
    const error =
      err instanceof BackendError ? err.toData() : { code: 'internal' as const, message: `The job failed: ${err instanceof Error ? err.message : String(err)}. The workspace was not changed.` };
    parentPort!.postMessage({ type: 'failed', error } satisfies JobWorkerMessage);
  });
