import { query } from "@anthropic-ai/claude-agent-sdk";
import { disputeTools } from "./dispute-tools";

const SYSTEM = `You help Northwind Pay analysts decide card disputes.
Look disputes up with the disputes tools before answering; never guess an amount.`;

export class DisputeClient {
  async *stream(prompt: string, resume: string | null) {
    for await (const message of query({
      prompt,
      options: {
        model: "claude-sonnet-4-5",
        appendSystemPrompt: SYSTEM,
        maxTurns: 20,
        allowedTools: ["Read", "Grep", "mcp__disputes__lookup_dispute", "mcp__disputes__add_note"],
        mcpServers: { disputes: disputeTools },
        ...(resume ? { resume } : {}),
      },
    })) {
      yield message;
    }
  }
}
