import { Agent, MCPServerStdio, createMCPToolStaticFilter, run } from "@openai/agents";

// Triage reads tickets and nothing else: the filter hides the writing tools from the model.
const tickets = new MCPServerStdio({
  name: "tickets",
  command: "node",
  args: ["tickets-server/build/index.js"],
  cacheToolsList: true,
  toolFilter: createMCPToolStaticFilter({ allowed: ["read_ticket"] }),
});

const triage = new Agent({
  name: "Ticket triage",
  instructions: "Read new tickets and say which queue each belongs to.",
  mcpServers: [tickets],
});

async function main() {
  await tickets.connect();
  try {
    const result = await run(triage, "Route the tickets opened since midnight.");
    console.log(result.finalOutput);
  } finally {
    await tickets.close();
  }
}

main();
