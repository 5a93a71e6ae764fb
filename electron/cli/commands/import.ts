import { basename, resolve } from 'node:path';
import type { ImportPreview, ImportRecord } from '../../../shared/contract';
import { enUsNumber } from '../../../shared/en-us-numbers';
import { ERROR_CODES } from '../../../shared/errors';
import type { describeManifestDiff as describeManifestDiffType } from '../../manifest/describe-manifest-diff';
import { CliError, usageError, type CliCommand } from '../command';
import { callEngine, withWorkspaceArg } from '../engine-session';
import { textTable } from '../text-table';
import { waitForJob } from '../wait-for-job';

const MAX_ISSUES_SHOWN = 20;

type DescribeManifestDiff = typeof describeManifestDiffType;

/** 12345 -> "12,345": not toLocaleString, whose first call loads ICU's number formatting, tens of ms of a one-shot import. */
const countText = enUsNumber;

const countsText = (counts: Record<string, number>) =>
  Object.entries(counts)
    .map(([kind, n]) => `${countText(n)} ${kind}`)
    .join(', ');

function describePreview(p: ImportPreview, describeManifestDiff: DescribeManifestDiff): string[] {
  const lines = [`${p.fileName}: ${p.formatLabel}${p.scope ? ` for ${p.scope}` : ''}${p.replaces ? ` (replaces ${p.replaces.fileName}, imported ${p.replaces.importedAt.slice(0, 10)})` : ''}`];
  if (Object.keys(p.counts).length > 0) lines.push(`  ${countsText(p.counts)}`);
  if (p.manifest) lines.push(...describeManifestDiff(p.manifest, '    '));
  for (const e of p.errors.slice(0, MAX_ISSUES_SHOWN)) lines.push(`  error${e.position ? ` at ${e.position}` : ''}: ${e.message}`);
  if (p.errors.length > MAX_ISSUES_SHOWN) lines.push(`  … and ${p.errors.length - MAX_ISSUES_SHOWN} more errors (--json lists them all)`);
  for (const w of p.warnings.slice(0, MAX_ISSUES_SHOWN)) lines.push(`  warning${w.position ? ` at ${w.position}` : ''}: ${w.message}`);
  if (p.warnings.length > MAX_ISSUES_SHOWN) lines.push(`  … and ${p.warnings.length - MAX_ISSUES_SHOWN} more warnings (--json lists them all)`);
  return lines;
}

function describeRecords(records: ImportRecord[]): string[] {
  return textTable(
    ['FILE', 'FORMAT', 'SCOPE', 'COUNTS'],
    records.map((r) => [r.fileName, r.formatLabel, r.scope || '-', countsText(r.counts)]),
    80,
  );
}

export const importCommand: CliCommand = {
  words: ['import'],
  summary: 'Import files of any supported format (cloud IAM exports, registry sheets, OSV advisories) in one transaction',
  arguments: [{ name: 'FILE...', description: 'The files; each format is recognised from its content', variadic: true }],
  options: [
    { name: 'workspace', type: 'string', valueName: 'W', required: true, description: 'Workspace file to import into (created when missing, unless --dry-run)' },
    { name: 'dry-run', type: 'boolean', description: 'Only read the files and show what each holds (format, account, counts per kind, errors, warnings); write nothing' },
  ],
  notes: [
    'Formats: AWS get-account-authorization-details JSON and the IAM credential report; GCP get-iam-policy, asset search-all-iam-policies, service account and key lists; Azure role assignment list; Kubernetes RBAC (kubectl get roles,clusterroles,rolebindings,clusterrolebindings -A -o json); agent registry CSV/XLSX; OSV advisories; an agents manifest (YAML), whose --dry-run lists its difference from the workspace per agent.',
    'All files land or none does. Importing an export of the same account, project, tenant or cluster again replaces what the earlier one brought; links and classifications people made stay.',
    'The counts per kind (users, groups, roles, policies, bindings, data sources) are there to be checked against the console.',
  ],
  async run(ctx) {
    if (ctx.positionals.length === 0) throw usageError('Name at least one file to import: agent-triage import FILE... --workspace W');
    const files = ctx.positionals.map((p) => {
      const path = resolve(ctx.cwd, p);
      return { fileName: basename(path), path };
    });
    const dryRun = ctx.flag('dry-run');
    await withWorkspaceArg(ctx, { host: 'cli', openLastWorkspace: false }, { createIfMissing: !dryRun }, async (engine, workspace) => {
      if (dryRun) {
        const previews = await callEngine(engine, 'previewImport', { files });
        const { describeManifestDiff } = await import('../../manifest/describe-manifest-diff');
        ctx.printResult({ workspace: workspace.path, files: previews }, previews.flatMap((p) => describePreview(p, describeManifestDiff)).join('\n'));
        const refused = previews.filter((p) => p.errors.length > 0);
        if (refused.length > 0) throw new CliError('import-invalid', `${refused.map((p) => p.fileName).join(', ')} cannot be imported as ${refused.length === 1 ? 'it is' : 'they are'}; see the errors above.`);
        return;
      }
      const { jobId } = await callEngine(engine, 'startImport', { files });
      const job = await waitForJob(engine, jobId, ctx);
      if (job.state === 'cancelled') throw new CliError('cancelled', 'The import was cancelled; the workspace was not changed.');
      if (job.state !== 'succeeded' || job.result?.kind !== 'import') {
        const code = ERROR_CODES.find((c) => c === job.error?.code) ?? 'internal';
        throw new CliError(code, job.error?.message ?? 'The import ended without a result; the workspace was not changed.');
      }
      const records = job.result.value;
      ctx.printResult({ workspace: workspace.path, imports: records }, [`Imported ${records.length} ${records.length === 1 ? 'file' : 'files'} into ${workspace.name}:`, ...describeRecords(records)].join('\n'));
    });
  },
};
