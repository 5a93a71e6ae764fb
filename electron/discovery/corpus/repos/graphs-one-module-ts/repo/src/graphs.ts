import { ChatOpenAI } from "@langchain/openai";
import { MessagesAnnotation, StateGraph } from "@langchain/langgraph";
import { createReactAgent, ToolNode, toolsCondition } from "@langchain/langgraph/prebuilt";
import { cancelPayout, purgePayout, readPayout } from "./tools.js";

const llm = new ChatOpenAI({ model: "gpt-4.1", temperature: 0 });

// Three graphs of langgraph.json live in this module; each is given its own tools.
export const payoutDesk = createReactAgent({
  llm,
  tools: [readPayout, cancelPayout],
  name: "payout_desk",
  prompt: "Cancel payouts that risk flagged, after reading them.",
});

export const payoutStatus = createReactAgent({
  llm,
  tools: [readPayout],
  name: "payout_status",
  prompt: "Answer merchants' questions about their payouts. You cannot change anything.",
});

const digestModel = llm.bindTools([readPayout]);

async function summarise(state: typeof MessagesAnnotation.State) {
  const reply = await digestModel.invoke(state.messages);
  return { messages: [reply] };
}

export const payoutDigest = new StateGraph(MessagesAnnotation)
  .addNode("agent", summarise)
  .addNode("tools", new ToolNode([readPayout]))
  .addEdge("__start__", "agent")
  .addConditionalEdges("agent", toolsCondition)
  .addEdge("tools", "agent")
  .compile();

// Tried once in a notebook; not served by langgraph.json.
export const purgeDraft = createReactAgent({ llm, tools: [purgePayout], name: "purge_draft" });
