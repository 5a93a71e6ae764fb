import type { InputOf } from '../../../shared/contract';
import { usageError, type CliCommand } from '../command';
import { callEngine, withWorkspaceArg } from '../engine-session';
import { deliverExportedFile } from '../exported-file';

type BudgetFormat = InputOf<'exportBudgets'>['format'];
const BUDGET_FORMATS = ['litellm', 'json'] as const satisfies readonly BudgetFormat[];

export const budgetsExportCommand: CliCommand = {
  words: ['budgets', 'export'],
  summary: "Export the agents' daily token and cost caps as a LiteLLM proxy budget config (YAML) or as JSON",
  options: [
    { name: 'workspace', type: 'string', valueName: 'W', required: true, description: 'Workspace file to export from (must exist)' },
    { name: 'format', type: 'string', valueName: BUDGET_FORMATS.join('|'), required: true, description: 'litellm: config.yaml settings plus the /team/new, /key/update and /key/generate requests that set each budget; json: our own schema' },
    { name: 'out', type: 'string', valueName: 'FILE', description: 'Write here (replaced whole, never half-written) instead of stdout' },
  ],
  notes: [
    'LiteLLM enforces a daily cost cap (max_budget with budget_duration "1d"); it has no per-day token cap, which the file says per agent.',
    'Without --out the file goes to stdout; with --json too, it comes as {"ok":true,"value":{fileName, mimeType, content}}.',
  ],
  async run(ctx) {
    const format = parseFormat(ctx.text('format'));
    const out = ctx.text('out');
    await withWorkspaceArg(ctx, { host: 'cli', openLastWorkspace: false }, { createIfMissing: false }, async (engine, workspace) => {
      const exported = await callEngine(engine, 'exportBudgets', { format });
      await deliverExportedFile(ctx, exported, out, { what: `the budgets of ${workspace.name}`, format });
    });
  },
};

function parseFormat(given: string | undefined): BudgetFormat {
  const format = BUDGET_FORMATS.find((f) => f === given?.toLowerCase());
  if (format === undefined) throw usageError(`--format must be one of ${BUDGET_FORMATS.join(', ')}, not "${given ?? ''}".`);
  return format;
}
