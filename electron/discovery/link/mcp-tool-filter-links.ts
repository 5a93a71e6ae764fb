import type { CapabilityFinding, DiscoveredAgent, Evidence, ToolDefinition, UntrustedInputFinding } from '../../../shared/discovery';
import type { ClaudeCodeFacts, CodeFindings, McpToolFilterFact } from '../findings';

/**
 * The filter (code/mcp-tool-filters.ts) that narrows a server a file's client starts or reaches:
 * the one written in the call that builds it (its lines hold the launch), else one naming the
 * server (`mcp__ledger__…` for the entry stored under "ledger"), else one for every server the
 * file loads. Null when the client sees every tool.
 */
export function filterOfClient(file: CodeFindings | undefined, client: { name?: string | null; evidence: Evidence }): McpToolFilterFact | null {
  const filters = file?.mcpToolFilters ?? [];
  if (filters.length === 0) return null;
  const line = client.evidence.line;
  return (
    filters.find((filter) => filter.lines !== null && filter.lines[0] <= line && line <= filter.lines[1]) ??
    filters.find((filter) => filter.server !== null && filter.server === client.name) ??
    filters.find((filter) => filter.server === null && filter.lines === null) ??
    null
  );
}

/** Whether the filter lets the server's tool through. */
export function passes(filter: McpToolFilterFact, tool: string): boolean {
  return (filter.allowed === null || filter.allowed.includes(tool)) && !filter.blocked.includes(tool);
}

/**
 * What of a server's tools reaches the client: every tool, or those the filter lets through.
 * Code of the server outside its tools (what runs when it starts) is no tool the model chooses.
 */
export function filteredServerFacts(server: DiscoveredAgent, filter: McpToolFilterFact | null): { capabilities: CapabilityFinding[]; tools: ToolDefinition[]; untrustedInputs: UntrustedInputFinding[] } {
  const untrustedInputs = server.untrustedInputs ?? [];
  if (!filter) return { capabilities: server.capabilities, tools: server.tools, untrustedInputs };
  const through = (finding: { tool: string | null }) => finding.tool === null || passes(filter, finding.tool);
  return { capabilities: server.capabilities.filter(through), tools: server.tools.filter((tool) => passes(filter, tool.name)), untrustedInputs: untrustedInputs.filter(through) };
}

/** Filters a client config's item applies to the servers it launches, by the entry's name (Claude Code settings denying `mcp__<server>__<tool>`). */
const configFilters = new WeakMap<DiscoveredAgent, Map<string, McpToolFilterFact>>();

export function configToolFilterOf(item: DiscoveredAgent, server: string | undefined): McpToolFilterFact | null {
  return server ? (configFilters.get(item)?.get(server) ?? null) : null;
}

/**
 * Project settings that deny MCP tools (`permissions.deny: ["mcp__ledger__close_account"]`) take
 * them from the project's session, the `.mcp.json` item: what those tools do is not its, though it
 * launches their server. Applied to what the item already holds of the server's code and recorded
 * for the server link made later (mcp-servers.ts).
 */
export function applyDeniedMcpTools(session: DiscoveredAgent, denied: NonNullable<ClaudeCodeFacts['deniedMcpTools']>): void {
  const launched = new Set((session.mcpServers ?? []).map((server) => server.name));
  const byServer = configFilters.get(session) ?? new Map<string, McpToolFilterFact>();
  for (const { server, tool } of denied.tools) {
    if (!launched.has(server)) continue;
    const filter = byServer.get(server) ?? { server, lines: null, allowed: null, blocked: [], evidence: denied.evidence };
    if (!filter.blocked.includes(tool)) filter.blocked.push(tool);
    byServer.set(server, filter);
  }
  if (byServer.size === 0) return;
  configFilters.set(session, byServer);
  const blocked = new Set([...byServer.values()].flatMap((filter) => filter.blocked));
  const kept = (finding: { tool: string | null }) => finding.tool === null || !blocked.has(finding.tool);
  session.capabilities = session.capabilities.filter(kept);
  session.tools = session.tools.filter((tool) => !blocked.has(tool.name));
  if (session.untrustedInputs) session.untrustedInputs = session.untrustedInputs.filter(kept);
}
