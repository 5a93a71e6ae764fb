import type { ScanCounters } from '../../shared/discovery';
import { BackendError } from '../../shared/errors';
import type { ChangeAuthor } from '../store/audit-log';
import type { Workspace } from '../store/workspace-file';

/** What a job implementation gets: its own workspace connection, progress and cancellation. */
export interface JobContext {
  workspace: Workspace;
  author: ChangeAuthor;
  /** Reports progress; cheap to call often (sends at most every 50 ms, and always the last). */
  progress(done: number, total: number, message: string, counters?: ScanCounters): void;
  /** Throws BackendError('cancelled') once cancel was asked; call it inside loops and transactions. */
  throwIfCancelled(): void;
  /**
   * Hands the host something to show (a preview) and waits until the person goes ahead; resolves
   * with their choices. Cancel, or no answer within `OFFER_EXPIRES_MS`, ends the job unchanged.
   */
  offer(value: unknown): Promise<unknown>;
}

/** How long a preview waits for its import before the job lets go of the parsed files. */
export const OFFER_EXPIRES_MS = 10 * 60_000;

export function cancelledError(): BackendError {
  return new BackendError('cancelled', 'Cancelled; the workspace was left as it was before the job started.');
}

export function makeProgressReporter(send: (done: number, total: number, message: string, counters?: ScanCounters) => void, intervalMs = 50) {
  let last = 0;
  return (done: number, total: number, message: string, counters?: ScanCounters) => {
    const now = Date.now();
    if (now - last >= intervalMs || (total > 0 && done >= total)) {
      last = now;
      send(done, total, message, counters);
    }
  };
}

export function makeCancelCheck(flag: Int32Array): () => void {
  return () => {
    if (Atomics.load(flag, 0) === 1) throw cancelledError();
  };
}

/**
 * A context for running a job's work in the calling thread (fuzz runs, benchmarks, the demo
 * build): no progress, never cancelled, and an offer goes ahead at once with no choices made.
 */
export function inlineJobContext(workspace: Workspace, author: ChangeAuthor = { actor: 'inline', via: 'test' }): JobContext {
  return { workspace, author, progress: () => undefined, throwIfCancelled: () => undefined, offer: async () => ({ skipRows: {} }) };
}
