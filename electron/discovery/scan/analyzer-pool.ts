import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import { startEngineWorker } from '../../jobs/engine-worker';
import type { FingerprintKey } from '../secret-fingerprint';
import { bundledRulePacks } from './rule-packs';
import type { AnalyzerRules } from './analyze-file';
import { packResults, unpackResults, type AnalyzeBatch, type AnalyzedFile, type AnalyzerReply, type AnalyzerWorkerInput, type FileToAnalyze } from './analyzer-protocol';
import type { readAndAnalyze as ReadAndAnalyze } from './read-and-analyze';

interface PoolWorker {
  worker: Worker;
  ready: Promise<void>;
  inFlight: number;
}

/**
 * Below this, a scan is analysed on its own thread: starting an analyzer thread (a V8 isolate,
 * the analyzers' code, tens of MB) costs more than reading and parsing a few small files. Small
 * enough that the analysis cannot hold up a cancel for long.
 */
const ON_THIS_THREAD = { maxFiles: 8, maxBytes: 64 * 1024 };

/**
 * A file's size for the choice above. The walk does not stat plain files (the reader does), so a
 * batch small enough to stay here has its few files stat'ed now; one that cannot be stat'ed counts
 * as too big, and its thread reports why it cannot be read.
 */
function sizeOf(file: FileToAnalyze): number {
  if (file.size !== undefined) return file.size;
  try {
    return statSync(typeof file.absPath === 'string' ? file.absPath : Buffer.from(file.absPath)).size;
  } catch {
    return Infinity;
  }
}

export interface AnalyzerPoolOptions {
  /** Threads at most (default: one per core). */
  size?: number;
  /** Analyse a tiny first batch on this thread rather than starting a thread for it (default true). */
  inline?: boolean;
}

/**
 * Analyzer threads for one scan. Batches of paths go to the least busy thread, which reads and
 * analyses them: reading and parsing are spread over one thread per core while the scan's own
 * thread only walks. Threads start when work arrives, one more only when every running one is
 * busy, and a scan of a few small files (ON_THIS_THREAD) starts none: a CLI scan of one
 * repository does not pay for a thread per core.
 */
export class AnalyzerPool {
  private readonly workers: PoolWorker[] = [];
  private readonly pending = new Map<number, { resolve: (r: AnalyzedFile[]) => void; reject: (e: Error) => void; worker: PoolWorker }>();
  private nextBatch = 0;
  private failure: Error | null = null;
  private readonly input: AnalyzerWorkerInput;
  private readonly sourceDir = dirname(fileURLToPath(import.meta.url));
  private readonly size: number;
  private readonly inline: boolean;
  private rulesHere: Promise<{ rules: AnalyzerRules; readAndAnalyze: typeof ReadAndAnalyze }> | null = null;

  private closing = false;

  constructor(disabledRuleIds: ReadonlySet<string>, fingerprintKey: FingerprintKey, sizeOrOptions: number | AnalyzerPoolOptions = {}) {
    const options = typeof sizeOrOptions === 'number' ? { size: sizeOrOptions } : sizeOrOptions;
    this.size = Math.max(1, options.size ?? availableParallelism());
    this.inline = options.inline ?? true;
    // Read here, once, rather than in every thread (a broken configuration pack fails the scan before any thread starts).
    this.input = { disabledRuleIds: [...disabledRuleIds], fingerprintKey, rulePacks: bundledRulePacks() };
  }

  /** How many analyzer threads have started. */
  get threads(): number {
    return this.workers.length;
  }

  /** Starts the first thread, if none has, and waits until it is ready (a benchmark's warm-up; scans never need to). */
  async warmUp(): Promise<void> {
    await (this.workers[0] ?? this.startWorker()).ready;
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
        job.resolve(unpackResults(reply.results));
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
    if (this.workers.length === 0 && this.inline && files.length <= ON_THIS_THREAD.maxFiles && files.reduce((sum, f) => sum + sizeOf(f), 0) <= ON_THIS_THREAD.maxBytes) return this.analyzeHere(files);
    const leastBusy = this.workers.length === 0 ? this.startWorker() : this.workers.reduce((a, b) => (b.inFlight < a.inFlight ? b : a));
    const target = leastBusy.inFlight > 0 && this.workers.length < this.size ? this.startWorker() : leastBusy;
    // Counted before waiting: batches handed over together (a deepening pass) must see each
    // other, or every one of them picks the same idle thread while the others stay idle.
    target.inFlight++;
    await target.ready;
    const batchId = this.nextBatch++;
    return new Promise<AnalyzedFile[]>((resolve, reject) => {
      this.pending.set(batchId, { resolve, reject, worker: target });
      target.worker.postMessage({ batchId, files } satisfies AnalyzeBatch);
    });
  }

  /**
   * The same reading and analysis an analyzer thread does, on this thread. The analyzers load on
   * first use, and the results are copied as a thread's message would copy them, so the linker
   * sees the same objects either way.
   */
  private async analyzeHere(files: FileToAnalyze[]): Promise<AnalyzedFile[]> {
    this.rulesHere ??= Promise.all([import('./analyze-file'), import('./read-and-analyze')]).then(([analyzers, reader]) => ({
      rules: analyzers.loadAnalyzerRules(new Set(this.input.disabledRuleIds), this.input.fingerprintKey, this.input.rulePacks),
      readAndAnalyze: reader.readAndAnalyze,
    }));
    const { rules, readAndAnalyze } = await this.rulesHere;
    const results: AnalyzedFile[] = [];
    for (const file of files) results.push(await readAndAnalyze(file, rules));
    if (this.failure) throw this.failure;
    return unpackResults(structuredClone(packResults(results)));
  }

  async close(): Promise<void> {
    this.closing = true;
    this.fail(new Error('The scan was stopped.'));
    await Promise.all(this.workers.map((w) => w.worker.terminate()));
  }
}
