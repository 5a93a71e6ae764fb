import type { AnyAgentTool } from "@letta-ai/letta-agent-sdk";
import pg from "pg";

const pool = new pg.Pool({ connectionString: process.env.LEDGER_DATABASE_URL });

/** The tools the dispute agent may use from Discord. */
export function disputeTools(): AnyAgentTool[] {
  return [
    {
      name: "dispute_lookup",
      description: "Read a card dispute from the ledger.",
      parameters: { type: "object", properties: { dispute_id: { type: "string" } }, required: ["dispute_id"] },
      async execute(_callId: string, args: { dispute_id: string }) {
        const { rows } = await pool.query("SELECT id, status, reason, amount_cents FROM disputes WHERE id = $1", [args.dispute_id]);
        return { content: [{ type: "text", text: JSON.stringify(rows[0] ?? null) }] };
      },
    },
    {
      name: "dispute_post_update",
      description: "Post a progress update to the dispute desk's Discord channel.",
      parameters: { type: "object", properties: { content: { type: "string" } }, required: ["content"] },
      async execute(_callId: string, args: { content: string }) {
        await fetch("https://discord.com/api/webhooks/1234567890/northwind-dispute-desk", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ content: args.content, allowed_mentions: { parse: [] } }),
        });
        return { content: [{ type: "text", text: "Posted." }] };
      },
    },
  ];
}
