import type { Evidence } from '../../../shared/discovery';
import { makeEvidence } from '../evidence';
import type { CodeModel } from './code-model';
import type { CodeRuleSet } from './rules';

/**
 * Where code connects to an MCP server inside its own process rather than launching it or
 * reaching it by URL: the TypeScript SDK's `InMemoryTransport.createLinkedPair()`, the Python
 * SDK's `create_connected_server_and_client_session(server)`, FastMCP's `Client(server)` given the
 * server object. The linker ties the file's agent to the repository server its code imports.
 * Evidence names the MCP client endpoint rule, like the launches: turning it off turns this off.
 */

const MCP_CLIENT_RULE = 'code.endpoint.mcp-client';
const HINT = /InMemoryTransport|create_connected_server_and_client_session|fastmcp/;
const LINKED_PAIR = /^@modelcontextprotocol\/.*\bInMemoryTransport\.createLinkedPair$/;
const MEMORY_SESSION = /^mcp\.shared\.memory\.create_connected_server_and_client_session$/;
const FASTMCP_CLIENT = /^fastmcp(\.client)?\.Client$/;

export function findMcpInProcess(model: CodeModel, rules: CodeRuleSet): Evidence[] {
  const rule = rules.endpoint.find((r) => r.id === MCP_CLIENT_RULE);
  if (!rule || !HINT.test(model.text)) return [];
  const found: Evidence[] = [];
  for (const call of model.calls) {
    // FastMCP's Client takes a URL, a script path or a config too: only a server object is in-process.
    const inProcess = LINKED_PAIR.test(call.callee) || MEMORY_SESSION.test(call.callee) || (FASTMCP_CLIENT.test(call.callee) && call.args[0]?.kind === 'ref');
    if (inProcess && !found.some((evidence) => evidence.line === call.line)) found.push(makeEvidence(model.path, call.line, model.lines[call.line - 1] ?? '', rule.id, rule.confidence));
  }
  return found;
}
