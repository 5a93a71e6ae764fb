import { Agent, VoltAgent, createSubagent } from "@voltagent/core";
import { createPinoLogger } from "@voltagent/logger";
import { honoServer } from "@voltagent/server-hono";
import { letterWriter } from "./agents/letter-writer.js";
import { lookupChargeTool, refundChargeTool } from "./tools/charges.js";

const logger = createPinoLogger({ name: "chargeback-desk", level: "info" });

const chargebackAgent = new Agent({
  name: "chargeback-desk",
  instructions: "You answer merchants' chargeback questions. Look a charge up before you refund it; refunds over 500 EUR need a human. Contested charges go to the representment writer.",
  model: "anthropic/claude-sonnet-4-5",
  tools: [lookupChargeTool, refundChargeTool],
  subAgents: [createSubagent({ agent: letterWriter, method: "generateText" })],
});

new VoltAgent({
  agents: { chargebackAgent },
  logger,
  server: honoServer({ port: Number(process.env.PORT ?? 3141) }),
});
