import { anthropic, createAgent, createNetwork } from "@inngest/agent-kit";
import { inngest } from "./client";
import { disputeHistoryTool, recordOutcomeTool, refundTool } from "./tools";

const investigator = createAgent({
  name: "investigator",
  system: "Gather the cardholder's dispute history and summarise the evidence.",
  tools: [disputeHistoryTool],
});

const resolver = createAgent({
  name: "resolver",
  system: "Decide the dispute from the investigator's summary. Refund only below 200 EUR; escalate anything else.",
  tools: [refundTool, recordOutcomeTool],
});

// A new dispute event runs the investigator, then the resolver.
export const resolveDispute = inngest.createFunction(
  { id: "resolve-dispute" },
  { event: "disputes/opened" },
  async ({ event }) => {
    const network = createNetwork({
      name: "dispute-network",
      agents: [investigator, resolver],
      defaultModel: anthropic({ model: "claude-sonnet-4-5", defaultParameters: { max_tokens: 2048 } }),
      maxIter: 6,
    });
    return network.run(`Dispute ${event.data.disputeId} on charge ${event.data.chargeId}`);
  },
);
