import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MessageChannel, receiveMessageOnPort } from 'node:worker_threads';
import type { UsageFormat } from '../../shared/usage';
import { startEngineWorker } from '../jobs/engine-worker';
import type { ReadContext } from '../imports/import-reader';
import { UsageInputError, type UsageSink } from './formats/usage-format';
import { POSTED, rowsOf, TAKEN, type ParseWorkerInput, type ParseWorkerMessage } from './parse-worker-protocol';

/** Below this a thread costs more to start than it saves: the file is parsed where it is read. */
export const PARSE_IN_WORKER_BYTES = 16 * 1024 * 1024;

/**
 * Parses a usage file on a worker thread and hands its rows to `sink` on this one, synchronously
 * (the import writes inside its transaction, which cannot await): messages are taken with
 * receiveMessageOnPort, and the thread waits on a shared counter between them, checking for a
 * cancel. A refusal surfaces as the parser's UsageInputError; the worker is stopped on any exit.
 */
export function parseInWorker(path: string, size: number, format: UsageFormat, sink: UsageSink, ctx: ReadContext, progressLabel: string): void {
  const counters = new SharedArrayBuffer(8);
  const shared = new Int32Array(counters);
  const { port1, port2 } = new MessageChannel();
  const input: ParseWorkerInput = { path, format, counters, port: port2 };
  const worker = startEngineWorker('usage-parse-worker', input, dirname(fileURLToPath(import.meta.url)), [port2]);
  let failure: Error | null = null;
  worker.on('error', (err) => (failure = err));
  let taken = 0;
  try {
    for (;;) {
      ctx.throwIfCancelled();
      const received = receiveMessageOnPort(port1) as { message: ParseWorkerMessage } | undefined;
      if (!received) {
        if (failure) throw failure;
        // Sleep until the worker posts (or 50 ms pass, to look at cancel and worker errors again).
        Atomics.wait(shared, POSTED, taken, 50);
        continue;
      }
      taken++;
      Atomics.store(shared, TAKEN, taken);
      Atomics.notify(shared, TAKEN);
      const message = received.message;
      switch (message.kind) {
        case 'rows':
          for (const row of rowsOf(message.values)) sink.row(row);
          break;
        case 'costs':
          for (const row of message.rows) sink.cost(row);
          break;
        case 'warn':
          sink.warn(message.position, message.message);
          break;
        case 'progress':
          ctx.progress(message.done, size, `${progressLabel}: ${(message.done / 1_048_576).toFixed(0)} of ${(size / 1_048_576).toFixed(0)} MB`);
          break;
        case 'refused':
          throw new UsageInputError(message.position, message.message);
        case 'failed':
          throw new Error(message.message);
        case 'done':
          return;
      }
    }
  } finally {
    port1.close();
    void worker.terminate();
  }
}
