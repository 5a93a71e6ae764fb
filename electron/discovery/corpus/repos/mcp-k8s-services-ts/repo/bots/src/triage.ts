import Anthropic from "@anthropic-ai/sdk";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";

// In the cluster the tickets server answers behind its Service; both parts can be overridden.
const TICKETS_HOST = process.env.TICKETS_MCP_HOST ?? "tickets-mcp.support.svc.cluster.local";
const TICKETS_PORT = Number(process.env.TICKETS_MCP_PORT ?? 80);

const anthropic = new Anthropic();

async function main(): Promise<void> {
  const client = new Client({ name: "triage-sweep", version: "1.3.0" });
  await client.connect(new StreamableHTTPClientTransport(new URL(`http://${TICKETS_HOST}:${TICKETS_PORT}/mcp`)));
  const { tools } = await client.listTools();
  const messages: Anthropic.MessageParam[] = [{ role: "user", content: "Assign every open billing ticket to the on-call person." }];
  for (let turn = 0; turn < 10; turn++) {
    const reply = await anthropic.messages.create({
      model: "claude-sonnet-4-5",
      max_tokens: 1024,
      tools: tools.map((t) => ({ name: t.name, description: t.description, input_schema: t.inputSchema as Anthropic.Tool.InputSchema })),
      messages,
    });
    messages.push({ role: "assistant", content: reply.content });
    if (reply.stop_reason !== "tool_use") break;
    const results: Anthropic.ToolResultBlockParam[] = [];
    for (const block of reply.content) {
      if (block.type !== "tool_use") continue;
      const result = await client.callTool({ name: block.name, arguments: block.input as Record<string, unknown> });
      results.push({ type: "tool_result", tool_use_id: block.id, content: JSON.stringify(result.content) });
    }
    messages.push({ role: "user", content: results });
  }
  await client.close();
}

main();
