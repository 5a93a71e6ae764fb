import { describe, expect, it } from 'vitest';
import type { DiscoveredAgent } from '../../../shared/discovery';
import { itemNamed, scanTreeFixture } from '../scan/test-scan-tree';

/**
 * Where a client finds a server of the repository, in the less direct ways real code writes it:
 * a stdio launch run from another folder (`cwd`), FastMCP's port set after construction
 * (`mcp.settings.port = …`), a URL assembled from a host and port with written defaults, and a
 * Kubernetes Service in front of the Deployment running the server.
 */
const tree = scanTreeFixture('atw-mcp-locations-');

const servers = (agent: DiscoveredAgent) => (agent.links ?? []).filter((l) => l.relation === 'mcp-server').map((l) => l.name).sort();

const LEDGER = (tail: string) => `import os
import psycopg
from mcp.server.fastmcp import FastMCP

mcp = FastMCP("ledger")


@mcp.tool()
def balance(account: str) -> str:
    """Balance of a ledger account."""
    with psycopg.connect(os.environ["LEDGER_DSN"]) as conn:
        return str(conn.execute("SELECT balance FROM accounts WHERE id = %s", (account,)).fetchone())

${tail}`;

const OPENAI_AGENT = (client: string) => `import asyncio
import os

from agents import Agent, Runner
${client}


async def main():
    async with server as ledger:
        agent = Agent(name="closer", instructions="Close the books.", mcp_servers=[ledger])
        print((await Runner.run(agent, "close")).final_output)


if __name__ == "__main__":
    asyncio.run(main())
`;

describe('finding the server a client reaches', () => {
  it('a stdio launch with cwd runs the script of that folder (Python params and TypeScript transport)', async () => {
    tree.writeAll({
      'services/ledger/server.py': LEDGER('if __name__ == "__main__":\n    mcp.run()\n'),
      'services/other/server.py': LEDGER('if __name__ == "__main__":\n    mcp.run()\n').replace('FastMCP("ledger")', 'FastMCP("other")'),
      'agents/closer.py': OPENAI_AGENT('from agents.mcp import MCPServerStdio\n\nserver = MCPServerStdio(params={"command": "python", "args": ["server.py"], "cwd": "services/ledger"})'),
      'bots/src/bot.ts': `import Anthropic from "@anthropic-ai/sdk";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";

const anthropic = new Anthropic();
const transport = new StdioClientTransport({ command: "uv", args: ["run", "server.py"], cwd: "../services/other" });

async function main() {
  const client = new Client({ name: "bot", version: "1.0.0" });
  await client.connect(transport);
  const { tools } = await client.listTools();
  await anthropic.messages.create({ model: "claude-sonnet-4-5", max_tokens: 256, tools: tools.map((t) => ({ name: t.name, input_schema: t.inputSchema as Anthropic.Tool.InputSchema })), messages: [{ role: "user", content: "hi" }] });
}

main();
`,
    });
    const { agents } = await tree.scan();
    expect(servers(itemNamed(agents, 'agents/closer.py'))).toEqual(['ledger']);
    expect(servers(itemNamed(agents, 'bots/src/bot.ts'))).toEqual(['other']);
  });

  it('mcp.settings.port set after construction, and a URL built from host and port with written defaults', async () => {
    tree.writeAll({
      'ledger/server.py': LEDGER('if __name__ == "__main__":\n    mcp.settings.host = "0.0.0.0"\n    mcp.settings.port = int(os.getenv("LEDGER_PORT", "8123"))\n    mcp.run(transport="streamable-http")\n'),
      'agents/closer.py': OPENAI_AGENT(
        'from agents.mcp import MCPServerStreamableHttp\n\nLEDGER_HOST = os.getenv("LEDGER_HOST", "localhost")\nLEDGER_PORT = int(os.getenv("LEDGER_PORT", "8123"))\nserver = MCPServerStreamableHttp(params={"url": f"http://{LEDGER_HOST}:{LEDGER_PORT}/mcp"})',
      ),
      'agents/wrong_port.py': OPENAI_AGENT('from agents.mcp import MCPServerStreamableHttp\n\nPORT = 8000\nserver = MCPServerStreamableHttp(params={"url": f"http://localhost:{PORT}/mcp"})'),
    });
    const { agents } = await tree.scan();
    expect(servers(itemNamed(agents, 'agents/closer.py'))).toEqual(['ledger']);
    expect(servers(itemNamed(agents, 'agents/wrong_port.py'))).toEqual([]);
  });

  it('a Kubernetes Service (in another file) selecting the Deployment that runs the server answers under its name and port', async () => {
    tree.writeAll({
      'ledger/server.py': LEDGER('if __name__ == "__main__":\n    mcp.run(transport="streamable-http", host="0.0.0.0", port=8080)\n'),
      'deploy/ledger-mcp.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ledger-mcp
  namespace: finance
spec:
  selector:
    matchLabels: { app: ledger-mcp }
  template:
    metadata:
      labels: { app: ledger-mcp }
    spec:
      containers:
        - name: server
          image: registry.northwind.example/ledger-mcp:1.4.0
          command: ["python", "ledger/server.py"]
          ports: [{ containerPort: 8080 }]
`,
      // The Service is often its own file.
      'deploy/ledger-mcp-service.yaml': `apiVersion: v1
kind: Service
metadata:
  name: ledger-mcp
  namespace: finance
spec:
  selector: { app: ledger-mcp }
  ports:
    - port: 80
      targetPort: 8080
`,
      'agents/closer.py': OPENAI_AGENT('from agents.mcp import MCPServerStreamableHttp\n\nserver = MCPServerStreamableHttp(params={"url": os.getenv("LEDGER_MCP_URL", "http://ledger-mcp.finance.svc.cluster.local/mcp")})'),
      'agents/short.py': OPENAI_AGENT('from agents.mcp import MCPServerStreamableHttp\n\nserver = MCPServerStreamableHttp(params={"url": "http://ledger-mcp/mcp"})'),
      'agents/other_ns.py': OPENAI_AGENT('from agents.mcp import MCPServerStreamableHttp\n\nserver = MCPServerStreamableHttp(params={"url": "http://ledger-mcp.payments.svc.cluster.local/mcp"})'),
    });
    const { agents } = await tree.scan();
    expect(servers(itemNamed(agents, 'agents/closer.py'))).toEqual(['ledger']);
    expect(servers(itemNamed(agents, 'agents/short.py'))).toEqual(['ledger']);
    expect(servers(itemNamed(agents, 'agents/other_ns.py'))).toEqual([]);
  });
});
