import { posix } from 'node:path';
import type { DiscoveredAgent, McpServerEntry } from '../../../shared/discovery';
import { serverCapabilities } from '../config/mcp-server-capabilities';
import type { McpLaunchFact } from '../findings';
import type { CodeIndex } from './resolve-code';

/** Env names that carry a secret the server acts with. */
const SECRET_NAME = /KEY|TOKEN|SECRET|PASSWORD|PAT\b|CREDENTIAL/i;

/**
 * MCP servers an agent's code configures rather than a config file: claude-code-action's
 * install-mcp-server.ts builds `mcpServers.github = {command: "docker", args: [..., image]}` and
 * hands the JSON to the agent; an agent's `MCPServerStreamableHttp(params={"url": …})` reaches a
 * server by URL. They are listed on the agent as an MCP config's servers are (the candidate
 * page's "MCP servers"), with the environment each gets. A server of another publisher (a docker
 * image, an npx or uvx package) also gives the agent what it is known to do, as in a config; a
 * server of the repository already gave its tools through its link.
 */
export function listCodeMcpServers(agents: DiscoveredAgent[], index: CodeIndex): void {
  for (const agent of agents) {
    if (agent.classification === 'mcp-server' || agent.unit.kind === 'mcp-config') continue;
    const entries: McpServerEntry[] = [...(agent.mcpServers ?? [])];
    const linked = new Set((agent.links ?? []).filter((l) => l.relation === 'mcp-server' && l.evidence).map((l) => `${l.evidence!.path}:${l.evidence!.line}`));
    for (const path of agent.codeFiles) {
      const file = index.get(path);
      for (const launch of file?.mcpLaunches ?? []) {
        const entry: McpServerEntry = { name: launch.name ?? launchedName(launch), command: launch.command, args: launch.args, url: null, evidence: launch.evidence, ...(launch.env ? { env: launch.env } : {}) };
        if (!add(entries, entry)) continue;
        if (linked.has(`${launch.evidence.path}:${launch.evidence.line}`)) continue;
        gainLaunchedCapabilities(agent, entry);
        for (const name of launch.env ?? []) {
          if (SECRET_NAME.test(name) && !agent.credentials.some((c) => c.name === name)) agent.credentials.push({ kind: 'env-var', name, provider: null, fingerprint: null, preview: null, evidence: launch.evidence });
        }
      }
      for (const client of file?.mcpHttpClients ?? []) add(entries, { name: client.name ?? hostOf(client.url), command: null, args: [], url: client.url, evidence: client.evidence });
    }
    if (entries.length > 0) agent.mcpServers = entries;
  }
}

function add(entries: McpServerEntry[], entry: McpServerEntry): boolean {
  const key = (e: McpServerEntry) => `${e.name}|${e.evidence.path}:${e.evidence.line}`;
  if (entries.some((e) => key(e) === key(entry))) return false;
  entries.push(entry);
  return true;
}

function gainLaunchedCapabilities(agent: DiscoveredAgent, entry: McpServerEntry): void {
  for (const capability of serverCapabilities(entry.command, entry.args)) {
    // The Claude Agent SDK's own options may have named it already (`MCP server github: …`).
    if (agent.capabilities.some((c) => c.kind === capability.kind && c.tool === entry.name)) continue;
    agent.capabilities.push({ kind: capability.kind, detail: `MCP server ${entry.name}: ${capability.detail}`, tool: entry.name, evidence: entry.evidence });
  }
}

/** Docker flags that take a value, which is never the image. */
const DOCKER_VALUE_FLAGS = new Set(['-e', '--env', '-v', '--volume', '-p', '--publish', '--name', '--network', '-w', '--workdir', '--env-file', '-u', '--user']);

/** The image or package a launch runs: `docker run -i --rm -e T ghcr.io/github/github-mcp-server:sha-1` → "github-mcp-server", `npx -y @acme/x-mcp` → "@acme/x-mcp". */
function launchedName(launch: McpLaunchFact): string {
  const program = posix.basename(launch.command);
  if (program === 'docker' || program === 'podman') {
    const image = launch.args.find((arg, i) => arg !== 'run' && !arg.startsWith('-') && !DOCKER_VALUE_FLAGS.has(launch.args[i - 1] ?? ''));
    return image ? posix.basename(image.replace(/[:@][^/]*$/, '')) : program;
  }
  return launch.args.find((arg) => !arg.startsWith('-') && arg !== 'run') ?? program;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
