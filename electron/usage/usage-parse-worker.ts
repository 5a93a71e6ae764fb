import { closeSync, openSync, readSync } from 'node:fs';
import { workerData } from 'node:worker_threads';
import type { CostRow } from '../../shared/usage';
import { USAGE_FORMAT_SPECS } from './formats';
import { UsageInputError } from './formats/usage-format';
import { BATCHES_AHEAD, POSTED, pushRow, ROWS_PER_BATCH, TAKEN, type ParseWorkerInput, type ParseWorkerMessage } from './parse-worker-protocol';

const CHUNK_BYTES = 8 * 1024 * 1024;

/**
 * Parses one usage file on its own thread while the importer writes the rows it already has: on
 * two cores a million-row import takes the longer of parsing and writing instead of their sum.
 */
function parseFile(input: ParseWorkerInput): void {
  const counters = new Int32Array(input.counters);
  const post = (message: ParseWorkerMessage) => {
    // Wait while the importer is BATCHES_AHEAD behind: a fast parser must not queue the whole file.
    for (;;) {
      const taken = Atomics.load(counters, TAKEN);
      if (Atomics.load(counters, POSTED) - taken < BATCHES_AHEAD) break;
      Atomics.wait(counters, TAKEN, taken, 1000);
    }
    input.port.postMessage(message);
    Atomics.add(counters, POSTED, 1);
    Atomics.notify(counters, POSTED);
  };
  let rows: unknown[] = [];
  let rowCount = 0;
  let costs: CostRow[] = [];
  const flush = () => {
    if (rowCount > 0) post({ kind: 'rows', values: rows });
    if (costs.length > 0) post({ kind: 'costs', rows: costs });
    rows = [];
    rowCount = 0;
    costs = [];
  };
  const spec = USAGE_FORMAT_SPECS.find((s) => s.format === input.format)!;
  const parser = spec.createParser({
    row: (r) => {
      pushRow(rows, r);
      if (++rowCount >= ROWS_PER_BATCH) flush();
    },
    cost: (c) => {
      costs.push(c);
      if (costs.length >= ROWS_PER_BATCH) flush();
    },
    warn: (position, message) => {
      flush();
      post({ kind: 'warn', position, message });
    },
  });
  const fd = openSync(input.path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    let done = 0;
    for (;;) {
      const read = readSync(fd, buffer, 0, CHUNK_BYTES, null);
      if (read === 0) break;
      parser.write(Buffer.from(buffer.subarray(0, read)));
      done += read;
      flush();
      post({ kind: 'progress', done });
    }
    parser.end();
    flush();
    post({ kind: 'done' });
  } catch (err) {
    flush();
    if (err instanceof UsageInputError) post({ kind: 'refused', position: err.position, message: err.message });
    else post({ kind: 'failed', message: err instanceof Error ? err.message : String(err) });
  } finally {
    closeSync(fd);
  }
}

parseFile(workerData as ParseWorkerInput);
