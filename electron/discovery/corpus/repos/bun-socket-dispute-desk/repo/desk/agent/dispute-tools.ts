import { createSdkMcpServer, tool } from "@anthropic-ai/claude-agent-sdk";
import { Pool } from "pg";
import { z } from "zod";

const pool = new Pool({ connectionString: process.env.DISPUTES_DATABASE_URL });

// In-process tools the desk agent holds; not a server anyone else launches.
export const disputeTools = createSdkMcpServer({
  name: "disputes",
  version: "1.0.0",
  tools: [
    tool("lookup_dispute", "Read one dispute with its card transaction", { id: z.string() }, async ({ id }) => {
      const { rows: [row] } = await pool.query(
        "SELECT d.id, d.reason, t.amount_cents, t.merchant FROM disputes d JOIN transactions t ON t.id = d.transaction_id WHERE d.id = $1",
        [id],
      );
      return { content: [{ type: "text", text: JSON.stringify(row ?? null) }] };
    }),
    tool("add_note", "Add an analyst-visible note to a dispute", { id: z.string(), note: z.string() }, async ({ id, note }) => {
      await pool.query("INSERT INTO dispute_notes (dispute_id, body) VALUES ($1, $2)", [id, note]);
      return { content: [{ type: "text", text: "noted" }] };
    }),
  ],
});
