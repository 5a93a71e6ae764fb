import { usageError, type CliCommand } from '../command';
import { withWorkspaceArg } from '../engine-session';
import { runExportJob } from '../export-job';
import { deliverExportedFile } from '../exported-file';

/** The formats come with their writers (every read model): loaded when the command runs or shows its help. */
const loadFormats = () => import('../../exports/formats');

export const exportCommand: CliCommand = {
  words: ['export'],
  summary: 'Export a workspace for other tools: findings as SARIF, an AI bill of materials as CycloneDX, everything as JSON, or the registry spreadsheet',
  options: [
    { name: 'workspace', type: 'string', valueName: 'W', required: true, description: 'Workspace file to export from (must exist)' },
    { name: 'format', type: 'string', valueName: 'FORMAT', required: true, description: 'File format' },
    { name: 'out', type: 'string', valueName: 'FILE', description: 'Write here (replaced whole) instead of stdout' },
  ],
  async describe() {
    const { EXPORT_FORMATS } = await loadFormats();
    const valueName = EXPORT_FORMATS.map((f) => f.id).join('|');
    return {
      options: this.options.map((o) => (o.name === 'format' ? { ...o, valueName } : o)),
      notes: EXPORT_FORMATS.map((f) => `${f.id}: ${f.audience}`),
    };
  },
  async run(ctx) {
    const given = ctx.text('format') ?? '';
    const { EXPORT_FORMATS, exportFormatById } = await loadFormats();
    const format = exportFormatById(given);
    if (!format) throw usageError(`--format must be one of ${EXPORT_FORMATS.map((f) => f.id).join(', ')}, not "${given}".`);
    const out = ctx.text('out');
    // Checked before the workspace is opened: the answer needs no export.
    if (format.binary && out === undefined) throw usageError(`An ${format.extension} export is a binary file: name it with --out FILE.`);
    await withWorkspaceArg(ctx, { host: 'cli', openLastWorkspace: false }, { createIfMissing: false }, async (engine, workspace) => {
      const exported = await runExportJob(engine, format.id, ctx);
      await deliverExportedFile(ctx, exported, out, { what: `${format.label} of ${workspace.name}`, format: format.id });
    });
  },
};
