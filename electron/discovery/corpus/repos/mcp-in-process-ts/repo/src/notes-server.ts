import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { Pool } from "pg";
import { z } from "zod";

const pool = new Pool({ connectionString: process.env.CASE_NOTES_DB });

/** The case-notes tools, served in-process to the case bot (no separate server to deploy). */
export function createNotesServer(): McpServer {
  const server = new McpServer({ name: "case-notes", version: "1.2.0" });

  server.registerTool(
    "read_case",
    { description: "Read a dispute case and its notes", inputSchema: { caseId: z.string() } },
    async ({ caseId }) => {
      const { rows } = await pool.query("SELECT c.*, n.body FROM cases c LEFT JOIN case_notes n ON n.case_id = c.id WHERE c.id = $1", [caseId]);
      return { content: [{ type: "text", text: JSON.stringify(rows) }] };
    },
  );

  server.registerTool(
    "append_note",
    { description: "Append a note to a dispute case", inputSchema: { caseId: z.string(), text: z.string() } },
    async ({ caseId, text }) => {
      await pool.query("INSERT INTO case_notes (case_id, body) VALUES ($1, $2)", [caseId, text]);
      return { content: [{ type: "text", text: "saved" }] };
    },
  );

  return server;
}
