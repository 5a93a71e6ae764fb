import { basename, resolve } from 'node:path';
import type { RegistryImportPreview, RegistryRowError, UploadedFile } from '../../../shared/contract';
import { ERROR_CODES } from '../../../shared/errors';
import { describeRowMatch } from '../../../shared/registry-import';
import type { Engine } from '../../api/engine-types';
import { CliError, type CliCommand, type CommandContext } from '../command';
import { callEngine, withWorkspaceArg } from '../engine-session';
import { readFileArg } from '../local-files';
import { waitForJob } from '../wait-for-job';

/** Enough to fix a file in one pass; --json always carries every error. */
const MAX_ERRORS_SHOWN = 50;

export const registryImportCommand: CliCommand = {
  words: ['registry', 'import'],
  summary: 'Import agents from a registry spreadsheet (CSV or XLSX) into a workspace',
  arguments: [{ name: 'FILE', description: 'The .csv or .xlsx file, one agent per row' }],
  options: [
    { name: 'workspace', type: 'string', valueName: 'W', required: true, description: 'Workspace file to import into (created when missing)' },
    { name: 'dry-run', type: 'boolean', description: 'Only check the file and show what would change; write nothing' },
    { name: 'skip-invalid', type: 'boolean', description: 'Import the rows without errors and leave out the rows with errors (listed in the output)' },
  ],
  notes: [
    'A file with any error is not imported at all: each error is listed with its row and column, and the exit code is 1.',
    'With --skip-invalid the rows with errors are left out and named; the rest is imported in one transaction. Errors in the header row still refuse the file.',
    'Warnings (an access that is neither read nor write, a team as owner) never block an import; they are listed with their row and column.',
  ],
  async run(ctx) {
    const filePath = resolve(ctx.cwd, ctx.positionals[0] ?? '');
    const upload = { fileName: basename(filePath), contentBase64: (await readFileArg(filePath)).toString('base64') };
    const dryRun = ctx.flag('dry-run');
    const skipInvalid = ctx.flag('skip-invalid');
    // A dry run must not write anything, not even a new workspace file.
    await withWorkspaceArg(ctx, { host: 'cli', openLastWorkspace: false }, { createIfMissing: !dryRun }, async (engine, workspace) => {
      const preview = await previewRegistryFile(engine, upload);
      const skipRows = preview.errors.length > 0 && skipInvalid && canSkipEveryError(preview) ? preview.invalidRows : [];
      if (preview.errors.length > 0 && skipRows.length === 0) throw importRefused(preview, skipInvalid);
      if (dryRun) {
        ctx.printResult({ ...preview, skipRows }, describePreview(preview, skipRows));
        return;
      }
      const counts = await runImportJob(engine, upload, skipRows, ctx);
      const result = { created: counts.created ?? 0, updated: counts.updated ?? 0, unchanged: counts.unchanged ?? 0, skipped: skipRows };
      const lines = [
        `Imported ${upload.fileName} into ${workspace.name}: ${result.created} created, ${result.updated} updated, ${result.unchanged} unchanged.`,
        ...skippedLines(preview, result.skipped),
        ...warningLines(preview, result.skipped),
      ];
      ctx.printResult({ file: filePath, workspace: workspace.path, ...result, warnings: preview.warnings.filter((w) => !result.skipped.includes(w.row)) }, lines.join('\n'));
    });
  },
};

/** The one import pipeline's preview of one file, which must be a registry spreadsheet: its row-by-row plan. */
async function previewRegistryFile(engine: Engine, upload: UploadedFile): Promise<RegistryImportPreview> {
  const [preview] = await callEngine(engine, 'previewImport', { files: [upload] });
  if (preview?.registry) return preview.registry;
  if (preview?.refusal) throw new CliError(preview.refusal.code, preview.refusal.message, { details: preview.refusal.details });
  throw new CliError('unsupported-format', `${upload.fileName} is ${preview?.formatLabel ?? 'another format'}, not a registry spreadsheet: import it with \`agent-triage import\` instead.`);
}

async function runImportJob(engine: Engine, upload: UploadedFile, skipRows: number[], ctx: CommandContext): Promise<Record<string, number>> {
  const { jobId } = await callEngine(engine, 'startImport', { files: [upload], skipRows: { [upload.fileName]: skipRows } });
  const job = await waitForJob(engine, jobId, ctx);
  if (job.state === 'cancelled') throw new CliError('cancelled', `The import of ${upload.fileName} was cancelled; the workspace was not changed.`);
  if (job.state === 'succeeded' && job.result?.kind === 'import' && job.result.value[0]) return job.result.value[0].counts;
  // Job errors carry the contract's codes, typed loosely as strings in JobStatus.
  const code = ERROR_CODES.find((c) => c === job.error?.code) ?? 'internal';
  throw new CliError(code, job.error?.message ?? `The import of ${upload.fileName} ended without a result.`);
}

/** Errors in the header row (a duplicate column) are in no data row: skipping rows cannot fix them. */
function canSkipEveryError(preview: RegistryImportPreview): boolean {
  const invalid = new Set(preview.invalidRows);
  return preview.errors.every((e) => invalid.has(e.row));
}

function importRefused(preview: RegistryImportPreview, skipInvalid: boolean): CliError {
  const { errors } = preview;
  const shown = errors.slice(0, MAX_ERRORS_SHOWN).map(describeRowError);
  if (errors.length > shown.length) shown.push(`  … and ${errors.length - shown.length} more (--json lists them all)`);
  const count = errors.length === 1 ? '1 error' : `${errors.length} errors`;
  const hint = skipInvalid
    ? ' The header row has errors, which skipping rows cannot fix.'
    : preview.invalidRows.length > 0 && canSkipEveryError(preview)
      ? ` Fix them, or add --skip-invalid to import the other rows and leave out ${rowList(preview.invalidRows)}.`
      : '';
  return new CliError('import-invalid', `${preview.fileName} has ${count}; nothing was imported.${hint}`, { details: errors, detailLines: shown });
}

function rowList(rows: readonly number[]): string {
  const shown = rows.slice(0, 20).join(', ');
  return `${rows.length === 1 ? 'row' : 'rows'} ${shown}${rows.length > 20 ? ` and ${rows.length - 20} more` : ''}`;
}

function describeRowError(error: RegistryRowError): string {
  const column = error.column === '' ? '' : `, column "${error.column}"`;
  return `  row ${error.row}${column}: ${error.message}`;
}

function skippedLines(preview: RegistryImportPreview, skipped: readonly number[]): string[] {
  if (skipped.length === 0) return [];
  const skippedSet = new Set(skipped);
  const reasons = preview.errors.filter((e) => skippedSet.has(e.row)).slice(0, MAX_ERRORS_SHOWN).map(describeRowError);
  return [`Skipped ${rowList(skipped)} (--skip-invalid); they have errors and were not imported:`, ...reasons];
}

function warningLines(preview: RegistryImportPreview, skipped: readonly number[]): string[] {
  const warnings = preview.warnings.filter((w) => !skipped.includes(w.row));
  if (warnings.length === 0) return [];
  const shown = warnings.slice(0, MAX_ERRORS_SHOWN).map(describeRowError);
  if (warnings.length > shown.length) shown.push(`  … and ${warnings.length - shown.length} more (--json lists them all)`);
  return [`${warnings.length === 1 ? '1 warning' : `${warnings.length} warnings`} (imported as written):`, ...shown];
}

function describePreview(preview: RegistryImportPreview, skipRows: readonly number[]): string {
  const { totals } = preview;
  const skipped = new Set(skipRows);
  const header = `${preview.fileName} (${preview.format}): ${totals.rows} rows; would create ${totals.create}, update ${totals.update}, leave ${totals.unchanged} unchanged${skipRows.length > 0 ? `, skip ${skipRows.length}` : ''}. Nothing was written.`;
  const rows = preview.rows.map((row) => {
    const action = skipped.has(row.row) ? 'skip' : row.action;
    const fields = row.action === 'update' ? ` (${row.changedFields.join(', ')})` : '';
    const lines = [`  row ${row.row}  ${action.padEnd(9)}  ${row.name || '(no name)'}${fields}  [${describeRowMatch(row.match)}]`];
    for (const e of row.errors) lines.push(`      error${e.column ? ` in "${e.column}"` : ''}: ${e.message}`);
    for (const w of row.warnings) lines.push(`      warning${w.column ? ` in "${w.column}"` : ''}: ${w.message}`);
    return lines.join('\n');
  });
  return [header, ...rows].join('\n');
}
