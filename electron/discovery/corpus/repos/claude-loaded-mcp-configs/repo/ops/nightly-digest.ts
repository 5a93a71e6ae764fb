import { query } from "@anthropic-ai/claude-agent-sdk";

// Loads the project's .claude/settings.json, .mcp.json and subagents, plus the runner's user settings.
const run = query({
  prompt: "Summarise yesterday's ledger anomalies and draft release notes for anything merged.",
  options: { settingSources: ["user", "project"], maxTurns: 30 },
});

for await (const message of run) {
  if (message.type === "result") console.log(message.result);
}
