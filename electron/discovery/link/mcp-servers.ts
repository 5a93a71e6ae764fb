import { posix } from 'node:path';
import type { CapabilityFinding, DiscoveredAgent, Evidence, TriggerFinding } from '../../../shared/discovery';
import type { CodeFindings, McpToolFilterFact } from '../findings';
import { linkAgents } from './agent-links';
import { serversDeployedBy } from './mcp-server-deployments';
import { configToolFilterOf, filterOfClient, filteredServerFacts } from './mcp-tool-filter-links';
import { entryFilesOfCommand, importClosure, type CodeIndex } from './resolve-code';

/**
 * MCP servers are tool providers, not agents: the model that chooses their tools runs in
 * whichever client connects. A file that builds a server (FastMCP, McpServer, a low-level
 * Server) is reported as an 'mcp-server' item named as the server names itself, with its tools
 * and what their bodies do, and linked to every agent or MCP client config that launches it.
 */

/** The code files that build an MCP server, by path. */
export function mcpServerFiles(code: CodeFindings[]): Map<string, CodeFindings> {
  return new Map(code.filter((file) => file.mcpServer).map((file) => [file.path, file]));
}

/** How a server item is started: by the clients that launch it, which are linked to it. */
export function mcpServerTrigger(file: CodeFindings): TriggerFinding {
  return { kind: 'user', schedule: null, description: 'Serves tools to the MCP clients that start or connect to it', evidence: file.mcpServer?.evidence ?? file.entryPoint };
}

/** "weather" from the code, else the file: "servers/weather.py" → "weather", "src/index.ts" → the folder. */
export function mcpServerName(file: CodeFindings): string {
  const written = file.mcpServer?.name?.trim();
  if (written) return written;
  const parts = file.path.split('/');
  const base = parts.pop()!.replace(/\.[^.]+$/, '');
  if (!['index', 'main', 'server', '__main__', 'app'].includes(base)) return base;
  const dirs = parts.filter((p) => !['src', 'lib', 'build', 'dist'].includes(p));
  return dirs.at(-1) ?? base;
}

interface Launch {
  /** The server entry's key in a client config ("weather"), for a package launched by name. */
  name?: string;
  command: string;
  args: string[];
  evidence: Evidence;
  /** Folders the command may run from, nearest first. */
  bases: string[];
  /** The filter narrowing the server's tools for this client, when its code writes one. */
  filter?: McpToolFilterFact | null;
}

/**
 * Links each agent (and MCP client config) to the server items it launches: an MCP client
 * config's stdio servers (`python server.py`, `uv run server.py`, `node build/index.js` for
 * src/index.ts, `npx -y ./`), and code that starts one (`MCPServerStdio(params=…)`,
 * `MultiServerMCPClient({…})`, `new StdioClientTransport({ command, args })`).
 */
export function linkMcpClients(agents: DiscoveredAgent[], servers: Map<string, DiscoveredAgent>, index: CodeIndex): void {
  if (servers.size === 0) return;
  const serverPaths = [...servers.keys()];
  // Worked out once, not for each launch of each agent: a tree of many repositories has hundreds of servers.
  const isServer = (path: string) => servers.has(path);
  const serverNames = [...servers].map(([path, server]) => ({ path, bare: bareName(server.name) }));
  for (const agent of agents) {
    if (agent.classification === 'mcp-server') continue;
    for (const launch of launchesOf(agent, index)) {
      const launched = serverFilesLaunchedBy(launch, index, serverPaths, isServer);
      for (const path of launched.length > 0 ? launched : serverPublishedAs(launch, serverNames)) {
        const server = servers.get(path)!;
        linkAgents(agent, server, 'mcp-server', launch.filter?.evidence ?? launch.evidence);
        gainServerTools(agent, server, launch.filter ?? null);
      }
    }
  }
}

/**
 * What a server's tools do, the agent that starts it can do: its model chooses those tools. An
 * MCP client config already runs the server's code (its command names the file).
 */
export function gainServerTools(agent: DiscoveredAgent, server: DiscoveredAgent, filter: McpToolFilterFact | null = null): void {
  // A client that filters the server's tools (`tool_filter`, `allowedTools: ["mcp__…"]`) gains those it lets through.
  const reached = filteredServerFacts(server, filter);
  const seen = new Set(agent.capabilities.map(capabilityKey));
  for (const capability of reached.capabilities) {
    if (seen.has(capabilityKey(capability))) continue;
    seen.add(capabilityKey(capability));
    agent.capabilities.push(capability);
  }
  const tools = new Set(agent.tools.map((t) => `${t.name}@${t.evidence.path}:${t.evidence.line}`));
  for (const tool of reached.tools) if (!tools.has(`${tool.name}@${tool.evidence.path}:${tool.evidence.line}`)) agent.tools.push(tool);
}

const capabilityKey = (c: CapabilityFinding) => `${c.kind}|${c.detail}|${c.evidence.path}:${c.evidence.line}`;

function launchesOf(agent: DiscoveredAgent, index: CodeIndex): Launch[] {
  const launches: Launch[] = [];
  // A client config's servers, also when an agent loads the file (`claude -p --mcp-config`, a
  // project's .mcp.json): configs sit in the project (.mcp.json) or in a folder of it (.cursor/, .vscode/).
  for (const server of agent.mcpServers ?? []) {
    if (!server.command) continue;
    const dir = posix.dirname(server.evidence.path);
    launches.push({ name: server.name, command: server.command, args: server.args, evidence: server.evidence, bases: [...new Set([dir, posix.dirname(dir), index.projectOf(cleanDir(dir)), ''].map(cleanDir))], filter: configToolFilterOf(agent, server.name) });
  }
  // Code starts a server from the folder it runs in: its own, the top of its project (a container's
  // working folder, a repository's top in a folder of many), or the scanned root.
  for (const path of agent.codeFiles) {
    const file = index.get(path);
    const dir = cleanDir(posix.dirname(path));
    for (const launch of file?.mcpLaunches ?? []) {
      const bases = [...new Set([dir, index.projectOf(dir), ''])];
      // `cwd` moves the folder the command runs in, from wherever the code itself runs.
      // A package's scripts run from its top, often the folder above the code (`bots/` for bots/src/bot.ts).
      const from = [...new Set([dir, cleanDir(posix.dirname(dir)), ...bases])];
      const moved = launch.cwd && !launch.cwd.startsWith('/') ? from.map((base) => cleanDir(posix.join(base || '.', launch.cwd!))).filter((folder) => !folder.startsWith('..')) : [];
      launches.push({ ...launch, bases: [...new Set([...moved, ...(moved.length > 0 ? [] : bases)])], filter: filterOfClient(file, launch) });
    }
  }
  return launches;
}

const cleanDir = (dir: string) => posix.normalize(dir || '.').replace(/\/+$/, '').replace(/^\.$/, '');

/** Runner words and flags that are never the server itself. */
const NOT_A_TARGET = /^(-.*|python\d?(\.\d+)?|node|npx|uv|uvx|run|tsx|ts-node|bun|deno|npm|pnpm|yarn|exec|start|stdio)$/;

function serverFilesLaunchedBy(launch: Launch, index: CodeIndex, serverPaths: string[], isServer: (path: string) => boolean): string[] {
  const line = [launch.command, ...launch.args].join(' ');
  // A path or module the command runs, from the folder it runs in.
  for (const base of launch.bases) {
    const entries = entryFilesOfCommand(line, index, base);
    const found = entries.filter(isServer);
    if (found.length > 0) return found;
    // `python -m weather_server`: the package's __main__.py that only starts its server.
    const started = serversDeployedBy(entries, importClosure(entries, index), isServer, index);
    if (started) return started;
  }
  const words = [launch.command, ...launch.args];
  // `uv --directory /home/me/weather run weather.py`: the script inside that folder.
  const directory = words.findIndex((w) => w === '--directory' || w === '--cwd' || w === '--prefix');
  const scripts = words.filter((w) => /\.(py|ts|tsx|js|mjs|cjs)$/.test(w)).map((w) => (directory >= 0 && words[directory + 1] ? posix.join(words[directory + 1]!, w) : w));
  // An absolute or foreign path (a user's home folder in Claude Desktop's config): the server whose path ends the same way.
  // The launcher's own project first: in a folder of many repositories, several hold a src/index.ts server.
  const top = index.projectOf(launch.bases[0] ?? '');
  const ownServers = top ? serverPaths.filter((p) => p.startsWith(`${top}/`)) : serverPaths;
  for (const script of scripts) {
    const bySuffix = uniqueBySuffix(script, ownServers) ?? uniqueBySuffix(script, serverPaths);
    if (bySuffix) return [bySuffix];
  }
  if (scripts.length > 0) return [];
  // `npx -y ./`, `node .`, `uv --directory servers/weather run weather-server`: a package folder
  // holding one server. Only the thing launched counts: `npx -y @pkg .` hands `.` to a package.
  const launched = words.slice(1).find((w) => !NOT_A_TARGET.test(w));
  const folders = [...(directory >= 0 && words[directory + 1] ? [words[directory + 1]!] : []), ...(launched && /^[./]/.test(launched) ? [launched] : [])];
  for (const folder of folders) {
    for (const base of launch.bases) {
      const inside = serverPaths.filter((p) => (folder.startsWith('/') ? endsInFolder(p, posix.basename(folder)) : isShallowlyInside(p, cleanDir(posix.join(base || '.', folder)))));
      if (inside.length === 1) return inside;
    }
  }
  return [];
}

/** A folder named `name` (from a path outside the tree) holds the server, or its src/. */
function endsInFolder(path: string, name: string): boolean {
  const dir = posix.dirname(path);
  return [dir, posix.dirname(dir)].some((d) => d === name || d.endsWith(`/${name}`)) && isShallowlyInside(path, dir.endsWith(`/${name}`) || dir === name ? dir : posix.dirname(dir));
}

/** Launchers that fetch a published package by name: `npx -y @acme/weather-mcp`, `uvx weather-mcp`. */
const PACKAGE_RUNNERS = /^(npx|bunx|uvx|pipx|pnpx)$/;

/**
 * A config that launches the repository's server as its published package (`npx -y
 * @acme/weather-mcp` for the server that calls itself "weather"): linked when the package, or
 * the config's name for the entry, names exactly one server of the tree, words like "mcp" and
 * "server" aside. Only for client configs, whose entries are named.
 */
function serverPublishedAs(launch: Launch, servers: ReadonlyArray<{ path: string; bare: string }>): string[] {
  if (!launch.name || !PACKAGE_RUNNERS.test(posix.basename(launch.command))) return [];
  const pkg = launch.args.find((arg) => !arg.startsWith('-'));
  if (!pkg || /^[./]/.test(pkg)) return [];
  const wanted = new Set([bareName(pkg.replace(/@[^@/]*$/, '').split('/').pop()!), bareName(launch.name)].filter(Boolean));
  const matches = servers.filter((server) => wanted.has(server.bare)).map((server) => server.path);
  return matches.length === 1 ? matches : [];
}

/** "@acme/mcp-server-weather" → "weather", "Weather_MCP" → "weather". */
function bareName(name: string): string {
  return name
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word && !['mcp', 'server', 'tools'].includes(word))
    .join('-');
}

/** The server file in `dir` or in its source folder (src/index.ts of a package). */
function isShallowlyInside(path: string, dir: string): boolean {
  const rel = dir === '' ? path : path.startsWith(`${dir}/`) ? path.slice(dir.length + 1) : null;
  const parts = rel?.split('/') ?? [];
  return parts.length === 1 || (parts.length === 2 && /^(src|lib|app|server|build|dist)$/.test(parts[0]!));
}

/** The one server whose path ends with the longest tail of `written` that any server path ends with. */
function uniqueBySuffix(written: string, serverPaths: string[]): string | null {
  const parts = posix.normalize(written).split('/').filter((p) => p && p !== '.' && p !== '..');
  const variants = (tail: string) => [tail, tail.replace(/\.(js|mjs|cjs)$/, '.ts'), tail.replace(/^(build|dist|out|lib)\//, 'src/').replace(/\.(js|mjs|cjs)$/, '.ts')];
  for (let take = parts.length; take >= 1; take--) {
    const tail = parts.slice(-take).join('/');
    const matches = serverPaths.filter((p) => variants(tail).some((v) => p === v || p.endsWith(`/${v}`)));
    if (matches.length === 1) return matches[0]!;
    if (matches.length > 1) return null;
  }
  return null;
}
