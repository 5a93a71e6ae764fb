import { createReactAgent } from "@langchain/langgraph/prebuilt";
import { ChatOpenAI } from "@langchain/openai";
import { refundCharge } from "../refunds";

// Refund pilot: exported with the other agents, run by no worker yet.
export const escalationAgent = createReactAgent({
  llm: new ChatOpenAI({ model: "gpt-4.1" }),
  tools: [refundCharge],
  name: "escalation_agent",
  prompt: "Refund a disputed charge when the evidence cannot win the dispute.",
});
