import { describe, expect, it } from 'vitest';
import type { DiscoveredAgent } from '../../../shared/discovery';
import { capabilityKinds, itemNamed, scanTreeFixture, toolNamesOf } from '../scan/test-scan-tree';

/**
 * An agent linked to an MCP server of the repository holds the server's tools, unless its client
 * narrows them: the OpenAI Agents SDK's `tool_filter` / `toolFilter`, the Claude Agent SDK's
 * `allowedTools: ["mcp__ledger__…"]` and `disallowedTools`, a langchain-mcp-adapters list filtered
 * by tool name. Then it holds only the tools let through, and the link shows the filter.
 */
const tree = scanTreeFixture('atw-mcp-filter-');

const serverLink = (agent: DiscoveredAgent) => (agent.links ?? []).find((l) => l.relation === 'mcp-server');

const LEDGER_SERVER = `import os
import psycopg
import stripe
from mcp.server.fastmcp import FastMCP

mcp = FastMCP("ledger")
DSN = os.environ["LEDGER_DSN"]


@mcp.tool()
def read_balance(account: str) -> str:
    """Balance of a ledger account."""
    with psycopg.connect(DSN) as conn:
        return str(conn.execute("SELECT balance FROM accounts WHERE id = %s", (account,)).fetchone())


@mcp.tool()
def refund_payment(charge_id: str) -> str:
    """Refund a card payment."""
    return stripe.Refund.create(charge=charge_id).id


@mcp.tool()
def close_account(account: str) -> str:
    """Close a ledger account for good."""
    with psycopg.connect(DSN) as conn:
        conn.execute("DELETE FROM accounts WHERE id = %s", (account,))
    return "closed"


if __name__ == "__main__":
    mcp.run()
`;

describe('MCP tool filters (Python)', () => {
  it('OpenAI Agents SDK create_static_tool_filter(allowed_tool_names=…) keeps the allowed tools only, with the filter as the link evidence', async () => {
    tree.writeAll({
      'servers/ledger_server.py': LEDGER_SERVER,
      'agents_app/reader.py': `from agents import Agent, Runner
from agents.mcp import MCPServerStdio, create_static_tool_filter

ledger = MCPServerStdio(
    params={"command": "python", "args": ["servers/ledger_server.py"]},
    tool_filter=create_static_tool_filter(allowed_tool_names=["read_balance"]),
)
agent = Agent(name="balance reader", instructions="Answer balance questions.", mcp_servers=[ledger])

if __name__ == "__main__":
    Runner.run_sync(agent, "What is the balance of acct_1?")
`,
      'agents_app/refunder.py': `from agents import Agent, Runner
from agents.mcp import MCPServerStdio

ledger = MCPServerStdio(
    params={"command": "python", "args": ["servers/ledger_server.py"]},
    tool_filter={"blocked_tool_names": ["close_account"]},
)
agent = Agent(name="refunder", instructions="Refund what support approved.", mcp_servers=[ledger])

if __name__ == "__main__":
    Runner.run_sync(agent, "Refund ch_1")
`,
    });
    const { agents } = await tree.scan();
    const reader = itemNamed(agents, 'agents_app/reader.py');
    expect(serverLink(reader)?.name).toBe('ledger');
    expect(capabilityKinds(reader)).toEqual(['data-read']);
    expect(toolNamesOf(reader)).toEqual(['read_balance']);
    expect(serverLink(reader)?.evidence?.snippet).toContain('allowed_tool_names=["read_balance"]');
    const refunder = itemNamed(agents, 'agents_app/refunder.py');
    expect(capabilityKinds(refunder)).toEqual(['data-read', 'payment']);
    expect(toolNamesOf(refunder)).toEqual(['read_balance', 'refund_payment']);
  });

  it('Claude Agent SDK allowed_tools=["mcp__ledger__read_balance"] narrows the server it launches; a filter decided at run time narrows nothing', async () => {
    tree.writeAll({
      'servers/ledger_server.py': LEDGER_SERVER,
      'bots/claude_reader.py': `import anyio
from claude_agent_sdk import ClaudeAgentOptions, query

options = ClaudeAgentOptions(
    mcp_servers={"ledger": {"command": "python", "args": ["servers/ledger_server.py"]}},
    allowed_tools=["mcp__ledger__read_balance", "Read"],
)


async def main():
    async for message in query(prompt="Summarise balances", options=options):
        print(message)


if __name__ == "__main__":
    anyio.run(main)
`,
      'bots/dynamic.py': `from agents import Agent, Runner
from agents.mcp import MCPServerStdio


def only_reads(context, tool):
    return tool.name.startswith("read_")


ledger = MCPServerStdio(params={"command": "python", "args": ["servers/ledger_server.py"]}, tool_filter=only_reads)
agent = Agent(name="dynamic", instructions="Look things up.", mcp_servers=[ledger])

if __name__ == "__main__":
    Runner.run_sync(agent, "look up")
`,
    });
    const { agents } = await tree.scan();
    const claude = itemNamed(agents, 'bots/claude_reader.py');
    expect(serverLink(claude)?.name).toBe('ledger');
    expect(capabilityKinds(claude).filter((k) => k !== 'file-write')).not.toContain('payment');
    expect(toolNamesOf(claude)).toEqual(['read_balance']);
    const dynamic = itemNamed(agents, 'bots/dynamic.py');
    expect(capabilityKinds(dynamic)).toEqual(['data-delete', 'data-read', 'payment']);
  });

  it('langchain-mcp-adapters tools kept by name (`[t for t in tools if t.name in ALLOWED]`) hold those tools only', async () => {
    tree.writeAll({
      'servers/ledger_server.py': LEDGER_SERVER,
      'graph_agent/main.py': `import asyncio

from langchain_mcp_adapters.client import MultiServerMCPClient
from langchain_openai import ChatOpenAI
from langgraph.prebuilt import create_react_agent

ALLOWED_TOOLS = {"read_balance", "refund_payment"}


async def main():
    client = MultiServerMCPClient({"ledger": {"command": "python", "args": ["servers/ledger_server.py"], "transport": "stdio"}})
    tools = [tool for tool in await client.get_tools() if tool.name in ALLOWED_TOOLS]
    agent = create_react_agent(ChatOpenAI(model="gpt-4.1"), tools)
    await agent.ainvoke({"messages": [{"role": "user", "content": "refund ch_1"}]})


if __name__ == "__main__":
    asyncio.run(main())
`,
    });
    const { agents } = await tree.scan();
    const agent = itemNamed(agents, 'graph_agent/main.py');
    expect(serverLink(agent)?.name).toBe('ledger');
    expect(capabilityKinds(agent)).toEqual(['data-read', 'payment']);
  });
});

const TICKETS_SERVER = `import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { Pool } from "pg";
import { z } from "zod";

const pool = new Pool({ connectionString: process.env.TICKETS_DB });
const server = new McpServer({ name: "tickets", version: "1.0.0" });

server.tool("read_ticket", { id: z.string() }, async ({ id }) => {
  const { rows } = await pool.query("SELECT * FROM tickets WHERE id = $1", [id]);
  return { content: [{ type: "text", text: JSON.stringify(rows[0]) }] };
});

server.tool("purge_ticket", { id: z.string() }, async ({ id }) => {
  await pool.query("DELETE FROM tickets WHERE id = $1", [id]);
  return { content: [{ type: "text", text: "purged" }] };
});

await server.connect(new StdioServerTransport());
`;

describe('MCP tool filters (TypeScript)', () => {
  it('OpenAI Agents SDK createMCPToolStaticFilter and Claude Agent SDK allowedTools / disallowedTools keep the allowed tools only', async () => {
    tree.writeAll({
      'tickets-server/src/index.ts': TICKETS_SERVER,
      'agents/triage.ts': `import { Agent, MCPServerStdio, createMCPToolStaticFilter, run } from "@openai/agents";

const tickets = new MCPServerStdio({
  name: "tickets",
  command: "node",
  args: ["tickets-server/src/index.ts"],
  toolFilter: createMCPToolStaticFilter({ allowed: ["read_ticket"] }),
});

const agent = new Agent({ name: "triage", instructions: "Read tickets and route them.", mcpServers: [tickets] });

async function main() {
  await tickets.connect();
  await run(agent, "Route ticket 42");
}

main();
`,
      'agents/claude-reader.ts': `import { query } from "@anthropic-ai/claude-agent-sdk";

async function main() {
  for await (const message of query({
    prompt: "Summarise today's tickets",
    options: {
      mcpServers: { tickets: { command: "node", args: ["tickets-server/src/index.ts"] } },
      disallowedTools: ["mcp__tickets__purge_ticket"],
    },
  })) {
    console.log(message);
  }
}

main();
`,
    });
    const { agents } = await tree.scan();
    const triage = itemNamed(agents, 'agents/triage.ts');
    expect(serverLink(triage)?.name).toBe('tickets');
    expect(capabilityKinds(triage)).toEqual(['data-read']);
    expect(serverLink(triage)?.evidence?.snippet).toContain('createMCPToolStaticFilter');
    const claude = itemNamed(agents, 'agents/claude-reader.ts');
    expect(serverLink(claude)?.name).toBe('tickets');
    expect(toolNamesOf(claude)).toEqual(['read_ticket']);
    expect(capabilityKinds(claude)).not.toContain('data-delete');
  });
});

describe('Claude Code project settings', () => {
  it('a tool the settings deny (`mcp__ledger__close_account`) is not the project session\'s, though .mcp.json launches its server', async () => {
    tree.writeAll({
      'servers/ledger_server.py': LEDGER_SERVER,
      '.mcp.json': JSON.stringify({ mcpServers: { ledger: { command: 'python', args: ['servers/ledger_server.py'] } } }),
      '.claude/settings.json': JSON.stringify({ permissions: { allow: ['mcp__ledger__read_balance', 'Bash(pytest:*)'], deny: ['mcp__ledger__close_account'] }, enabledMcpjsonServers: ['ledger'] }),
    });
    const { agents } = await tree.scan();
    const session = agents.find((a) => a.unit.kind === 'mcp-config')!;
    expect(serverLink(session)?.name).toBe('ledger');
    expect(capabilityKinds(session)).toEqual(['data-read', 'payment', 'shell-exec']);
    expect(toolNamesOf(session)).not.toContain('close_account');
  });
});
