import { Agent, VoltAgent } from "@voltagent/core";
import { createPinoLogger } from "@voltagent/logger";
import { honoServer } from "@voltagent/server-hono";
import { lookupChargeTool, refundChargeTool } from "./tools/charges.js";

const logger = createPinoLogger({ name: "chargeback-desk", level: "info" });

const chargebackAgent = new Agent({
  name: "chargeback-desk",
  instructions: "You answer merchants' chargeback questions. Look a charge up before you refund it; refunds over 500 EUR need a human.",
  model: "anthropic/claude-sonnet-4-5",
  tools: [lookupChargeTool, refundChargeTool],
});

new VoltAgent({
  agents: { chargebackAgent },
  logger,
  server: honoServer({ port: Number(process.env.PORT ?? 3141) }),
});
