import { performance } from 'node:perf_hooks';
import { runImport } from '../electron/imports/run-import';
import { inlineJobContext } from '../electron/jobs/job-context';
import { createWorkspaceFile } from '../electron/store/workspace-file';
import { usageSeries } from '../electron/usage/usage-queries';
import { ensureAttribution } from '../electron/usage/attribution';
import { workspaceDigest } from '../electron/fuzz/workspace-snapshot';
import { medianMs } from './stats';

/**
 * One usage import in a process of its own, so its peak RSS is its own: imports the file given
 * by path into a new workspace, then times the cost-over-time-by-agent series. Prints JSON.
 */
const [workspacePath, filePath, fileName, mode] = process.argv.slice(2) as [string, string, string, string | undefined];
const ws = createWorkspaceFile(workspacePath);
const started = performance.now();
if (mode === 'expect-refusal') {
  const before = workspaceDigest(ws.db);
  let message = 'accepted';
  try {
    await runImport(inlineJobContext(ws, { actor: 'bench', via: 'bench' }), { files: [{ fileName, path: filePath }], mode: 'apply', skipRows: {} });
  } catch (err) {
    message = err instanceof Error ? err.message : String(err);
  }
  const unchanged = workspaceDigest(ws.db) === before;
  ws.close();
  process.stdout.write(JSON.stringify({ refusedMs: performance.now() - started, message, unchanged, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
  process.exit(0);
}
const [record] = (await runImport(inlineJobContext(ws, { actor: 'bench', via: 'bench' }), { files: [{ fileName, path: filePath }], mode: 'apply', skipRows: {} })).value;
const importMs = performance.now() - started;
ensureAttribution(ws.db);
const seriesMs = await medianMs(5, () => usageSeries(ws.db, 'agent', 'cost', 8, {}));
const tokensSeriesMs = await medianMs(5, () => usageSeries(ws.db, 'agent', 'tokens', 8, {}));
const featureSeriesMs = await medianMs(3, () => usageSeries(ws.db, 'feature', 'cost', 8, {}));
ws.close();
process.stdout.write(
  JSON.stringify({ importMs, rows: record!.counts['usage rows'], seriesMs, tokensSeriesMs, featureSeriesMs, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }),
);
