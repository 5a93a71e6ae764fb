import { appendFile } from "node:fs/promises";
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { z } from "zod";

const server = new McpServer({ name: "kb", version: "0.4.0" });

server.registerTool("save_macro", { description: "Save a reply macro to the shared knowledge base", inputSchema: { title: z.string(), body: z.string() } }, async ({ title, body }) => {
  await appendFile("/srv/kb/macros.md", `## ${title}\n\n${body}\n\n`);
  return { content: [{ type: "text", text: "saved" }] };
});

await server.connect(new StdioServerTransport());
