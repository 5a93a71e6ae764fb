import Anthropic from "@anthropic-ai/sdk";
import type { SummaryOptions } from "./options";

export class Summariser {
  private readonly client = new Anthropic();

  constructor(private readonly options: SummaryOptions) {}

  async summarise(text: string): Promise<string> {
    const response = await this.client.messages.create({
      model: this.options.model,
      max_tokens: this.options.maxTokens,
      messages: [{ role: "user", content: `Summarise for an analyst:\n\n${text}` }],
    });
    return response.content.map((block) => (block.type === "text" ? block.text : "")).join("");
  }
}
