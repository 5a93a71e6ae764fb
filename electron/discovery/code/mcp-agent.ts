import type { McpHttpServingFact } from '../findings';
import type { CallSite, CodeModel, Value } from './code-model';
import { literalText, resolved } from './finding-context';

/**
 * Cloudflare's Agents SDK serves an MCP server from a Durable Object class extending `McpAgent`
 * (agents/mcp): `MyMCP.serve("/mcp")` answers streamable HTTP on that route, `MyMCP.serveSSE("/sse")`
 * and the older `MyMCP.mount("/sse")` answer SSE. An agent class reaches other servers with
 * `this.addMcpServer(name, url)`. Both say where the worker's MCP traffic goes, as an express
 * route or a StreamableHTTPClientTransport does for a Node server (mcp-http.ts).
 */

const SERVE_METHODS: Record<string, McpHttpServingFact['transport']> = { serve: 'streamable-http', serveSSE: 'sse', mount: 'sse' };
const MCP_AGENT_BASE = /(^|\.)McpAgent$/;

/** The transport and route of `MyMCP.serve("/mcp")` when MyMCP is this file's McpAgent class; null for any other call. */
export function mcpAgentRoute(model: CodeModel, call: CallSite): { transport: McpHttpServingFact['transport']; path: string } | null {
  const match = /^(\w+)\.(serve|serveSSE|mount)$/.exec(call.callee);
  if (!match) return null;
  const served = model.scopes.some((scope) => scope.kind === 'class' && scope.name === match[1] && scope.bases.some((base) => MCP_AGENT_BASE.test(base)));
  const path = literalText(resolved(model, call.args[0]));
  return served && path?.startsWith('/') ? { transport: SERVE_METHODS[match[2]!]!, path } : null;
}

/** `this.addMcpServer("ledger", "https://ledger-mcp.acme.workers.dev/mcp")`: the server's name and the URL argument. */
export function addedMcpServer(call: CallSite): { name: Value | undefined; url: Value | undefined } | null {
  return /(^|\.)addMcpServer$/.test(call.callee) ? { name: call.args[0], url: call.args[1] } : null;
}
