import { AIChatAgent } from "@cloudflare/ai-chat";
import { getAgentByName } from "agents";
import { createWorkersAI } from "workers-ai-provider";
import { convertToModelMessages, stepCountIs, streamText, tool, type StreamTextOnFinishCallback, type ToolSet } from "ai";
import { z } from "zod";

// The analyst talks to this one; it sends bounded questions to the specialists.
export class CaseDesk extends AIChatAgent<Env> {
  async onChatMessage(onFinish: StreamTextOnFinishCallback<ToolSet>) {
    const workersai = createWorkersAI({ binding: this.env.AI });
    const result = streamText({
      model: workersai("@cf/meta/llama-3.3-70b-instruct-fp8-fast"),
      system: "You prepare chargeback representment cases. Research the merchant, then have the evidence judged, then record the outcome.",
      messages: await convertToModelMessages(this.messages),
      tools: {
        researchMerchant: tool({
          description: "Ask the research agent about a merchant",
          inputSchema: z.object({ merchant: z.string() }),
          execute: async ({ merchant }) => {
            const research = await getAgentByName(this.env.MerchantResearch, `merchant-${merchant}`);
            return research.investigate(merchant);
          },
        }),
        judgeEvidence: tool({
          description: "Have the evidence judged for a case",
          inputSchema: z.object({ caseId: z.string() }),
          execute: async ({ caseId }) => {
            const judge = await getAgentByName(this.env.EvidenceJudge, "global");
            return judge.score(caseId);
          },
        }),
        recordOutcome: tool({
          description: "Record the desk's outcome for a case",
          inputSchema: z.object({ caseId: z.string(), outcome: z.enum(["represent", "accept"]) }),
          execute: async ({ caseId, outcome }) => {
            await this.env.CASES.prepare("UPDATE cases SET outcome = ?2, decided_at = datetime('now') WHERE id = ?1").bind(caseId, outcome).run();
            return "recorded";
          },
        }),
      },
      onFinish,
      stopWhen: stepCountIs(8),
    });
    return result.toUIMessageStreamResponse();
  }
}
