import Anthropic from "@anthropic-ai/sdk";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";

// Reaches the pod port, not the Service's: nothing in the cluster answers there.
const anthropic = new Anthropic();

async function main(): Promise<void> {
  const client = new Client({ name: "escalations", version: "1.3.0" });
  await client.connect(new StreamableHTTPClientTransport(new URL("http://tickets-mcp.support.svc.cluster.local:3000/mcp")));
  const { tools } = await client.listTools();
  await anthropic.messages.create({
    model: "claude-haiku-4-5",
    max_tokens: 400,
    tools: tools.map((t) => ({ name: t.name, input_schema: t.inputSchema as Anthropic.Tool.InputSchema })),
    messages: [{ role: "user", content: "List escalations." }],
  });
}

main();
