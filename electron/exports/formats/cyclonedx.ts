import { randomUUID } from 'node:crypto';
import type { AdvisoryMatch, PackageVersion } from '../../../shared/discovery';
import type { AgentDossier } from '../../../shared/contract';
import { everyAgentDossierAndTriage, type TriageOfAgent } from '../../triage/triage-handlers';
import type { ExportFormat, ExportSource } from '.';

/**
 * An AI bill of materials as CycloneDX 1.6 JSON: the agents (applications), the models they call
 * (`machine-learning-model`, new in 1.6's ML support), the agent frameworks, the packages locked
 * next to their code (with purls), the MCP servers and outside hosts they reach (as services), how
 * each agent depends on them, and the advisories matched on those packages.
 *
 * MCP servers and hosts are `services`, not components: what an agent gets from an MCP server is
 * a set of tools behind a protocol boundary, which is what CycloneDX services describe (endpoints,
 * trust boundary, data flow), and a remote server is not software the company ships. The packages
 * that launch a local MCP server (npx …) stay components when a lockfile names them.
 */

interface Component {
  type: 'application' | 'framework' | 'library' | 'machine-learning-model';
  'bom-ref': string;
  name: string;
  version?: string;
  group?: string;
  description?: string;
  supplier?: { name: string };
  purl?: string;
  properties?: Array<{ name: string; value: string }>;
}
interface Service {
  'bom-ref': string;
  name: string;
  group?: string;
  description?: string;
  endpoints?: string[];
  'x-trust-boundary'?: boolean;
  data?: Array<{ flow: 'inbound' | 'outbound' | 'bi-directional' | 'unknown'; classification: string }>;
  properties?: Array<{ name: string; value: string }>;
}

const PROPERTY = 'agent-triage';

export const cycloneDxFormat: ExportFormat = {
  id: 'cyclonedx',
  label: 'CycloneDX 1.6 AI bill of materials',
  audience: 'Load into Dependency-Track or another SBOM tool: agents, models, frameworks, MCP servers and packages with their advisories.',
  extension: 'cdx.json',
  fileStem: 'aibom',
  mediaType: 'application/vnd.cyclonedx+json; version=1.6',
  render: (source) => `${JSON.stringify(cycloneDxBomOf(source), null, 2)}\n`,
};

export function cycloneDxBomOf(source: ExportSource) {
  const agents = everyAgentDossierAndTriage(source.db, source.advisories, { suggestions: false, onAgent: source.steps.onAgent }).sort((a, b) => a.dossier.agent.name.localeCompare(b.dossier.agent.name) || a.dossier.agent.id.localeCompare(b.dossier.agent.id));
  const components = new Map<string, Component>();
  const services = new Map<string, Service>();
  const dependencies: Array<{ ref: string; dependsOn: string[] }> = [];
  const advisories = new Map<string, { advisory: AdvisoryMatch; affects: Set<string> }>();

  for (const { dossier, triage } of agents) {
    const agentRef = `agent:${dossier.agent.id}`;
    components.set(agentRef, agentComponent(dossier, triage, agentRef));
    const uses = new Set<string>();
    for (const model of modelsOf(dossier)) {
      const ref = `model:${model.name}`;
      const known = components.get(ref);
      if (!known || (!known.supplier && model.provider)) components.set(ref, modelComponent(ref, model.name, model.provider));
      uses.add(ref);
    }
    for (const f of dossier.frameworks) {
      const ref = `framework:${f.framework}`;
      components.set(ref, { type: 'framework', 'bom-ref': ref, name: f.framework, description: `Agent framework seen in the code (${f.evidence.ruleId}).` });
      uses.add(ref);
    }
    for (const p of dossier.packages) {
      const ref = purlOf(p);
      components.set(ref, { type: 'library', 'bom-ref': ref, name: p.name, version: p.version, purl: ref, properties: [{ name: `${PROPERTY}:lockfile`, value: p.lockfile }, { name: `${PROPERTY}:ecosystem`, value: p.ecosystem }] });
      uses.add(ref);
    }
    for (const server of mcpServersOf(dossier)) {
      const ref = `mcp:${server.key}`;
      services.set(ref, {
        'bom-ref': ref,
        name: server.name,
        group: 'mcp-server',
        description: server.description,
        ...(server.endpoint ? { endpoints: [server.endpoint], 'x-trust-boundary': true } : {}),
        ...(triage.reach.sensitivity ? { data: [{ flow: 'bi-directional' as const, classification: triage.reach.sensitivity }] } : {}),
      });
      uses.add(ref);
    }
    for (const e of dossier.endpoints.filter((e) => e.purpose !== 'mcp')) {
      const ref = `endpoint:${e.host}`;
      services.set(ref, {
        'bom-ref': ref,
        name: e.host,
        group: e.purpose,
        endpoints: [`https://${e.host}`],
        'x-trust-boundary': true,
        // What leaves is the agent's own data: classified by the most sensitive data its credentials reach.
        ...(triage.reach.sensitivity ? { data: [{ flow: 'outbound' as const, classification: triage.reach.sensitivity }] } : {}),
      });
      uses.add(ref);
    }
    for (const a of dossier.advisories) {
      const entry = advisories.get(a.id) ?? { advisory: a, affects: new Set<string>() };
      entry.affects.add(purlOf(a.package));
      advisories.set(a.id, entry);
    }
    dependencies.push({ ref: agentRef, dependsOn: [...uses].sort() });
  }

  const workspaceRef = 'workspace';
  return {
    $schema: 'http://cyclonedx.org/schema/bom-1.6.schema.json',
    bomFormat: 'CycloneDX' as const,
    specVersion: '1.6' as const,
    serialNumber: `urn:uuid:${randomUUID()}`,
    version: 1,
    metadata: {
      timestamp: source.now.toISOString(),
      tools: { components: [{ type: 'application' as const, name: 'Agent Triage Workstation', version: source.toolVersion }] },
      component: { type: 'application' as const, 'bom-ref': workspaceRef, name: source.workspaceName, description: `The AI agents of the ${source.workspaceName} engagement, as inventoried in Agent Triage Workstation.` },
      properties: [{ name: `${PROPERTY}:agents`, value: String(agents.length) }],
    },
    components: [...components.values()].sort(byRef),
    services: [...services.values()].sort(byRef),
    dependencies: [{ ref: workspaceRef, dependsOn: agents.map((a) => `agent:${a.dossier.agent.id}`) }, ...dependencies],
    vulnerabilities: [...advisories.values()].sort((a, b) => a.advisory.id.localeCompare(b.advisory.id)).map(({ advisory, affects }) => vulnerabilityOf(advisory, [...affects].sort())),
  };
}

function byRef(a: { 'bom-ref': string }, b: { 'bom-ref': string }): number {
  return a['bom-ref'].localeCompare(b['bom-ref']);
}

function agentComponent(dossier: AgentDossier, triage: TriageOfAgent, ref: string): Component {
  const a = dossier.agent;
  const properties = [
    { name: `${PROPERTY}:status`, value: a.status },
    { name: `${PROPERTY}:tier`, value: triage.risk.tier },
    { name: `${PROPERTY}:trigger`, value: a.trigger.kind },
    ...(a.owner ? [{ name: `${PROPERTY}:owner`, value: a.owner.name }] : []),
    ...(a.environment ? [{ name: `${PROPERTY}:environment`, value: a.environment }] : []),
    ...dossier.sources.map((s) => ({ name: `${PROPERTY}:source`, value: `${s.sourceRoot}:${s.unit.path}` })),
  ];
  return {
    type: 'application',
    'bom-ref': ref,
    name: a.name,
    ...(a.description ? { description: a.description } : {}),
    ...(a.vendor && a.vendor !== 'internal' ? { supplier: { name: a.vendor } } : {}),
    properties,
  };
}

function modelComponent(ref: string, name: string, provider: string | null): Component {
  return { type: 'machine-learning-model', 'bom-ref': ref, name, ...(provider ? { supplier: { name: provider }, group: provider } : {}) };
}

/** Models named in the code and models seen in the agent's imported usage; the provider where the code says it. */
function modelsOf(dossier: AgentDossier): Array<{ name: string; provider: string | null }> {
  const models = new Map<string, string | null>();
  for (const use of dossier.llm) for (const m of use.models) models.set(m, use.provider);
  for (const m of dossier.usage.models) if (!models.has(m)) models.set(m, null);
  return [...models].map(([name, provider]) => ({ name, provider })).sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * The MCP servers the dossier shows: every server an MCP client configuration launches or
 * connects to (with what its capabilities say, which carry the server's name as the tool), remote
 * servers reached by URL (MCP endpoints), and the agent itself where its code is an MCP server.
 */
export function mcpServersOf(dossier: AgentDossier): Array<{ key: string; name: string; endpoint: string | null; description: string }> {
  const servers = new Map<string, { key: string; name: string; endpoint: string | null; description: string }>();
  const configs = dossier.sources.filter((s) => s.unit.kind === 'mcp-config');
  for (const server of dossier.mcpServers) {
    const config = configs.find((s) => s.unit.path === server.evidence.path) ?? configs[0];
    const key = `${config ? `${config.identityKey}#` : ''}${server.name}`;
    const how = server.url ? `connects to ${server.url}` : `runs ${[server.command, ...server.args].filter(Boolean).join(' ')}`;
    servers.set(key, { key, name: server.name, endpoint: server.url, description: `Launched by ${config?.unit.name ?? 'an MCP client'} (${server.evidence.path}): ${how}` });
  }
  for (const c of dossier.capabilities) {
    if (!c.tool || !c.evidence.ruleId.startsWith('mcp.')) continue;
    const config = configs.find((s) => s.unit.path === c.evidence.path) ?? configs[0];
    const key = `${config ? `${config.identityKey}#` : ''}${c.tool}`;
    const known = servers.get(key);
    servers.set(key, { key, name: c.tool, endpoint: null, description: known ? `${known.description}; ${c.detail}` : `Launched by ${config?.unit.name ?? 'an MCP client'} (${c.evidence.path}): ${c.detail}` });
  }
  for (const e of dossier.endpoints.filter((e) => e.purpose === 'mcp')) {
    servers.set(e.host, { key: e.host, name: e.host, endpoint: `https://${e.host}`, description: `Remote MCP server (${e.evidence.path}:${e.evidence.line}).` });
  }
  for (const f of dossier.frameworks.filter((f) => f.framework === 'mcp-server')) {
    const key = `${dossier.agent.id}#server`;
    servers.set(key, { key, name: dossier.agent.name, endpoint: null, description: `Its code is an MCP server (${f.evidence.path}:${f.evidence.line}).` });
  }
  return [...servers.values()].sort((a, b) => a.key.localeCompare(b.key));
}

/** Package URLs (purl spec): PyPI names normalised to lower case with dashes, npm scopes percent-encoded. */
export function purlOf(p: PackageVersion): string {
  const version = encodeURIComponent(p.version);
  switch (p.ecosystem) {
    case 'PyPI':
      return `pkg:pypi/${p.name.toLowerCase().replace(/[-_.]+/g, '-')}@${version}`;
    case 'npm': {
      const [scope, name] = p.name.startsWith('@') ? [p.name.slice(0, p.name.indexOf('/')), p.name.slice(p.name.indexOf('/') + 1)] : [null, p.name];
      return `pkg:npm/${scope ? `${encodeURIComponent(scope)}/` : ''}${encodeURIComponent(name)}@${version}`;
    }
    case 'Go':
      return `pkg:golang/${p.name.split('/').map(encodeURIComponent).join('/')}@${version}`;
  }
}

const CVSS_METHODS: Array<[RegExp, string]> = [
  [/^CVSS:4\.0\//, 'CVSSv4'],
  [/^CVSS:3\.1\//, 'CVSSv31'],
  [/^CVSS:3\.0\//, 'CVSSv3'],
  [/^AV:[LAN]\/AC:/, 'CVSSv2'],
];

/** CycloneDX severities from OSV's free text: named levels map directly, a CVSS vector is kept as the rating's vector. */
function ratingOf(severity: string | null) {
  const text = severity?.trim() ?? '';
  const named = ({ critical: 'critical', high: 'high', moderate: 'medium', medium: 'medium', low: 'low', none: 'none' } as const)[text.toLowerCase() as 'critical'];
  if (named) return { severity: named, method: 'other' as const };
  const method = CVSS_METHODS.find(([pattern]) => pattern.test(text))?.[1];
  if (method) return { severity: 'unknown' as const, method, vector: text };
  return { severity: 'unknown' as const };
}

function vulnerabilityOf(a: AdvisoryMatch, affects: string[]) {
  const osv = { name: 'OSV', url: `https://osv.dev/vulnerability/${encodeURIComponent(a.id)}` };
  return {
    'bom-ref': `vulnerability:${a.id}`,
    id: a.id,
    source: osv,
    references: a.aliases.map((alias) => ({ id: alias, source: { name: 'OSV', url: `https://osv.dev/vulnerability/${encodeURIComponent(alias)}` } })),
    ratings: [{ source: osv, ...ratingOf(a.severity) }],
    description: a.summary,
    ...(a.fixed ? { recommendation: `Upgrade ${a.package.name} to ${a.fixed} or later.` } : {}),
    affects: affects.map((ref) => ({ ref })),
  };
}
