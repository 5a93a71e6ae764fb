import type { CapabilityFinding, DiscoveredAgent, Evidence, ToolDefinition, UntrustedInputFinding } from '../../../shared/discovery';
import type { CodeFindings, McpToolFilterFact } from '../findings';

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
