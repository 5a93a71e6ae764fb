import { createReactAgent } from "@langchain/langgraph/prebuilt";
import { ChatOpenAI } from "@langchain/openai";
import { fetchStatusPage, lookupPayout, releasePayout } from "../tools";

const llm = new ChatOpenAI({ model: "gpt-4.1-mini", temperature: 0 });

export const payoutAgent = createReactAgent({
  llm,
  tools: [lookupPayout, releasePayout],
  name: "payout_agent",
  prompt: "Release held payouts whose hold reason has cleared. Look each payout up first.",
});

export const statusAgent = createReactAgent({
  llm,
  tools: [fetchStatusPage],
  name: "status_agent",
  prompt: "Check the processors' status pages and say which payment rails are degraded.",
});

export { escalationAgent } from "./escalation";
