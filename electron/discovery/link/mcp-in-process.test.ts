import { describe, expect, it } from 'vitest';
import type { DiscoveredAgent } from '../../../shared/discovery';
import { capabilityKinds, itemNamed, scanTreeFixture } from '../scan/test-scan-tree';

/**
 * An agent that hosts an MCP server of the repository in its own process (an in-memory transport
 * pair, the Python SDK's in-memory session, FastMCP's `Client(server)`) uses that server's tools:
 * it is linked to the server item and holds what its tools do, with the in-process connection as
 * the evidence. A test doing the same is test code, and a script that connects in memory without
 * a model is no agent.
 */
const tree = scanTreeFixture('atw-mcp-in-process-');

const summary = (agents: DiscoveredAgent[]) => agents.map((a) => `${a.classification} ${a.unit.name} -> ${(a.links ?? []).map((l) => `${l.relation}:${l.name}`).sort().join(',')}`).sort();

const NOTES_SERVER = `import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { Pool } from "pg";
import { z } from "zod";

const pool = new Pool({ connectionString: process.env.NOTES_DB });

export function createNotesServer() {
  const server = new McpServer({ name: "case-notes", version: "1.0.0" });
  server.tool("append_note", { caseId: z.string(), text: z.string() }, async ({ caseId, text }) => {
    await pool.query("INSERT INTO case_notes (case_id, body) VALUES ($1, $2)", [caseId, text]);
    return { content: [{ type: "text", text: "saved" }] };
  });
  return server;
}
`;

const PY_SERVER = `import os
import psycopg
from mcp.server.fastmcp import FastMCP

mcp = FastMCP("holds")


@mcp.tool()
def place_hold(account: str) -> str:
    """Put a payout hold on an account."""
    with psycopg.connect(os.environ["LEDGER_DSN"]) as conn:
        conn.execute("UPDATE accounts SET on_hold = true WHERE id = %s", (account,))
    return "held"
`;

describe('MCP servers hosted in the agent process', () => {
  it('TypeScript: InMemoryTransport.createLinkedPair links the tool loop to the server it builds', async () => {
    tree.writeAll({
      'src/notes-server.ts': NOTES_SERVER,
      'src/case-bot.ts': `import Anthropic from "@anthropic-ai/sdk";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import { createNotesServer } from "./notes-server.js";

const anthropic = new Anthropic();

async function main() {
  const [clientTransport, serverTransport] = InMemoryTransport.createLinkedPair();
  await createNotesServer().connect(serverTransport);
  const mcp = new Client({ name: "case-bot", version: "1.0.0" });
  await mcp.connect(clientTransport);
  const { tools } = await mcp.listTools();
  const reply = await anthropic.messages.create({
    model: "claude-sonnet-4-5",
    max_tokens: 1024,
    tools: tools.map((t) => ({ name: t.name, description: t.description, input_schema: t.inputSchema })),
    messages: [{ role: "user", content: "Summarise case 41 into a note" }],
  });
  console.log(reply.content);
}

main();
`,
      'src/__tests__/notes.spec.ts': `import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import Anthropic from "@anthropic-ai/sdk";
import { createNotesServer } from "../notes-server.js";

const [c, s] = InMemoryTransport.createLinkedPair();
await createNotesServer().connect(s);
await new Client({ name: "t", version: "0" }).connect(c);
await new Anthropic().messages.create({ model: "claude-haiku-4-5", max_tokens: 10, tools: [], messages: [] });
`,
    });
    const { agents } = await tree.scan();
    expect(summary(agents)).toEqual(['agent src/case-bot.ts -> mcp-server:case-notes', 'mcp-server case-notes -> mcp-client:case-bot']);
    const bot = itemNamed(agents, 'src/case-bot.ts');
    expect(capabilityKinds(bot)).toEqual(['data-write']);
    expect(bot.links?.[0]?.evidence?.snippet).toContain('InMemoryTransport.createLinkedPair');
  });

  it('Python: an in-memory session and FastMCP Client(server) link their agents; a model-free smoke script is the server entry point', async () => {
    tree.writeAll({
      'holds/server.py': PY_SERVER,
      'holds/__init__.py': '',
      'holds/agent.py': `import asyncio

from mcp.shared.memory import create_connected_server_and_client_session
from openai import OpenAI

from holds.server import mcp

client = OpenAI()


async def main():
    async with create_connected_server_and_client_session(mcp._mcp_server) as session:
        listed = await session.list_tools()
        tools = [{"type": "function", "function": {"name": t.name, "description": t.description, "parameters": t.inputSchema}} for t in listed.tools]
        reply = client.chat.completions.create(model="gpt-4.1", tools=tools, messages=[{"role": "user", "content": "Hold acct_7"}])
        for call in reply.choices[0].message.tool_calls or []:
            await session.call_tool(call.function.name, {"account": "acct_7"})


if __name__ == "__main__":
    asyncio.run(main())
`,
      'holds/claude_agent.py': `import asyncio

import anthropic
from fastmcp import Client

from holds.server import mcp

claude = anthropic.Anthropic()


async def main():
    async with Client(mcp) as session:
        tools = [{"name": t.name, "description": t.description, "input_schema": t.inputSchema} for t in await session.list_tools()]
        reply = claude.messages.create(model="claude-sonnet-4-5", max_tokens=512, tools=tools, messages=[{"role": "user", "content": "Hold acct_9"}])
        print(reply.content)


if __name__ == "__main__":
    asyncio.run(main())
`,
      'holds/smoke.py': `import asyncio

from fastmcp import Client

from holds.server import mcp


async def main():
    async with Client(mcp) as session:
        print(await session.list_tools())


if __name__ == "__main__":
    asyncio.run(main())
`,
    });
    const { agents } = await tree.scan();
    expect(summary(agents)).toEqual([
      'agent holds/agent.py -> mcp-server:holds',
      'agent holds/claude_agent.py -> mcp-server:holds',
      'mcp-server holds -> mcp-client:agent,mcp-client:claude_agent',
    ]);
    expect(capabilityKinds(itemNamed(agents, 'holds/agent.py'))).toEqual(['data-write']);
    expect(capabilityKinds(itemNamed(agents, 'holds/claude_agent.py'))).toEqual(['data-write']);
  });
});
