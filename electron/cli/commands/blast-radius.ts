import type { BlastRadius } from '../../../shared/blast-radius';
import { ACCESS_LEVEL_LABELS, RISK_CLASS_LABELS, RISK_CLASSES, type RiskClass } from '../../../shared/iam';
import type { Engine } from '../../api/engine-types';
import { CliError, usageError, type CliCommand } from '../command';
import { callEngine, withWorkspaceArg } from '../engine-session';
import { textTable } from '../text-table';

const WORKSPACE_OPTION = { name: 'workspace', type: 'string', valueName: 'W', required: true, description: 'Workspace file to read (must exist)' } as const;

/** An agent by id, by exact name (any case), or by a part of its name that only one agent has. */
export async function resolveAgent(engine: Engine, wanted: string): Promise<string> {
  const { rows } = await callEngine(engine, 'listAgents', {});
  const exact = rows.find((r) => r.id === wanted) ?? rows.find((r) => r.name.toLowerCase() === wanted.toLowerCase());
  if (exact) return exact.id;
  const partial = rows.filter((r) => r.name.toLowerCase().includes(wanted.toLowerCase()));
  if (partial.length === 1) return partial[0]!.id;
  if (partial.length > 1) throw new CliError('invalid-input', `"${wanted}" matches ${partial.length} agents (${partial.slice(0, 5).map((r) => r.name).join(', ')}…); give the full name or the id.`);
  throw new CliError('not-found', `No agent named or with id "${wanted}"; \`agent-triage agents --workspace W\` lists them.`);
}

/** A data source by key (ARN, resource name), by exact name, or by a part of its name only one has. */
async function resolveDataSource(engine: Engine, wanted: string): Promise<string> {
  const all = await callEngine(engine, 'listDataSources', {});
  const exact = all.find((d) => d.key === wanted) ?? all.find((d) => d.name.toLowerCase() === wanted.toLowerCase());
  if (exact) return exact.key;
  const partial = all.filter((d) => d.name.toLowerCase().includes(wanted.toLowerCase()) || d.key.toLowerCase().includes(wanted.toLowerCase()));
  if (partial.length === 1) return partial[0]!.key;
  if (partial.length > 1) throw new CliError('invalid-input', `"${wanted}" matches ${partial.length} data sources (${partial.slice(0, 5).map((d) => d.name).join(', ')}…); give its key (ARN or resource name).`);
  throw new CliError('not-found', `No data source named or keyed "${wanted}" in the imported exports.`);
}

function describePaths(radius: BlastRadius): string {
  const title = radius.focus.kind === 'agent' ? `What ${radius.focus.name} can reach` : `Who can reach ${radius.focus.name}`;
  const lines = [`${title}: ${radius.paths.length} ${radius.paths.length === 1 ? 'path' : 'paths'} to ${new Set(radius.paths.map((p) => p.dataSourceKey)).size} data sources.`];
  for (const gap of radius.gaps) lines.push(`  ${gap}`);
  if (radius.paths.length === 0) return lines.join('\n');
  lines.push(
    ...textTable(
      ['AGENT', 'CREDENTIAL', 'PRINCIPALS', 'DATA SOURCE', 'ENV', 'SENSITIVITY', 'ACCESS', 'VIA'],
      radius.paths.map((p) => [
        p.agentName,
        p.credential,
        p.principals.join(' > '),
        p.dataSourceName,
        p.environment,
        p.sensitivity,
        `${ACCESS_LEVEL_LABELS[p.access]}${p.conditional ? ' (conditional)' : ''}`,
        p.via[0] ? `${p.via[0].policy} ${p.via[0].statement}` : '',
      ]),
      40,
    ),
  );
  return lines.join('\n');
}

export const blastRadiusCommand: CliCommand = {
  words: ['blast-radius'],
  summary: "Print what an agent can reach: its credentials, the cloud identities and roles behind them, and every data source with the access and the statement that gives it",
  arguments: [{ name: 'AGENT', description: 'The agent: its id, its name, or a part of its name only it has' }],
  options: [WORKSPACE_OPTION],
  notes: ['Worst paths first: restricted production data with write access at the top. --json gives the whole graph (nodes, edges, paths).'],
  async run(ctx) {
    const wanted = ctx.positionals[0];
    if (!wanted) throw usageError('Name the agent: agent-triage blast-radius AGENT --workspace W');
    await withWorkspaceArg(ctx, { host: 'cli', openLastWorkspace: false }, { createIfMissing: false }, async (engine) => {
      const radius = await callEngine(engine, 'blastRadius', { agentId: await resolveAgent(engine, wanted) });
      ctx.printResult(radius, describePaths(radius));
    });
  },
};

export const whoCanReachCommand: CliCommand = {
  words: ['who-can-reach'],
  summary: 'Print every agent that can reach a data source, and how (credential, principals, access, statement)',
  arguments: [{ name: 'DATASOURCE', description: 'The data source: its key (an ARN, a resource name) or its name' }],
  options: [WORKSPACE_OPTION],
  async run(ctx) {
    const wanted = ctx.positionals[0];
    if (!wanted) throw usageError('Name the data source: agent-triage who-can-reach DATASOURCE --workspace W');
    await withWorkspaceArg(ctx, { host: 'cli', openLastWorkspace: false }, { createIfMissing: false }, async (engine) => {
      const radius = await callEngine(engine, 'whoCanReach', { dataSourceKey: await resolveDataSource(engine, wanted) });
      const holders = radius.edges.filter((e) => e.kind === 'grants').map((e) => radius.nodes.find((n) => n.id === e.source)?.label ?? e.source);
      const text = `${describePaths(radius)}\n  Principals with a grant on it: ${[...new Set(holders)].join(', ') || 'none'}`;
      ctx.printResult(radius, text);
    });
  },
};

export const principalsCommand: CliCommand = {
  words: ['principals'],
  summary: 'List every cloud principal with its risk classes, each with the policy and statement that gives it',
  options: [
    WORKSPACE_OPTION,
    { name: 'risk', type: 'string', valueName: 'CLASS', description: `Only principals with this risk: ${RISK_CLASSES.join(', ')}` },
  ],
  async run(ctx) {
    const risk = ctx.text('risk');
    if (risk !== undefined && !RISK_CLASSES.includes(risk as RiskClass)) throw usageError(`--risk must be one of ${RISK_CLASSES.join(', ')}; "${risk}" is not.`);
    await withWorkspaceArg(ctx, { host: 'cli', openLastWorkspace: false }, { createIfMissing: false }, async (engine) => {
      const principals = await callEngine(engine, 'listPrincipals', risk ? { risk: risk as RiskClass } : {});
      const lines = [`${principals.length} ${principals.length === 1 ? 'principal' : 'principals'}${risk ? ` with ${RISK_CLASS_LABELS[risk as RiskClass].toLowerCase()}` : ''}:`];
      for (const p of principals) {
        const agents = p.agents.length ? `; held by ${p.agents.map((a) => a.name).join(', ')}` : '';
        lines.push(`${p.name}  (${p.provider} ${p.kind}${p.scope ? `, ${p.scope}` : ''}; ${p.dataSourceCount} data sources${agents})`);
        for (const r of p.risks.filter((x) => !risk || x.riskClass === risk)) {
          lines.push(`  ${RISK_CLASS_LABELS[r.riskClass]}${r.conditional ? ' (conditional)' : ''}: ${r.detail}  [${r.via.policy} ${r.via.statement}]`);
        }
      }
      ctx.printResult(principals, lines.join('\n'));
    });
  },
};
