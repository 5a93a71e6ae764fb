import type { UsageGroupTotals, UsageTotals } from '../../../shared/contract';
import { enUsFixed, enUsNumber } from '../../../shared/en-us-numbers';
import { USAGE_DIMENSIONS, type UsageDimension } from '../../../shared/usage';
import { usageError, type CliCommand } from '../command';
import { callEngine, withWorkspaceArg } from '../engine-session';
import { textTable } from '../text-table';

const UNATTRIBUTED = '(unattributed)';
const NUMERIC_COLUMNS = [1, 2, 3, 4, 5];

/** YYYY-MM-DD that is a real day: 2025-02-30 is refused, not rolled over into March. */
function parseDay(flag: string, given: string | undefined): string | undefined {
  if (given === undefined) return undefined;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(given);
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
  if (!date || date.toISOString().slice(0, 10) !== given) throw usageError(`--${flag} must be a day as YYYY-MM-DD, not "${given}".`);
  return given;
}

function parseDimension(given: string | undefined): UsageDimension {
  const by = USAGE_DIMENSIONS.find((d) => d === given?.toLowerCase());
  if (by === undefined) throw usageError(`--by must be one of ${USAGE_DIMENSIONS.join(', ')}, not "${given ?? ''}".`);
  return by;
}

// en-US text without ICU's number formatting, whose first use is tens of ms of this command.
const count = enUsNumber;
const dollars = (n: number) => `$${enUsFixed(n, 2)}`;
/** A known cost that rounds to $0.00 without being zero says so rather than read as free. */
const usd = (n: number) => (n > 0 && n < 0.005 ? '< $0.01' : dollars(n));

/** A cost is never shown as $0.00 when it is unknown: tokens of models with no price have no cost. */
export function costText(t: { costUsd: number; unpricedTokens: number }): string {
  if (t.unpricedTokens > 0 && t.costUsd === 0) return 'price unknown';
  if (t.unpricedTokens > 0) return `≥ ${dollars(t.costUsd)} (+ unpriced)`;
  return usd(t.costUsd);
}

function row(label: string, t: Omit<UsageGroupTotals, 'key' | 'label' | 'attribution' | 'firstDay' | 'lastDay'>, firstDay: string, lastDay: string): string[] {
  return [label, count(t.requests), count(t.inputTokens), count(t.cachedInputTokens), count(t.outputTokens), costText(t), firstDay, lastDay];
}

/** Numbers right-aligned: pads them (and their header) to the column's width before textTable lays it out. */
function alignRight(header: string[], rows: string[][]): [string[], string[][]] {
  const all = [header, ...rows];
  const padded = all.map((r) => [...r]);
  for (const col of NUMERIC_COLUMNS) {
    const width = Math.max(...all.map((r) => r[col]!.length));
    for (const r of padded) r[col] = r[col]!.padStart(width);
  }
  return [padded[0]!, padded.slice(1)];
}

export function describeUsageTotals(totals: UsageTotals): string {
  const bounded = totals.from !== null || totals.to !== null;
  const period = bounded ? `from ${totals.from ?? 'the first day'} to ${totals.to ?? 'the last day'}` : 'every imported day';
  if (totals.groups.length === 0) return bounded ? `No usage ${period}.` : 'No usage imported.';
  const firstDay = totals.groups.reduce((min, g) => (g.firstDay < min ? g.firstDay : min), totals.groups[0]!.firstDay);
  const lastDay = totals.groups.reduce((max, g) => (g.lastDay > max ? g.lastDay : max), totals.groups[0]!.lastDay);
  const [header, rows] = alignRight(
    [totals.by.toUpperCase(), 'REQUESTS', 'INPUT', 'CACHED', 'OUTPUT', 'COST', 'FIRST DAY', 'LAST DAY'],
    [...totals.groups.map((g) => row(g.key === null ? UNATTRIBUTED : g.label, g, g.firstDay, g.lastDay)), row('Total', totals.total, firstDay, lastDay)],
  );
  const lines = [`Usage by ${totals.by}, ${period}:`, ...textTable(header, rows, 48)];
  if (totals.total.unpricedModels.length > 0) {
    lines.push(`  No price for ${totals.total.unpricedModels.join(', ')}: ${count(totals.total.unpricedTokens)} tokens have no cost (set a price in the app).`);
  }
  return lines.join('\n');
}

export const usageCommand: CliCommand = {
  words: ['usage'],
  summary: 'Print LLM usage and cost by agent, feature, user, session, model, key or provider: requests, input, cached and output tokens, cost, first and last day',
  options: [
    { name: 'workspace', type: 'string', valueName: 'W', required: true, description: 'Workspace file to read (must exist)' },
    { name: 'by', type: 'string', valueName: USAGE_DIMENSIONS.join('|'), required: true, description: 'One row per value of this' },
    { name: 'from', type: 'string', valueName: 'YYYY-MM-DD', description: 'First day (UTC) to count' },
    { name: 'to', type: 'string', valueName: 'YYYY-MM-DD', description: 'Last day (UTC) to count' },
  ],
  notes: [
    `Usage no agent accounts for is the "${UNATTRIBUTED}" row. A cost is "price unknown" when no model of the row has a price, and "≥ $x (+ unpriced)" when some do not.`,
    'With --json the value is the totals as the app reads them: {by, from, to, groups:[…], total}.',
  ],
  async run(ctx) {
    const by = parseDimension(ctx.text('by'));
    const from = parseDay('from', ctx.text('from'));
    const to = parseDay('to', ctx.text('to'));
    if (from !== undefined && to !== undefined && from > to) throw usageError(`--from ${from} is after --to ${to}.`);
    await withWorkspaceArg(ctx, { host: 'cli', openLastWorkspace: false }, { createIfMissing: false }, async (engine) => {
      const totals = await callEngine(engine, 'usageTotals', { by, ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}) });
      ctx.printResult(totals, describeUsageTotals(totals));
    });
  },
};
