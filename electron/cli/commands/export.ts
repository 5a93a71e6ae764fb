import { usageError, type CliCommand } from '../command';
import { callEngine, withWorkspaceArg } from '../engine-session';
import { deliverExportedFile } from '../exported-file';
import { EXPORT_FORMATS, exportFormatById } from '../../exports/formats';

const FORMAT_IDS = EXPORT_FORMATS.map((f) => f.id);

export const exportCommand: CliCommand = {
  words: ['export'],
  summary: 'Export a workspace for other tools: findings as SARIF, an AI bill of materials as CycloneDX, or everything as JSON',
  options: [
    { name: 'workspace', type: 'string', valueName: 'W', required: true, description: 'Workspace file to export from (must exist)' },
    { name: 'format', type: 'string', valueName: FORMAT_IDS.join('|'), required: true, description: 'File format' },
    { name: 'out', type: 'string', valueName: 'FILE', description: 'Write here (replaced whole) instead of stdout' },
  ],
  notes: EXPORT_FORMATS.map((f) => `${f.id}: ${f.audience}`),
  async run(ctx) {
    const given = ctx.text('format') ?? '';
    const format = exportFormatById(given);
    if (!format) throw usageError(`--format must be one of ${FORMAT_IDS.join(', ')}, not "${given}".`);
    const out = ctx.text('out');
    await withWorkspaceArg(ctx, { host: 'cli', openLastWorkspace: false }, { createIfMissing: false }, async (engine, workspace) => {
      const exported = await callEngine(engine, 'exportWorkspaceFile', { format: format.id });
      await deliverExportedFile(ctx, exported, out, { what: `${format.label} of ${workspace.name}`, format: format.id });
    });
  },
};
