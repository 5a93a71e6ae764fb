import { Agent, MCPServerStdio, run } from "@openai/agents";

const tickets = new MCPServerStdio({
  name: "tickets",
  command: "node",
  args: ["tickets-server/build/index.js"],
  toolFilter: { allowedToolNames: ["read_ticket", "set_priority"], blockedToolNames: ["purge_ticket"] },
});

const prioritiser = new Agent({ name: "Prioritiser", instructions: "Raise the priority of tickets about failed payouts.", mcpServers: [tickets] });

async function main() {
  await tickets.connect();
  console.log((await run(prioritiser, "Go through the open queue.")).finalOutput);
  await tickets.close();
}

main();
