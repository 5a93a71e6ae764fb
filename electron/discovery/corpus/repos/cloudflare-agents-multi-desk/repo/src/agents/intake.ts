import { AIChatAgent } from "@cloudflare/ai-chat";
import { createWorkersAI } from "workers-ai-provider";
import { convertToModelMessages, stepCountIs, streamText, tool, type StreamTextOnFinishCallback, type ToolSet } from "ai";
import { z } from "zod";

// Talks to the customer and opens the dispute case; the refunds desk asks RefundAgent to review it.
export class IntakeAgent extends AIChatAgent<Env> {
  async onChatMessage(onFinish: StreamTextOnFinishCallback<ToolSet>) {
    const workersai = createWorkersAI({ binding: this.env.AI });
    const result = streamText({
      model: workersai("@cf/meta/llama-3.3-70b-instruct-fp8-fast"),
      system: "Collect the charge the customer disputes and why. Open a case once you have both.",
      messages: await convertToModelMessages(this.messages),
      tools: {
        findCharge: tool({
          description: "Find a card charge by amount and date",
          inputSchema: z.object({ amountMinor: z.number().int(), date: z.string() }),
          execute: async ({ amountMinor, date }) =>
            this.env.CASES.prepare("SELECT id, merchant, captured_at FROM charges WHERE amount_minor = ?1 AND date(captured_at) = ?2").bind(amountMinor, date).all(),
        }),
        openCase: tool({
          description: "Open a dispute case for the refunds desk",
          inputSchema: z.object({ chargeId: z.string(), reason: z.string() }),
          execute: async ({ chargeId, reason }) => {
            const caseId = crypto.randomUUID();
            await this.env.CASES.prepare("INSERT INTO cases (id, charge_id, reason, opened_at) VALUES (?1, ?2, ?3, datetime('now'))").bind(caseId, chargeId, reason).run();
            return { caseId };
          },
        }),
      },
      onFinish,
      stopWhen: stepCountIs(5),
    });
    return result.toUIMessageStreamResponse();
  }
}
