import { createAgent } from "langchain";
import { ChatOpenAI } from "@langchain/openai";
import { lookupRefundTool } from "./tools";

export class RefundAgent {
  private readonly agent = createAgent({
    model: new ChatOpenAI({ model: "gpt-4.1-mini" }),
    systemPrompt: "You answer Northwind Pay merchants about their refunds. Look refunds up before answering.",
    tools: [lookupRefundTool],
  });

  async prompt(text: string, merchantId: string) {
    const result = await this.agent.invoke({ messages: [{ role: "user", content: text }] }, { configurable: { merchantId } });
    return String(result.messages.at(-1)?.content ?? "");
  }
}
