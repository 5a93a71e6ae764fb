import { openai } from "@ai-sdk/openai";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { experimental_createMCPClient, generateText, stepCountIs, tool } from "ai";
import { z } from "zod";

const TICKETS_URL = process.env.TICKETS_MCP_URL ?? "http://tickets-mcp:3001/mcp";

async function ticketTools() {
  const client = new Client({ name: "helpdesk-agent", version: "1.0.0" });
  await client.connect(new StreamableHTTPClientTransport(new URL(TICKETS_URL)));
  const { tools } = await client.listTools();
  return Object.fromEntries(
    tools.map((t) => [
      t.name,
      tool({
        description: t.description ?? t.name,
        inputSchema: z.record(z.string(), z.unknown()),
        execute: async (args) => client.callTool({ name: t.name, arguments: args }),
      }),
    ]),
  );
}

export async function triageQueue(): Promise<string> {
  const notify = await experimental_createMCPClient({
    transport: { type: "sse", url: process.env.NOTIFY_MCP_URL ?? "http://notify-mcp:3002/sse" },
  });
  const { text } = await generateText({
    model: openai("gpt-4.1"),
    system: "Close duplicate tickets and tell the support channel what you closed.",
    prompt: "Work through the open queue.",
    tools: { ...(await ticketTools()), ...(await notify.tools()) },
    stopWhen: stepCountIs(12),
  });
  await notify.close();
  return text;
}

triageQueue().then(console.log);
