import { Annotation, END, MessagesAnnotation, START, StateGraph } from "@langchain/langgraph";
import { createReactAgent } from "@langchain/langgraph/prebuilt";
import { ChatOpenAI } from "@langchain/openai";
import { ledgerBalance } from "../tools/ledger.js";

const model = new ChatOpenAI({ model: "gpt-4.1-mini", temperature: 0 });

const TriageState = Annotation.Root({
  ...MessagesAnnotation.spec,
  severity: Annotation<string>(),
});

const classifier = createReactAgent({
  llm: model,
  tools: [ledgerBalance],
  name: "severity_classifier",
  prompt: "Classify the incident as sev1, sev2 or sev3. Check the affected merchants' balances for stuck payouts first.",
});

async function draftUpdate(state: typeof TriageState.State) {
  const reply = await model.invoke([
    { role: "system", content: `Draft a status page update for a ${state.severity} incident. Two sentences.` },
    ...state.messages,
  ]);
  return { messages: [reply] };
}

export const graph = new StateGraph(TriageState)
  .addNode("classify", classifier)
  .addNode("draft", draftUpdate)
  .addEdge(START, "classify")
  .addEdge("classify", "draft")
  .addEdge("draft", END)
  .compile();
