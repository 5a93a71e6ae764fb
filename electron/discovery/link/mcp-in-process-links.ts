import type { DiscoveredAgent } from '../../../shared/discovery';
import { linkAgents } from './agent-links';
import { gainServerTools } from './mcp-servers';
import { importClosure, type CodeIndex } from './resolve-code';

/**
 * An agent that hosts a server of the repository in its own process (code/mcp-in-process.ts) uses
 * that server's tools: the server its connecting file imports (or builds beside it) is linked as
 * its `mcp-server`, with the in-process connection as evidence, and what the server's tools do
 * counts for the agent. A file that only connects and calls no model is the server's entry point
 * (link-units.ts), not an agent, so it links nothing here.
 */
export function linkInProcessMcpServers(agents: DiscoveredAgent[], servers: Map<string, DiscoveredAgent>, index: CodeIndex): void {
  if (servers.size === 0) return;
  for (const agent of agents) {
    if (agent.classification === 'mcp-server') continue;
    for (const path of agent.codeFiles) {
      const connections = index.get(path)?.mcpInProcess;
      if (!connections?.length) continue;
      for (const reached of importClosure([path], index)) {
        const server = servers.get(reached);
        if (!server) continue;
        linkAgents(agent, server, 'mcp-server', connections[0]!);
        gainServerTools(agent, server);
      }
    }
  }
}
