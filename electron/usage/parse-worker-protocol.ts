import type { MessagePort } from 'node:worker_threads';
import type { CostRow, UsageFormat, UsageLayer, UsageRow } from '../../shared/usage';

/**
 * Between a usage import and the thread that parses its file: rows travel as flat arrays of
 * primitives (no property names per row to copy), in batches, with two shared counters for flow
 * control so the parser never runs more than a few batches ahead of the writer.
 */
export interface ParseWorkerInput {
  path: string;
  format: UsageFormat;
  /** [0]: batches posted; [1]: batches taken by the importer. */
  counters: SharedArrayBuffer;
  port: MessagePort;
}

export type ParseWorkerMessage =
  | { kind: 'rows'; values: unknown[] }
  | { kind: 'costs'; rows: CostRow[] }
  | { kind: 'warn'; position: string; message: string }
  | { kind: 'progress'; done: number }
  | { kind: 'refused'; position: string; message: string }
  | { kind: 'failed'; message: string }
  | { kind: 'done' };

export const ROWS_PER_BATCH = 2048;
/** How many batches the parser may post before it waits for the importer. */
export const BATCHES_AHEAD = 8;
export const POSTED = 0;
export const TAKEN = 1;

const FIELDS = 21;

export function pushRow(values: unknown[], r: UsageRow): void {
  values.push(
    r.provider, r.layer, r.startMs, r.endMs, r.keyId, r.projectId, r.model, r.requests, r.inputTokens, r.cachedInputTokens,
    r.cacheWriteTokens, r.outputTokens, r.reportedCostUsd, r.agentTag, r.featureTag, r.userTag, r.sessionTag, r.serviceTag, r.eventId, r.grouping, r.cacheWrite1hTokens,
  );
}

/** The rows of a batch again, without positions: a row is only refused while it is parsed, never while it is stored. */
export function* rowsOf(values: unknown[]): Generator<UsageRow> {
  for (let i = 0; i < values.length; i += FIELDS) {
    yield {
      provider: values[i] as string,
      layer: values[i + 1] as UsageLayer,
      startMs: values[i + 2] as number,
      endMs: values[i + 3] as number,
      keyId: values[i + 4] as string | null,
      projectId: values[i + 5] as string | null,
      model: values[i + 6] as string | null,
      requests: values[i + 7] as number,
      inputTokens: values[i + 8] as number,
      cachedInputTokens: values[i + 9] as number,
      cacheWriteTokens: values[i + 10] as number,
      outputTokens: values[i + 11] as number,
      reportedCostUsd: values[i + 12] as number | null,
      agentTag: values[i + 13] as string | null,
      featureTag: values[i + 14] as string | null,
      userTag: values[i + 15] as string | null,
      sessionTag: values[i + 16] as string | null,
      serviceTag: values[i + 17] as string | null,
      eventId: values[i + 18] as string | null,
      grouping: values[i + 19] as string,
      cacheWrite1hTokens: values[i + 20] as number,
      position: '',
    };
  }
}
