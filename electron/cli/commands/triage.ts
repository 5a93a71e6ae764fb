import type { AgentTriage } from '../../../shared/contract';
import type { TriageRow } from '../../../shared/checklist';
import { CHECKLIST_ITEMS } from '../../../shared/checklist';
import { enUsNumber } from '../../../shared/en-us-numbers';
import type { CliCommand } from '../command';
import { callEngine, withWorkspaceArg } from '../engine-session';
import { textTable } from '../text-table';

const percent = (n: number) => `${Math.round(n * 100)}%`;
const titleOf = new Map<string, string>(CHECKLIST_ITEMS.map((i) => [i.key, i.title]));

function riskLine(row: TriageRow): string[] {
  const r = row.risk;
  return [
    r.tier,
    r.score.toFixed(2),
    row.name,
    r.sensitivity === null ? 'unknown' : r.sensitivity.toFixed(2),
    percent(r.monitoringGap),
    String(r.irreversibleUnreviewed),
    r.volumePerDay === null ? '-' : enUsNumber(Math.round(r.volumePerDay)),
    `${row.counts.fail}/${row.counts.unknown}/${row.counts.pass}`,
    row.owner ?? 'no owner',
  ];
}

/** The priority list, then per agent what fails and what is unknown, with the evidence that decided it. */
export function describeTriage(rows: TriageRow[], details: AgentTriage[]): string {
  if (rows.length === 0) return 'No agents in this workspace.';
  const lines = ['Agents by risk (score = sensitivity x monitoring gap; then irreversible actions without review, then volume):'];
  lines.push(...textTable(['TIER', 'SCORE', 'AGENT', 'SENSITIVITY', 'MONITORING GAP', 'IRREVERSIBLE', 'REQUESTS/DAY', 'FAIL/UNKNOWN/PASS', 'OWNER'], rows.map(riskLine), 40));
  const byId = new Map(details.map((d) => [d.agentId, d]));
  for (const row of rows) {
    const detail = byId.get(row.agentId);
    if (!detail) continue;
    lines.push('', `${row.risk.tier} ${row.name}: ${row.risk.sensitivityBecause}; monitoring ${row.risk.monitoringBecause}.`);
    for (const item of detail.checklist.filter((c) => c.verdict !== 'pass' || c.conflict)) {
      const attested = item.attestation ? ` [attested ${item.attestation.status} by ${item.attestation.by}${item.attestation.note ? `: ${item.attestation.note}` : ''}]` : '';
      lines.push(`  ${item.verdict.toUpperCase().padEnd(7)} ${titleOf.get(item.key) ?? item.key}: ${item.because}${attested}`);
      for (const e of item.evidence.slice(0, 3)) lines.push(`          ${e.path ? `${e.path}:${e.line ?? 0} ` : ''}${e.text}`);
    }
  }
  return lines.join('\n');
}

export const triageCommand: CliCommand = {
  words: ['triage'],
  summary: "Print every agent's risk tier and score with its parts, then its failing and unknown checklist items with their evidence",
  options: [{ name: 'workspace', type: 'string', valueName: 'W', required: true, description: 'Workspace file to read (must exist)' }],
  notes: ['Step 0 and the 48-hour checklist. With --json: {agents: [{row, checklist, risk}]}, highest risk first.'],
  async run(ctx) {
    await withWorkspaceArg(ctx, { host: 'cli', openLastWorkspace: false }, { createIfMissing: false }, async (engine) => {
      const rows = await callEngine(engine, 'triageOverview', {});
      const details: AgentTriage[] = [];
      for (const row of rows) details.push(await callEngine(engine, 'agentChecklist', { agentId: row.agentId }));
      ctx.printResult({ agents: rows.map((row, i) => ({ row, checklist: details[i]!.checklist, risk: details[i]!.risk })) }, describeTriage(rows, details));
    });
  },
};
