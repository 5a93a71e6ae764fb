import { availableParallelism } from 'node:os';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import { startEngineWorker } from '../../jobs/engine-worker';
import type { FingerprintKey } from '../secret-fingerprint';
import { bundledRulePacks } from './rule-packs';
import type { AnalyzeBatch, AnalyzedFile, AnalyzerReply, AnalyzerWorkerInput } from './analyzer-protocol';

interface PoolWorker {
  worker: Worker;
  ready: Promise<void>;
  inFlight: number;
}

/**
 * Analyzer threads for one scan. Batches of paths go to the least busy thread, which reads and
 * analyses them: reading and parsing are spread over one thread per core while the scan's own
 * thread only walks. One thread starts at once; the others only when every running thread is
 * busy, so scanning one small repository does not pay for a thread per core.
 */
export class AnalyzerPool {
  private readonly workers: PoolWorker[] = [];
  private readonly pending = new Map<number, { resolve: (r: AnalyzedFile[]) => void; reject: (e: Error) => void; worker: PoolWorker }>();
  private nextBatch = 0;
  private failure: Error | null = null;
  private readonly input: AnalyzerWorkerInput;
  private readonly sourceDir = dirname(fileURLToPath(import.meta.url));

  private closing = false;

  constructor(
    disabledRuleIds: ReadonlySet<string>,
    fingerprintKey: FingerprintKey,
    private readonly size = Math.max(1, availableParallelism()),
  ) {
    // Validated here, once, rather than in every thread (a broken pack fails the scan before any thread starts).
    this.input = { disabledRuleIds: [...disabledRuleIds], fingerprintKey, rulePacks: bundledRulePacks() };
    this.startWorker();
  }

  private startWorker(): PoolWorker {
    const worker = startEngineWorker('analyzer-worker', this.input, this.sourceDir);
    let markReady: () => void = () => {};
    let markFailed: (e: Error) => void = () => {};
    const entry: PoolWorker = { worker, inFlight: 0, ready: new Promise((res, rej) => ((markReady = res), (markFailed = rej))) };
    entry.ready.catch(() => {});
    worker.on('message', (reply: AnalyzerReply) => {
      if (reply.type === 'ready') markReady();
      else if (reply.type === 'failed') {
        this.fail(new Error(`An analyzer thread could not start: ${reply.message}`));
        markFailed(this.failure!);
      } else {
        const job = this.pending.get(reply.batchId);
        if (!job) return;
        this.pending.delete(reply.batchId);
        job.worker.inFlight--;
        job.resolve(reply.results);
      }
    });
    worker.on('error', (err) => {
      this.fail(new Error(`An analyzer thread failed: ${err.message}`));
      markFailed(this.failure!);
    });
    // A thread that ends without an error event (out of memory, process.exit) must not leave its batches waiting forever.
    worker.on('exit', (code) => {
      if (this.closing) return;
      this.fail(new Error(`An analyzer thread stopped unexpectedly (exit code ${code}).`));
      markFailed(this.failure!);
    });
    this.workers.push(entry);
    return entry;
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const job of this.pending.values()) job.reject(this.failure);
    this.pending.clear();
  }

  /** How many batches are queued: the scanner stops reading ahead when the threads fall behind. */
  get backlog(): number {
    return this.pending.size;
  }

  async analyze(files: AnalyzeBatch['files']): Promise<AnalyzedFile[]> {
    if (this.failure) throw this.failure;
    const leastBusy = this.workers.reduce((a, b) => (b.inFlight < a.inFlight ? b : a));
    const target = leastBusy.inFlight > 0 && this.workers.length < this.size ? this.startWorker() : leastBusy;
    await target.ready;
    const batchId = this.nextBatch++;
    target.inFlight++;
    return new Promise<AnalyzedFile[]>((resolve, reject) => {
      this.pending.set(batchId, { resolve, reject, worker: target });
      target.worker.postMessage({ batchId, files } satisfies AnalyzeBatch);
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    this.fail(new Error('The scan was stopped.'));
    await Promise.all(this.workers.map((w) => w.worker.terminate()));
  }
}
