import { realpathSync, statSync } from 'node:fs';
import type { ScanCounters } from '../../shared/discovery';
import { enUsNumber } from '../../shared/en-us-numbers';
import { BackendError } from '../../shared/errors';
import { AnalyzerPool } from './scan/analyzer-pool';
import { scanFolder, type FolderScan } from './scan/scan-folder';
import { disabledRuleIds, replaceScanFacts, scanLabelFor, scanSourceFor } from './discovery-repository';
import { fingerprintKeyOf } from '../store/fingerprint-key';
import type { JobContext } from '../jobs/job-context';
import { keepReachCurrent } from '../blast-radius/blast-radius-summaries';
import { defineJobKind, type ResultOf } from '../jobs/job-kinds';
import { writeTransaction } from '../store/write-transaction';

export interface ScanPayload {
  roots: string[];
}

function existingFolder(root: string): string {
  let real: string;
  try {
    real = realpathSync(root);
  } catch {
    throw new BackendError('not-found', `${root} does not exist. Check the path and scan again.`);
  }
  if (!statSync(real).isDirectory()) throw new BackendError('invalid-input', `${root} is a file; choose the folder of a repository (or a folder of repositories).`);
  return real;
}

export function describeCounters(c: ScanCounters): string {
  const skipped = c.skippedBinary + c.skippedOversized + c.skippedUnreadable + c.skippedIgnored + c.skippedLinks;
  // Not toLocaleString: its first call loads ICU's number formatting, about 25 ms of a one-file CLI scan.
  return `${enUsNumber(c.filesRead)} files read (${(c.bytesRead / 1_048_576).toFixed(1)} MB), ${enUsNumber(skipped)} skipped, ${c.candidates} candidates`;
}

/**
 * Scans folders off the main thread (the analysis itself on a pool of analyzer threads) and
 * replaces each folder's facts in one transaction at the end: a cancelled or failed scan
 * writes nothing, and decisions about candidates are never touched.
 */
export async function runScan(ctx: JobContext, payload: ScanPayload): Promise<ResultOf<'scan'>> {
  const roots = [...new Set(payload.roots.map(existingFolder))];
  const { db } = ctx.workspace;
  const disabled = disabledRuleIds(db);
  const fingerprintKey = fingerprintKeyOf(db);
  const pool = new AnalyzerPool(disabled, fingerprintKey);
  const startedAt = new Date().toISOString();
  try {
    const scans: Array<{ root: string; scan: FolderScan }> = [];
    for (const [i, root] of roots.entries()) {
      const scan = await scanFolder(root, {
        pool,
        label: scanLabelFor(db, root),
        disabledRuleIds: disabled,
        fingerprintKey,
        throwIfCancelled: ctx.throwIfCancelled,
        onProgress: (counters) => ctx.progress(i, roots.length, `Scanning ${root}: ${describeCounters(counters)}`, counters),
      });
      scans.push({ root, scan });
    }
    ctx.throwIfCancelled();
    ctx.progress(roots.length, roots.length, 'Saving what the scan found…');
    const summaries = writeTransaction(db, () =>
      scans.map(({ root, scan }) => {
        ctx.throwIfCancelled();
        return replaceScanFacts(db, scanSourceFor(db, root), { startedAt, actor: ctx.author.actor, counters: scan.counters, warnings: scan.warnings }, scan.agents);
      }),
    );
    keepReachCurrent(ctx);
    return { kind: 'scan', value: summaries };
  } finally {
    await pool.close();
  }
}

export const scanJob = defineJobKind('scan', runScan);
