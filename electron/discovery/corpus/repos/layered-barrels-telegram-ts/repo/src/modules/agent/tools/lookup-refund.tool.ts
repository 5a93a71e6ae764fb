import { tool } from "@langchain/core/tools";
import { z } from "zod";
import { pool } from "../../db/pool";

export const lookupRefundTool = tool(
  async ({ refundId }) => {
    const { rows } = await pool.query("SELECT id, status, amount_cents FROM refunds WHERE id = $1", [refundId]);
    return JSON.stringify(rows[0] ?? null);
  },
  { name: "lookup_refund", description: "Look a refund up by its id", schema: z.object({ refundId: z.string() }) }
);
