import Anthropic from "@anthropic-ai/sdk";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";

// Run from bots/: the knowledge-base server is started from its own package folder.
const transport = new StdioClientTransport({ command: "node", args: ["build/index.js"], cwd: "../kb-mcp" });
const anthropic = new Anthropic();

async function main(): Promise<void> {
  const client = new Client({ name: "macro-writer", version: "1.3.0" });
  await client.connect(transport);
  const { tools } = await client.listTools();
  const reply = await anthropic.messages.create({
    model: "claude-haiku-4-5",
    max_tokens: 800,
    tools: tools.map((t) => ({ name: t.name, description: t.description, input_schema: t.inputSchema as Anthropic.Tool.InputSchema })),
    messages: [{ role: "user", content: "Turn this week's most common answer into a macro." }],
  });
  for (const block of reply.content) {
    if (block.type === "tool_use") await client.callTool({ name: block.name, arguments: block.input as Record<string, unknown> });
  }
  await client.close();
}

main();
