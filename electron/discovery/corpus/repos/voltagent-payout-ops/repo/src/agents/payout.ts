import { Agent } from "@voltagent/core";
import { openai } from "@ai-sdk/openai";
import { releasePayoutTool } from "../tools/payouts.js";

export const payoutAgent = new Agent({
  name: "payout-release",
  instructions: "Release a held payout once ops confirms the hold reason is resolved. Ask before releasing more than 10,000 EUR.",
  model: openai("gpt-4o"),
  tools: [releasePayoutTool],
});
