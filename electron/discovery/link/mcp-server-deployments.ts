import type { DiscoveredAgent, TriggerFinding } from '../../../shared/discovery';
import type { CodeFindings, UnitFinding } from '../findings';
import { importClosure, type CodeIndex } from './resolve-code';

/**
 * A compose service, Kubernetes Deployment, Procfile process or CI job that only runs an MCP
 * server (`python -m weather_server`, `node build/index.js` of an McpServer) is how that server is
 * deployed: it joins the server's item, as a deployment that runs an agent's code joins the agent.
 * The server item takes the deployment's trigger, the credentials and endpoints its config gives
 * the server, and its entry files.
 */
export interface ServerDeployment {
  unit: UnitFinding;
  /** The server files it runs. */
  servers: string[];
  /** The files the unit's command names (a package's `__main__.py` that starts the server). */
  entries: string[];
}

/**
 * The MCP server files a unit runs when running them is all it does: its code reaches a server
 * and nothing outside the servers' own modules uses a model or an agent framework. Null when the
 * unit runs no server, or runs an agent beside it (an agent that starts a server is an agent).
 */
export function serversDeployedBy(entries: string[], closure: string[], isServer: (path: string) => boolean, index: CodeIndex): string[] | null {
  if (entries.length === 0) return null;
  const reached = closure.filter(isServer);
  if (reached.length === 0) return null;
  const serverOwn = new Set(importClosure(reached, index));
  const runsMore = closure.some((path) => {
    if (serverOwn.has(path)) return false;
    const file = index.get(path);
    return file !== undefined && runsBesideServer(file);
  });
  return runsMore ? null : reached;
}

/**
 * A model call, a remote run or an agent framework of its own. The server SDK alone is not one:
 * a launcher (`stdio.ts` connecting `createServer()` to a `StdioServerTransport` it imports from
 * the SDK) reads as the mcp-server framework, yet only starts the server.
 */
function runsBesideServer(file: CodeFindings): boolean {
  const serverSdkOnly = file.frameworks.every((f) => f.framework === 'mcp-server');
  return file.llm.length > 0 || (file.remoteAgents?.length ?? 0) > 0 || !serverSdkOnly || (file.agentic && file.frameworks.length === 0);
}

/** Each deployment's facts onto the items of the servers it runs (items in `serverItems`, by server file). */
export function joinServerDeployments(serverItems: Map<string, DiscoveredAgent>, deployments: ServerDeployment[]): void {
  const byServer = new Map<DiscoveredAgent, ServerDeployment[]>();
  for (const deployment of deployments) {
    for (const path of deployment.servers) {
      const item = serverItems.get(path);
      if (item) byServer.set(item, [...(byServer.get(item) ?? []), deployment]);
    }
  }
  for (const [item, found] of byServer) {
    item.trigger = deployedTrigger(item.trigger, found.map((d) => d.unit));
    for (const { unit, entries } of found) {
      for (const entry of entries) {
        if (!item.entryPoints.includes(entry)) item.entryPoints.push(entry);
        if (!item.codeFiles.includes(entry)) item.codeFiles.push(entry);
      }
      for (const credential of unit.credentials) if (!item.credentials.some((c) => c.kind === credential.kind && c.name === credential.name)) item.credentials.push(credential);
      for (const endpoint of unit.endpoints) if (!item.endpoints.some((e) => e.host === endpoint.host && e.purpose === endpoint.purpose)) item.endpoints.push(endpoint);
      for (const capability of unit.capabilities) if (!item.capabilities.some((c) => c.kind === capability.kind && c.detail === capability.detail)) item.capabilities.push(capability);
      for (const input of unit.untrustedInputs) if (!(item.untrustedInputs ??= []).some((i) => i.kind === input.kind && i.detail === input.detail)) item.untrustedInputs.push(input);
    }
  }
}

/**
 * The deployment's trigger, the unattended one first (a schedule over a port), with the
 * deployments named and the first one's line as evidence. A deployment that says nothing of what
 * starts it (a service with no port or queue seen) leaves the server started by its clients.
 */
function deployedTrigger(own: TriggerFinding, units: UnitFinding[]): TriggerFinding {
  const order = ['cron', 'event', 'chained', 'webhook', 'user', 'unknown'];
  const [first] = [...units].sort((a, b) => order.indexOf(a.trigger.kind) - order.indexOf(b.trigger.kind));
  const names = units.map((unit) => `${unit.name} (${unit.path})`).join(', ');
  const base = first!.trigger.kind === 'unknown' ? own : first!.trigger;
  return { ...base, description: `${base.description}; deployed by ${names}`, evidence: first!.trigger.evidence ?? first!.evidence };
}
