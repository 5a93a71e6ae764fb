import { randomUUID } from 'node:crypto';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import type { JobResult, JobStatus } from '../../shared/contract';
import { BackendError } from '../../shared/errors';
import type { ChangeAuthor } from '../store/audit-log';
import { cancelledError, OFFER_EXPIRES_MS } from './job-context';
import { startEngineWorker } from './engine-worker';
import type { JobControlMessage, JobWorkerInput, JobWorkerMessage } from './job-protocol';

interface RunningJob {
  status: JobStatus;
  worker: Worker | null;
  /** In-process jobs (startInProcess) are stopped through this instead of the shared flag. */
  abort: AbortController | null;
  cancelFlag: Int32Array;
  finished: Promise<void>;
  /** What the job offered (a preview) while it waits for 'go', and what identifies it (the files' hashes). */
  offer: { value: unknown; key: string } | null;
  offerKey: string | null;
  offered: Promise<unknown>;
  /** In-process jobs: hands the host's choices to the job waiting on its offer. */
  go: ((choices: unknown) => void) | null;
}

const KEEP_FINISHED = 50;

export interface InProcessJobControl {
  signal: AbortSignal;
  progress(done: number, total: number, message: string): void;
  /** As JobContext.offer: shows `value` (a preview) and resolves with the host's choices; a cancel rejects it. */
  offer(value: unknown): Promise<unknown>;
}

const cancelledPatch = (): Partial<JobStatus> => ({ state: 'cancelled', error: { code: 'cancelled', message: 'Cancelled; nothing was written.' } });

/**
 * Runs long work off the main thread. Each job gets its own worker and its own connection to
 * the workspace; its writes are one transaction, so cancel or failure leaves the workspace as
 * it was. Status is polled by the UI (the same way on every host).
 */
export class JobRunner {
  private readonly jobs = new Map<string, RunningJob>();

  constructor(private readonly nativeBinding?: string) {}

  /** `offerKey` names what the job will offer (e.g. the hashes of the files it previews), so `takeOffer` can find it. */
  start(kind: JobResult['kind'], title: string, payload: unknown, workspacePath: string, author: ChangeAuthor, offerKey: string | null = null): JobStatus {
    const id = randomUUID();
    const sharedFlag = new SharedArrayBuffer(4);
    const status: JobStatus = {
      id,
      kind,
      title,
      state: 'running',
      progress: { done: 0, total: 0, message: 'Starting…' },
      startedAt: new Date().toISOString(),
      endedAt: null,
      result: null,
      error: null,
    };
    const input: JobWorkerInput = { kind, payload, workspacePath, author, cancelFlag: sharedFlag, ...(this.nativeBinding ? { nativeBinding: this.nativeBinding } : {}) };
    const worker = startEngineWorker('job-worker', input, dirname(fileURLToPath(import.meta.url)));
    const job: RunningJob = { status, worker, abort: null, cancelFlag: new Int32Array(sharedFlag), finished: Promise.resolve(), offer: null, offerKey, offered: Promise.resolve(), go: null };
    let offered: (value: unknown) => void = () => {};
    job.offered = new Promise((resolve) => (offered = resolve));
    job.finished = new Promise<void>((resolve) => {
      const finish = (patch: Partial<JobStatus>) => {
        if (job.status.state !== 'running') return;
        Object.assign(job.status, patch, { endedAt: new Date().toISOString() });
        job.worker = null;
        job.offer = null;
        resolve();
        offered(undefined);
      };
      worker.on('message', (message: JobWorkerMessage) => {
        if (message.type === 'progress') job.status.progress = message.progress;
        else if (message.type === 'offer') {
          job.offer = { value: message.offer, key: job.offerKey ?? '' };
          offered(message.offer);
        }
        else if (message.type === 'done') finish({ state: 'succeeded', result: message.result });
        else if (message.error.code === 'cancelled') finish({ state: 'cancelled', error: message.error });
        else finish({ state: 'failed', error: message.error });
      });
      worker.on('error', (err) => finish({ state: 'failed', error: { code: 'internal', message: `The job crashed: ${err.message}. The workspace was not changed.` } }));
      worker.on('exit', (code) => {
        const cancelled = Atomics.load(job.cancelFlag, 0) === 1;
        finish(
          cancelled
            ? { state: 'cancelled', error: { code: 'cancelled', message: 'Cancelled; the workspace was left as it was.' } }
            : { state: 'failed', error: { code: 'internal', message: `The job stopped unexpectedly (exit ${code}). The workspace was not changed.` } },
        );
      });
    });
    this.jobs.set(id, job);
    this.forgetOldJobs();
    return { ...status };
  }

  /**
   * A job whose heavy work already runs in another process (a browser printing a PDF), or in an
   * object only this thread holds (Electron's webContents), or that is too small to be worth a
   * worker's start-up (an import of a few rows): it runs here, awaited, with the same status,
   * progress, cancel and offer as a worker job. `run` must stop and clean up when `signal` aborts.
   */
  startInProcess(kind: JobResult['kind'], title: string, run: (control: InProcessJobControl) => Promise<JobResult>, offerKey: string | null = null): JobStatus {
    const id = randomUUID();
    const status: JobStatus = { id, kind, title, state: 'running', progress: { done: 0, total: 0, message: 'Starting…' }, startedAt: new Date().toISOString(), endedAt: null, result: null, error: null };
    const abort = new AbortController();
    const job: RunningJob = { status, worker: null, abort, cancelFlag: new Int32Array(new SharedArrayBuffer(4)), finished: Promise.resolve(), offer: null, offerKey, offered: Promise.resolve(), go: null };
    let offered: (value: unknown) => void = () => {};
    job.offered = new Promise((resolve) => (offered = resolve));
    const finish = (patch: Partial<JobStatus>) => {
      if (job.status.state === 'running') Object.assign(job.status, patch, { endedAt: new Date().toISOString() });
      job.offer = null;
      job.go = null;
      offered(undefined);
    };
    const progress = (done: number, total: number, message: string) => {
      if (job.status.state === 'running') job.status.progress = { done, total, message };
    };
    const offer = (value: unknown) =>
      new Promise<unknown>((resolve, reject) => {
        const expiry = setTimeout(() => reject(new BackendError('cancelled', 'The preview waited 10 minutes without an import and was let go; nothing was written. Check the files again to import them.')), OFFER_EXPIRES_MS);
        const stop = () => {
          clearTimeout(expiry);
          abort.signal.removeEventListener('abort', onAbort);
          job.go = null;
        };
        const onAbort = () => {
          stop();
          reject(cancelledError());
        };
        if (abort.signal.aborted) return onAbort();
        abort.signal.addEventListener('abort', onAbort);
        job.go = (choices) => {
          stop();
          resolve(choices);
        };
        job.offer = { value, key: job.offerKey ?? '' };
        offered(value);
      });
    job.finished = Promise.resolve()
      .then(() => run({ signal: abort.signal, progress, offer }))
      .then(
        (result) => finish(abort.signal.aborted ? cancelledPatch() : { state: 'succeeded', result }),
        (err: unknown) => {
          const error = err instanceof BackendError ? { code: err.code, message: err.message } : { code: 'internal', message: err instanceof Error ? err.message : String(err) };
          finish(abort.signal.aborted || error.code === 'cancelled' ? cancelledPatch() : { state: 'failed', error });
        },
      );
    this.jobs.set(id, job);
    this.forgetOldJobs();
    return { ...status };
  }

  get(id: string): JobStatus {
    const job = this.jobs.get(id);
    if (!job) throw new BackendError('not-found', `No job ${id}: it finished long ago or belongs to an earlier session.`);
    return { ...job.status, progress: { ...job.status.progress } };
  }

  /** Asks the job to stop; its transaction rolls back. Resolves with the final status. */
  async cancel(id: string): Promise<JobStatus> {
    const job = this.jobs.get(id);
    if (!job) throw new BackendError('not-found', `No job ${id} to cancel.`);
    if (job.status.state === 'running' && job.abort) {
      job.abort.abort();
      await job.finished;
    } else if (job.status.state === 'running') {
      Atomics.store(job.cancelFlag, 0, 1);
      // A job that never checks again (e.g. stuck in a parse) is terminated after a grace period.
      const timer = setTimeout(() => void job.worker?.terminate(), 2000);
      await job.finished;
      clearTimeout(timer);
    }
    return this.get(id);
  }

  /** Resolves with what the job offers, or with its final status when it ends without offering. */
  async waitForOffer(id: string): Promise<{ offer: unknown } | { ended: JobStatus }> {
    const job = this.jobs.get(id);
    if (!job) throw new BackendError('not-found', `No job ${id}.`);
    await job.offered;
    return job.offer ? { offer: job.offer.value } : { ended: this.get(id) };
  }

  /**
   * A running job of `kind` waiting with an offer under `key`: told to go with `choices`, and
   * returned; null when there is none (it expired, or the files differ from the ones previewed).
   */
  takeOffer(kind: JobResult['kind'], key: string, choices: unknown, title: string): JobStatus | null {
    const job = [...this.jobs.values()].find((j) => j.status.kind === kind && j.status.state === 'running' && j.offer?.key === key);
    if (!job || (!job.worker && !job.go)) return null;
    job.offer = null;
    job.offerKey = null;
    job.status.title = title;
    if (job.worker) job.worker.postMessage({ type: 'go', choices } satisfies JobControlMessage);
    else job.go!(choices);
    return this.get(job.status.id);
  }

  /** Cancels the jobs of `kind` that wait with an offer nobody took (a preview the person moved on from). */
  dropOffers(kind: JobResult['kind']): void {
    for (const job of this.jobs.values()) if (job.status.kind === kind && job.offer) void this.cancel(job.status.id);
  }

  async waitFor(id: string): Promise<JobStatus> {
    const job = this.jobs.get(id);
    if (!job) throw new BackendError('not-found', `No job ${id}.`);
    await job.finished;
    return this.get(id);
  }

  async cancelAll(): Promise<void> {
    await Promise.all([...this.jobs.values()].filter((j) => j.status.state === 'running').map((j) => this.cancel(j.status.id)));
  }

  private forgetOldJobs(): void {
    const finished = [...this.jobs.values()].filter((j) => j.status.state !== 'running');
    for (const job of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) this.jobs.delete(job.status.id);
  }
}
