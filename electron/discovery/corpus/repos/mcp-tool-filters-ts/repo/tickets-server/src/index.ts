import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { Pool } from "pg";
import { z } from "zod";

const pool = new Pool({ connectionString: process.env.TICKETS_DB_URL });
const server = new McpServer({ name: "tickets", version: "2.1.0" });

server.registerTool(
  "read_ticket",
  { description: "Read a support ticket and its thread", inputSchema: { id: z.string() } },
  async ({ id }) => {
    const { rows } = await pool.query("SELECT subject, status, body FROM tickets WHERE id = $1", [id]);
    return { content: [{ type: "text", text: JSON.stringify(rows[0] ?? null) }] };
  },
);

server.registerTool(
  "set_priority",
  { description: "Change a ticket's priority", inputSchema: { id: z.string(), priority: z.enum(["low", "normal", "high"]) } },
  async ({ id, priority }) => {
    await pool.query("UPDATE tickets SET priority = $2 WHERE id = $1", [id, priority]);
    return { content: [{ type: "text", text: "ok" }] };
  },
);

server.registerTool(
  "purge_ticket",
  { description: "Delete a ticket and its thread (GDPR erasure)", inputSchema: { id: z.string() } },
  async ({ id }) => {
    await pool.query("DELETE FROM tickets WHERE id = $1", [id]);
    return { content: [{ type: "text", text: "purged" }] };
  },
);

await server.connect(new StdioServerTransport());
