import Anthropic from "@anthropic-ai/sdk";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { SSEClientTransport } from "@modelcontextprotocol/sdk/client/sse.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";

// Stripe's hosted MCP server, and a refunds service that used to run on 4000 locally.
const remote = new StreamableHTTPClientTransport(new URL("https://mcp.stripe.com"));
const legacy = new SSEClientTransport(new URL("http://localhost:4000/sse"));

async function main() {
  const stripe = new Client({ name: "refund-review", version: "0.1.0" });
  await stripe.connect(remote);
  const refunds = new Client({ name: "refund-review-legacy", version: "0.1.0" });
  await refunds.connect(legacy);
  const { tools } = await stripe.listTools();
  const anthropic = new Anthropic();
  const reply = await anthropic.messages.create({
    model: "claude-sonnet-4-5",
    max_tokens: 1024,
    tools: tools.map((t) => ({ name: t.name, description: t.description, input_schema: t.inputSchema })),
    messages: [{ role: "user", content: "List refunds over 500 EUR from last week." }],
  });
  console.log(reply.content);
}

main();
