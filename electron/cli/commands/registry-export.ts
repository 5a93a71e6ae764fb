import { REGISTRY_FORMATS, type RegistryFormat } from '../../../shared/registry-formats';
import { usageError, type CliCommand } from '../command';
import { withWorkspaceArg } from '../engine-session';
import { deliverExportedFile } from '../exported-file';
import { runExportJob } from '../export-job';

export const registryExportCommand: CliCommand = {
  words: ['registry', 'export'],
  summary: 'Export the agent registry of a workspace as CSV or XLSX',
  options: [
    { name: 'workspace', type: 'string', valueName: 'W', required: true, description: 'Workspace file to export from (must exist)' },
    { name: 'format', type: 'string', valueName: REGISTRY_FORMATS.join('|'), required: true, description: 'File format' },
    { name: 'out', type: 'string', valueName: 'FILE', description: 'Write here instead of stdout (required for xlsx)' },
  ],
  notes: ['Without --out, CSV goes to stdout; with --json too, it comes as {"ok":true,"value":{fileName, mimeType, content}}.'],
  async run(ctx) {
    const format = parseFormat(ctx.text('format'));
    const out = ctx.text('out');
    if (format === 'xlsx' && out === undefined) throw usageError('An xlsx export is a binary file: name it with --out FILE.');

    await withWorkspaceArg(ctx, { host: 'cli', openLastWorkspace: false }, { createIfMissing: false }, async (engine, workspace) => {
      // The same export as `export --format registry-<format>` and the app's: a job, so Ctrl+C cancels it.
      const exported = await runExportJob(engine, `registry-${format}`, ctx);
      await deliverExportedFile(ctx, exported, out, { what: `the registry of ${workspace.name}`, format });
    });
  },
};

function parseFormat(given: string | undefined): RegistryFormat {
  const format = REGISTRY_FORMATS.find((f) => f === given?.toLowerCase());
  if (format === undefined) throw usageError(`--format must be one of ${REGISTRY_FORMATS.join(', ')}, not "${given ?? ''}".`);
  return format;
}
