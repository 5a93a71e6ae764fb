import { basename, resolve } from 'node:path';
import type { InputOf, RegistryImportPreview, RegistryImportResult, RegistryRowError } from '../../../shared/contract';
import { ERROR_CODES } from '../../../shared/errors';
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
  ],
  notes: ['A file with any error is not imported at all: each error is listed with its row and column, and the exit code is 1.'],
  async run(ctx) {
    const filePath = resolve(ctx.cwd, ctx.positionals[0] ?? '');
    const upload = { fileName: basename(filePath), contentBase64: (await readFileArg(filePath)).toString('base64') };
    const dryRun = ctx.flag('dry-run');
    // A dry run must not write anything, not even a new workspace file.
    await withWorkspaceArg(ctx, { host: 'cli', openLastWorkspace: false }, { createIfMissing: !dryRun }, async (engine, workspace) => {
      const preview = await callEngine(engine, 'previewRegistryImport', upload);
      if (preview.errors.length > 0) throw importRefused(preview);
      if (dryRun) {
        ctx.printResult(preview, describePreview(preview));
        return;
      }
      const result = await runImportJob(engine, upload, ctx);
      ctx.printResult(
        { file: filePath, workspace: workspace.path, ...result },
        `Imported ${upload.fileName} into ${workspace.name}: ${result.created} created, ${result.updated} updated, ${result.unchanged} unchanged.`,
      );
    });
  },
};

async function runImportJob(engine: Engine, upload: InputOf<'startRegistryImport'>, ctx: CommandContext): Promise<RegistryImportResult> {
  const { jobId } = await callEngine(engine, 'startRegistryImport', upload);
  const job = await waitForJob(engine, jobId, ctx);
  if (job.state === 'cancelled') throw new CliError('cancelled', `The import of ${upload.fileName} was cancelled; the workspace was not changed.`);
  if (job.state === 'succeeded' && job.result?.kind === 'registry-import') return job.result.value;
  // Job errors carry the contract's codes, typed loosely as strings in JobStatus.
  const code = ERROR_CODES.find((c) => c === job.error?.code) ?? 'internal';
  throw new CliError(code, job.error?.message ?? `The import of ${upload.fileName} ended without a result.`);
}

function importRefused(preview: RegistryImportPreview): CliError {
  const { errors } = preview;
  const shown = errors.slice(0, MAX_ERRORS_SHOWN).map(describeRowError);
  if (errors.length > shown.length) shown.push(`  … and ${errors.length - shown.length} more (--json lists them all)`);
  const count = errors.length === 1 ? '1 error' : `${errors.length} errors`;
  return new CliError('import-invalid', `${preview.fileName} has ${count}; nothing was imported.`, { details: errors, detailLines: shown });
}

function describeRowError(error: RegistryRowError): string {
  const column = error.column === '' ? '' : `, column "${error.column}"`;
  return `  row ${error.row}${column}: ${error.message}`;
}

function describePreview(preview: RegistryImportPreview): string {
  const { totals } = preview;
  const header = `${preview.fileName} (${preview.format}): ${totals.rows} rows; would create ${totals.create}, update ${totals.update}, leave ${totals.unchanged} unchanged. Nothing was written.`;
  const rows = preview.rows.map((row) => {
    const action = row.action === 'update' && row.changedFields.length === 0 ? 'unchanged' : row.action;
    const fields = row.changedFields.length > 0 && row.action === 'update' ? ` (${row.changedFields.join(', ')})` : '';
    return `  row ${row.row}  ${action.padEnd(9)}  ${row.name}${fields}`;
  });
  return [header, ...rows].join('\n');
}
