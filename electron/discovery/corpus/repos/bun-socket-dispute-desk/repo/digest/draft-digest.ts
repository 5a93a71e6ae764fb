import Anthropic from "@anthropic-ai/sdk";
import { Pool } from "pg";

const anthropic = new Anthropic();
const pool = new Pool({ connectionString: process.env.DISPUTES_DATABASE_URL });

const tools: Anthropic.Tool[] = [
  {
    name: "chargebacks_for_day",
    description: "List the chargebacks received on a day",
    input_schema: { type: "object", properties: { day: { type: "string" } }, required: ["day"] },
  },
];

async function runTool(name: string, input: { day: string }): Promise<string> {
  if (name === "chargebacks_for_day") {
    const { rows } = await pool.query("SELECT merchant, reason, amount_cents FROM chargebacks WHERE received_on = $1", [input.day]);
    return JSON.stringify(rows);
  }
  return `unknown tool ${name}`;
}

export async function draftDigest(day: string): Promise<string> {
  const messages: Anthropic.MessageParam[] = [{ role: "user", content: `Write the chargeback digest for ${day}.` }];
  for (;;) {
    const response = await anthropic.messages.create({ model: "claude-sonnet-4-5", max_tokens: 2048, tools, messages });
    if (response.stop_reason !== "tool_use") {
      return response.content.map((block) => (block.type === "text" ? block.text : "")).join("");
    }
    messages.push({ role: "assistant", content: response.content });
    const results: Anthropic.ToolResultBlockParam[] = [];
    for (const block of response.content) {
      if (block.type === "tool_use") {
        results.push({ type: "tool_result", tool_use_id: block.id, content: await runTool(block.name, block.input as { day: string }) });
      }
    }
    messages.push({ role: "user", content: results });
  }
}
