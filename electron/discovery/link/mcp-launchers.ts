import type { CodeFindings } from '../findings';
import { type CodeIndex, importClosure } from './resolve-code';

/**
 * The MCP server an entry file only launches, or null. A TypeScript server is often built in one
 * module (`createServer()` returning an `McpServer` with its tools) and started from others, one
 * per transport (`stdio.ts` connecting it to a `StdioServerTransport`, `streamableHttp.ts` behind
 * Express). Such a launcher imports the server SDK for its transport, which reads like an agent
 * framework, but no model chooses anything there: it is how the server runs, one of the server
 * item's entry points, not an agent. An entry that also calls a model or runs another framework
 * (an agent hosting its own in-process server) is not a launcher.
 */
export function launchedServerOf(entry: string, index: CodeIndex, servers: ReadonlyMap<string, CodeFindings>): string | null {
  if (servers.size === 0) return null;
  const closure = importClosure([entry], index);
  const server = closure.find((path) => path !== entry && servers.has(path));
  if (!server) return null;
  const serverCode = new Set(importClosure([server], index));
  const launcherCode = closure.filter((path) => !serverCode.has(path)).flatMap((path) => index.get(path) ?? []);
  const onlyServerSdk = launcherCode.every(
    (file) => file.llm.length === 0 && (file.remoteAgents?.length ?? 0) === 0 && !file.mcpServer && file.frameworks.every((f) => f.framework === 'mcp-server'),
  );
  return onlyServerSdk ? server : null;
}
