import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { Pool } from "pg";
import { z } from "zod";

const pool = new Pool({ connectionString: process.env.TICKETS_DB_URL });

export function createTicketsServer(): McpServer {
  const server = new McpServer({ name: "tickets", version: "2.0.1" });
  server.registerTool("open_tickets", { description: "Open tickets of a queue", inputSchema: { queue: z.string() } }, async ({ queue }) => {
    const { rows } = await pool.query("SELECT id, subject FROM tickets WHERE queue = $1 AND status = 'open'", [queue]);
    return { content: [{ type: "text", text: JSON.stringify(rows) }] };
  });
  server.registerTool("assign_ticket", { description: "Assign a ticket to a person", inputSchema: { id: z.string(), assignee: z.string() } }, async ({ id, assignee }) => {
    await pool.query("UPDATE tickets SET assignee = $2 WHERE id = $1", [id, assignee]);
    return { content: [{ type: "text", text: "assigned" }] };
  });
  return server;
}
