import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Where a scan runs. A job worker must load the walk, the analyzers and the rule packs again
 * before it reads a file (about 200 ms of a one-file CLI scan's 760 ms, measured on the built
 * CLI), so a scan small enough runs on the host's thread instead, with the same job status,
 * progress and cancel (api/host-stall-budget.ts). Whether it is small is found by a bounded look
 * at the folders, never by walking them: past PROBE_ENTRIES entries the scan goes to a worker.
 */

/**
 * Entries looked at before a scan is taken as too big to predict. A folder of a few files (a
 * script, a config someone sent) stays here; a repository with node_modules or .git does not.
 */
const PROBE_ENTRIES = 48;

/**
 * Measured on the built CLI, a fresh process per scan (cold JIT), CPU of the host thread: the
 * walk, the analyzers and the rule packs load and compile in about 350 ms, and each small file
 * then costs about 10 ms. The analyzer pool keeps tiny batches on this thread (analyzer-pool.ts)
 * and starts threads for anything bigger, so a misjudged size costs threads, not a long stall.
 */
const SCAN_START_MS = 350;
const SCAN_MS_PER_ENTRY = 10;

/** How many entries the roots hold, counting at most `limit` (then answering Infinity). */
function boundedEntryCount(roots: readonly string[], limit: number): number {
  let count = 0;
  const pending = [...roots];
  while (pending.length > 0) {
    const dir = pending.pop()!;
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      continue; // The scan itself reports a folder it cannot read, with the reason.
    }
    count += entries.length;
    if (count > limit) return Infinity;
    for (const entry of entries) if (entry.isDirectory()) pending.push(join(dir, entry.name));
  }
  return count;
}

/** The host thread's predicted work for a scan of these folders, in ms (Infinity: too big to look at). */
export function predictedScanMs(roots: readonly string[]): number {
  return SCAN_START_MS + boundedEntryCount(roots, PROBE_ENTRIES) * SCAN_MS_PER_ENTRY;
}

/** True when the scan should run on the host's thread: its predicted work is shorter than the stall the host can take. */
export function scanRunsOnHostThread(roots: readonly string[], stallBudgetMs: number): boolean {
  // The app's budget is below the start-up alone: its thread never reads a folder to find that out.
  if (SCAN_START_MS >= stallBudgetMs) return false;
  return predictedScanMs(roots) < stallBudgetMs;
}
