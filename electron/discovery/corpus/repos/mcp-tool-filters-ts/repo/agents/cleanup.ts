import { Agent, MCPServerStdio, run } from "@openai/agents";

const ERASURE_ENABLED = process.env.ERASURE_ENABLED === "true";

// The filter is a function decided at run time: which tools pass cannot be read from the code.
const tickets = new MCPServerStdio({
  name: "tickets",
  command: "node",
  args: ["tickets-server/build/index.js"],
  toolFilter: async (_context, tool) => ERASURE_ENABLED || tool.name !== "purge_ticket",
});

const cleanup = new Agent({ name: "Queue cleanup", instructions: "Close out stale tickets and honour erasure requests.", mcpServers: [tickets] });

async function main() {
  await tickets.connect();
  console.log((await run(cleanup, "Handle this week's erasure requests.")).finalOutput);
  await tickets.close();
}

main();
