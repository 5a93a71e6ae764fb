import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { Pool } from "pg";
import { z } from "zod";

const db = new Pool({ connectionString: process.env.HELPDESK_DB_URL });

/** The helpdesk's ticket tools; one server per HTTP session. */
export function createTicketsServer(): McpServer {
  const server = new McpServer({ name: "tickets", version: "1.4.0" });

  server.tool("find_ticket", "Look up a ticket by its number", { number: z.number() }, async ({ number }) => {
    const { rows } = await db.query("SELECT id, subject, status FROM tickets WHERE number = $1", [number]);
    return { content: [{ type: "text", text: JSON.stringify(rows[0] ?? null) }] };
  });

  server.tool("close_ticket", "Close a ticket with a resolution note", { id: z.string(), note: z.string() }, async ({ id, note }) => {
    await db.query("UPDATE tickets SET status = 'closed', resolution = $2 WHERE id = $1", [id, note]);
    return { content: [{ type: "text", text: `closed ${id}` }] };
  });

  return server;
}
