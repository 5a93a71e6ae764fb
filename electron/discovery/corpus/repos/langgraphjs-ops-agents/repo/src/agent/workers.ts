import { createReactAgent } from "@langchain/langgraph/prebuilt";
import { ChatOpenAI } from "@langchain/openai";
import { ledgerBalance } from "../tools/ledger.js";
import { sendStatusEmail } from "../tools/mail.js";

const llm = new ChatOpenAI({ model: "gpt-4.1", temperature: 0 });

export const ledgerAgent = createReactAgent({
  llm,
  tools: [ledgerBalance],
  name: "ledger_expert",
  prompt: "You answer questions about merchant balances from the ledger. Never guess a balance.",
});

export const commsAgent = createReactAgent({
  llm,
  tools: [sendStatusEmail],
  name: "comms_writer",
  prompt: "You write short, factual status emails to merchants. Send only what the supervisor approved.",
});
