import { query } from "@anthropic-ai/claude-agent-sdk";

// A nightly summary of the support queue. Claude may read and reprioritise, never erase.
async function main() {
  for await (const message of query({
    prompt: "Summarise the open support queue for the morning stand-up.",
    options: {
      mcpServers: { tickets: { command: "node", args: ["tickets-server/build/index.js"] } },
      disallowedTools: ["mcp__tickets__purge_ticket"],
      maxTurns: 8,
    },
  })) {
    if (message.type === "result" && message.subtype === "success") console.log(message.result);
  }
}

main();
