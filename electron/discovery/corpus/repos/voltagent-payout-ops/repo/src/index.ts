import { Agent, VoltAgent } from "@voltagent/core";
import { createPinoLogger } from "@voltagent/logger";
import { honoServer } from "@voltagent/server-hono";
import { openai } from "@ai-sdk/openai";
import { payoutAgent } from "./agents/payout.js";
import { merchantHistoryTool } from "./tools/merchants.js";

const logger = createPinoLogger({ name: "payout-ops", level: "info" });

// Ops staff talk to either agent from the VoltOps console: each is served on its own route.
const triageAgent = new Agent({
  name: "payout-triage",
  instructions: "Explain why a merchant's payout is delayed, from the merchant's history. Never move money.",
  model: openai("gpt-4o-mini"),
  tools: [merchantHistoryTool],
});

new VoltAgent({
  agents: { triageAgent, payoutAgent },
  logger,
  server: honoServer({ port: Number(process.env.PORT ?? 3141) }),
});
