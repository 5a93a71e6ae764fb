import { resolve } from 'node:path';
import type { ScanSummary } from '../../../shared/discovery';
import { ERROR_CODES } from '../../../shared/errors';
import { CliError, usageError, type CliCommand } from '../command';
import { callEngine, withWorkspaceArg } from '../engine-session';
import { textTable } from '../text-table';
import { waitForJob } from '../wait-for-job';

export const scanCommand: CliCommand = {
  words: ['scan'],
  summary: 'Find agents in repositories, CI, IaC and MCP configs, and add them to the review queue',
  arguments: [{ name: 'DIR...', description: 'Folders to scan: a repository, or a folder of many', variadic: true }],
  options: [{ name: 'workspace', type: 'string', valueName: 'W', required: true, description: 'Workspace file to record the scan in (created when missing, kept only if the scan succeeds)' }],
  notes: ['Nothing found in the folders is ever run. Re-scanning a folder keeps the decisions taken about its candidates and reports what changed.'],
  async run(ctx) {
    if (ctx.positionals.length === 0) throw usageError('Name at least one folder to scan: agent-triage scan DIR... --workspace W');
    const roots = ctx.positionals.map((p) => resolve(ctx.cwd, p));
    await withWorkspaceArg(ctx, { host: 'cli', openLastWorkspace: false }, { createIfMissing: true }, async (engine, workspace) => {
      const { jobId } = await callEngine(engine, 'startScan', { roots });
      const job = await waitForJob(engine, jobId, ctx);
      if (job.state === 'cancelled') throw new CliError('cancelled', 'The scan was cancelled; the workspace was not changed.');
      if (job.state !== 'succeeded' || job.result?.kind !== 'scan') {
        const code = ERROR_CODES.find((c) => c === job.error?.code) ?? 'internal';
        throw new CliError(code, job.error?.message ?? 'The scan ended without a result.');
      }
      const scans = job.result.value;
      const { candidates } = await callEngine(engine, 'listCandidates', { decision: 'all' });
      ctx.printResult({ workspace: workspace.path, scans, candidates }, describeScans(scans, candidates));
    });
  },
};

function describeScans(scans: ScanSummary[], candidates: Array<{ name: string; unit: { kind: string; path: string }; classification: string; confidence: number; decision: string; sourceRoot: string; change: string | null }>): string {
  const lines: string[] = [];
  for (const scan of scans) {
    const c = scan.counters;
    lines.push(
      `${scan.root}: ${c.filesRead} files read (${(c.bytesRead / 1_048_576).toFixed(1)} MB); skipped ${c.skippedIgnored} ignored, ${c.skippedBinary} binary, ${c.skippedOversized} oversized, ${c.skippedUnreadable} unreadable, ${c.skippedLinks} links; ${c.candidates} ${c.candidates === 1 ? 'candidate' : 'candidates'}.`,
    );
    const { added, removed, changed } = scan.changes;
    if (added.length || removed.length || changed.length) lines.push(`  since the last scan: ${added.length} new, ${removed.length} removed, ${changed.length} changed`);
    if (scan.warnings.length) lines.push(`  ${scan.warnings.length} files could not be analysed (--json lists them)`);
    const rows = candidates.filter((x) => x.sourceRoot === scan.root);
    if (rows.length === 0) continue;
    const table = rows.map((x) => [x.name, x.unit.kind, x.unit.path, x.classification, x.confidence.toFixed(2), x.change ?? '', x.decision]);
    const header = ['CANDIDATE', 'UNIT', 'PATH', 'KIND', 'CONF', 'CHANGE', 'DECISION'];
    lines.push(...textTable(header, table));
  }
  return lines.join('\n');
}
