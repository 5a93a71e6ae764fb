import type { DiscoveredAgent, Evidence } from '../../../shared/discovery';
import type { CodeFindings, K8sServiceFact, McpHttpServingFact, McpToolFilterFact, UnitFinding } from '../findings';
import { linkAgents } from './agent-links';
import type { ServerDeployment } from './mcp-server-deployments';
import { gainServerTools } from './mcp-servers';
import { filterOfClient } from './mcp-tool-filter-links';
import { hostMatches, platformListeners } from './platform-hosts';
import type { CodeIndex } from './resolve-code';

/**
 * MCP servers reached by URL, tied to the server of the same repository that answers there. A
 * client (an MCP config's `"url"`, code's `streamablehttp_client(url)`) names a host, a port and a
 * route; a server says where it listens (code/mcp-http.ts) and a compose service that runs it says
 * under which host name and published port. Only an unambiguous match links: a URL on another
 * host, a port no server listens on, or a route no server answers is left as the remote server
 * the item already lists.
 */

/** Where a server answers: on this machine ('local') or under a compose host name. */
interface Listener {
  host: string;
  port: number | null;
  path: string | null;
}

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '0.0.0.0', '[::1]', 'host.docker.internal']);

export function linkMcpHttpClients(agents: DiscoveredAgent[], servers: Map<string, DiscoveredAgent>, code: CodeFindings[], index: CodeIndex, deployments: ServerDeployment[], units: UnitFinding[], k8sServices: readonly K8sServiceFact[] = []): void {
  if (servers.size === 0) return;
  // Each server's starters and deployments are picked from lists made once: asked of every server, the whole lists grew with the square of the tree.
  const startersOf = importersByTarget(code.filter((file) => file.mcpHttpServing), index);
  const deploymentsOf = deploymentsByServer(deployments);
  const listeners = new Map(
    [...servers.keys()].map((path) => {
      const [server, starters, deployed] = [servers.get(path)!, startersOf.get(path) ?? [], deploymentsOf.get(path) ?? []];
      return [path, [...listenersOf(path, server, starters, index, deployed), ...serviceListeners(path, server, starters, index, deployed, k8sServices), ...platformListeners(path, deployed, routesOf(server, index))]];
    }),
  );
  if ([...listeners.values()].every((list) => list.length === 0)) return;
  const listening = listenersByPort(listeners);
  const withUrls = units.filter((unit) => unit.mcpUrls?.length);
  for (const agent of agents) {
    if (agent.classification === 'mcp-server') continue;
    // A service's environment names the URL its code reads (`LEDGER_MCP_URL: http://ledger-mcp:8101/mcp`).
    const fromEnv = withUrls.filter((u) => u.kind === agent.unit.kind && u.path === agent.unit.path && u.name === agent.unit.name).flatMap((u) => u.mcpUrls!);
    for (const client of [...clientsOf(agent, index), ...fromEnv]) {
      const path = serverAt(client.url, listening, client.evidence.path);
      if (!path) continue;
      const server = servers.get(path)!;
      const filter = ('filter' in client ? client.filter : null) ?? null;
      linkAgents(agent, server, 'mcp-server', filter?.evidence ?? client.evidence);
      gainServerTools(agent, server, filter);
    }
  }
}

function clientsOf(agent: DiscoveredAgent, index: CodeIndex): Array<{ url: string; evidence: Evidence; filter?: McpToolFilterFact | null }> {
  // A config's servers, also those an agent loads from a config file (`--mcp-config`, `settingSources`).
  const fromConfig = (agent.mcpServers ?? []).flatMap((s) => {
    const url = s.url ?? bridgedUrl(s.args);
    return url ? [{ url, evidence: s.evidence }] : [];
  });
  const launched = agent.codeFiles.flatMap((path) => (index.get(path)?.mcpLaunches ?? []).map((l) => ({ l, file: index.get(path) }))).flatMap(({ l, file }) => {
    const url = bridgedUrl(l.args);
    return url ? [{ url, evidence: l.evidence, filter: filterOfClient(file, l) }] : [];
  });
  const reached = agent.codeFiles.flatMap((path) => (index.get(path)?.mcpHttpClients ?? []).map((client) => ({ ...client, filter: filterOfClient(index.get(path), client) })));
  return [...fromConfig, ...launched, ...reached];
}

/** Local stdio bridges to an HTTP server: `npx -y mcp-remote http://localhost:8000/sse`, `supergateway --sse <url>`, `mcp-proxy <url>`. */
const BRIDGES = /(^|\/)(mcp-remote|supergateway|mcp-proxy)(@[\w.-]+)?$/;

function bridgedUrl(args: string[]): string | null {
  const bridge = args.findIndex((arg) => BRIDGES.test(arg));
  return bridge < 0 ? null : (args.slice(bridge + 1).find((arg) => /^https?:\/\//.test(arg)) ?? null);
}

/** The serving files importing each file, in the serving files' order: a server's starters over HTTP. */
function importersByTarget(servingFiles: CodeFindings[], index: CodeIndex): Map<string, CodeFindings[]> {
  const importers = new Map<string, CodeFindings[]>();
  for (const file of servingFiles) {
    const targets = new Set(file.localImports.map((written) => index.resolveImport(written, file.path)).filter((target): target is string => target !== null));
    for (const target of targets) importers.set(target, [...(importers.get(target) ?? []), file]);
  }
  return importers;
}

/** The deployments running each server, in the deployments' order. */
function deploymentsByServer(deployments: ServerDeployment[]): Map<string, ServerDeployment[]> {
  const byServer = new Map<string, ServerDeployment[]>();
  for (const deployment of deployments) for (const path of new Set(deployment.servers)) byServer.set(path, [...(byServer.get(path) ?? []), deployment]);
  return byServer;
}

/**
 * The server's code says where it listens (its own files, or a file that imports it and starts
 * it over HTTP); a compose service running it adds its host name and the ports it publishes.
 * `starters`: the serving files importing it; `deployments`: those running it.
 */
function listenersOf(path: string, server: DiscoveredAgent, starters: CodeFindings[], index: CodeIndex, deployments: ServerDeployment[]): Listener[] {
  const serving: McpHttpServingFact[] = [...server.codeFiles.flatMap((p) => index.get(p)?.mcpHttpServing ?? []), ...starters.flatMap((file) => file.mcpHttpServing ?? [])];
  const listeners: Listener[] = serving.map((fact) => ({ host: 'local', port: fact.port, path: fact.path }));
  const paths = serving.length > 0 ? serving.map((fact) => fact.path) : [null];
  const ports = new Set(serving.map((fact) => fact.port).filter((port): port is number => port !== null));
  // A compose service's name is the server's host on the compose network; its ports are published on this machine.
  for (const deployment of deployments.filter((d) => d.unit.kind === 'container-service' && d.servers.includes(path))) {
    const mappings = (deployment.unit.ports ?? []).map(parsePort).filter((m): m is { published: number | null; target: number } => m !== null);
    // A mapping to a port the server does not listen on belongs to something else in the container.
    const own = mappings.filter((m) => ports.size === 0 || ports.has(m.target));
    const targets = own.length > 0 ? own.map((m) => m.target) : ports.size > 0 ? [...ports] : [null];
    for (const p of paths) {
      for (const target of targets) listeners.push({ host: deployment.unit.name.toLowerCase(), port: target, path: p });
      for (const m of own) if (m.published !== null) listeners.push({ host: 'local', port: m.published, path: p });
    }
  }
  return listeners;
}

/**
 * A Kubernetes Service selecting the pods of a Deployment that runs the server answers under its
 * in-cluster names (`ledger-mcp`, `ledger-mcp.finance`, `ledger-mcp.finance.svc.cluster.local`) on
 * its port, forwarding to the port the server listens on (a `targetPort` the server does not
 * listen on belongs to something else in the pod).
 */
function serviceListeners(path: string, server: DiscoveredAgent, starters: CodeFindings[], index: CodeIndex, deployments: ServerDeployment[], services: readonly K8sServiceFact[]): Listener[] {
  if (services.length === 0) return [];
  const serving: McpHttpServingFact[] = [...server.codeFiles.flatMap((p) => index.get(p)?.mcpHttpServing ?? []), ...starters.flatMap((file) => file.mcpHttpServing ?? [])];
  const ports = new Set(serving.map((fact) => fact.port).filter((port): port is number => port !== null));
  const paths = serving.length > 0 ? serving.map((fact) => fact.path) : [null];
  const listeners: Listener[] = [];
  for (const deployment of deployments.filter((d) => d.unit.kind === 'k8s-deployment' && d.unit.k8s && d.servers.includes(path))) {
    const { namespace, labels } = deployment.unit.k8s!;
    for (const service of services.filter((s) => s.namespace === namespace && Object.entries(s.selector).every(([key, value]) => labels[key] === value))) {
      const names = [service.name, `${service.name}.${namespace}`, `${service.name}.${namespace}.svc`, `${service.name}.${namespace}.svc.cluster.local`];
      for (const forwarded of service.ports.filter((p) => ports.size === 0 || p.targetPort === null || ports.has(p.targetPort))) {
        for (const host of names) for (const route of paths) listeners.push({ host, port: forwarded.port, path: route });
      }
    }
  }
  return listeners;
}

/** The routes a server's own code says it answers on (`MyMCP.serve('/mcp')`), or any route when it says none. */
function routesOf(server: DiscoveredAgent, index: CodeIndex): Array<string | null> {
  const routes = server.codeFiles.flatMap((p) => index.get(p)?.mcpHttpServing ?? []).map((fact) => fact.path);
  return routes.length > 0 ? routes : [null];
}

/** `"8000:8000"`, `"127.0.0.1:8101:8000"`, `"3001:3000/tcp"`, `"8000"` (published on a random host port). */
function parsePort(written: string): { published: number | null; target: number } | null {
  const parts = written.replace(/\/(tcp|udp)$/, '').split(':');
  const target = Number(parts.at(-1));
  if (!Number.isInteger(target) || target <= 0) return null;
  const published = parts.length >= 2 ? Number(parts.at(-2)) : NaN;
  return { published: Number.isInteger(published) && published > 0 ? published : null, target };
}

/**
 * The server whose listener answers the URL, or null (another host, no such port or route). Two
 * projects of one repository may both run a server on FastMCP's default port: the one nearest the
 * client (the deepest folder they share) is the one it reaches; a tie links nothing.
 */
/**
 * The servers' listeners, with the servers listening on each port (a listener without a port
 * answers on any): a URL is tested against the listeners of its port's servers only.
 */
interface Listening {
  listeners: Map<string, Listener[]>;
  byPort: Map<number | null, Set<string>>;
  /** Each server's place in `listeners`: matches keep that order. */
  order: Map<string, number>;
}

function listenersByPort(listeners: Map<string, Listener[]>): Listening {
  const byPort = new Map<number | null, Set<string>>();
  for (const [path, list] of listeners) for (const l of list) byPort.set(l.port, (byPort.get(l.port) ?? new Set()).add(path));
  return { listeners, byPort, order: new Map([...listeners.keys()].map((path, i) => [path, i])) };
}

function serverAt(url: string, listening: Listening, from: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  const host = parsed.hostname.toLowerCase();
  const local = LOCAL_HOSTS.has(host);
  const port = parsed.port ? Number(parsed.port) : parsed.protocol === 'https:' ? 443 : 80;
  const route = trimSlash(parsed.pathname);
  const { listeners, byPort, order } = listening;
  const candidates = [...new Set([...(byPort.get(port) ?? []), ...(byPort.get(null) ?? [])])].sort((a, b) => order.get(a)! - order.get(b)!);
  const matches = candidates.map((path): [string, Listener[]] => [path, listeners.get(path)!]).filter(([, list]) =>
    list.some((l) => (l.host === 'local' ? local : hostMatches(l.host, host)) && (l.port === null ? l.host !== 'local' : l.port === port) && (l.path === null || route === trimSlash(l.path) || route.startsWith(`${trimSlash(l.path)}/`))),
  );
  if (matches.length <= 1) return matches[0]?.[0] ?? null;
  const shared = matches.map(([path]) => sharedDepth(path, from));
  const best = Math.max(...shared);
  return shared.filter((depth) => depth === best).length === 1 ? matches[shared.indexOf(best)]![0] : null;
}

/** How many leading folders two paths share. */
function sharedDepth(a: string, b: string): number {
  const left = a.split('/').slice(0, -1);
  const right = b.split('/').slice(0, -1);
  let depth = 0;
  while (depth < left.length && depth < right.length && left[depth] === right[depth]) depth++;
  return depth;
}

const trimSlash = (path: string) => path.replace(/\/+$/, '') || '/';
