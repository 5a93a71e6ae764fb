import { createSupervisor } from "@langchain/langgraph-supervisor";
import { ChatOpenAI } from "@langchain/openai";
import { commsAgent, ledgerAgent } from "./workers.js";

const workflow = createSupervisor({
  agents: [ledgerAgent, commsAgent],
  llm: new ChatOpenAI({ model: "gpt-4.1-mini", temperature: 0 }),
  prompt: "You coordinate the ops team's assistants. Use ledger_expert for balances and comms_writer for merchant emails.",
});

export const graph = workflow.compile();
