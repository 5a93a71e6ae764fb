import { Agent, getAgentByName, routeAgentRequest } from "agents";
import { AIChatAgent } from "@cloudflare/ai-chat";
import { createWorkersAI } from "workers-ai-provider";
import { convertToModelMessages, generateText, stepCountIs, streamText, tool } from "ai";
import { z } from "zod";

const MODEL = "@cf/qwen/qwen3-30b-a3b-fp8";

// Risk analysts ask it about a merchant.
export class TriageAgent extends AIChatAgent {
  async onChatMessage(onFinish) {
    const workersai = createWorkersAI({ binding: this.env.AI });
    const result = streamText({
      model: workersai(MODEL),
      system: "Answer questions about merchants' dispute and chargeback rates. Cite the numbers you looked up.",
      messages: await convertToModelMessages(this.messages),
      tools: {
        merchantStats: tool({
          description: "Dispute and chargeback counts of a merchant over the last 90 days",
          inputSchema: z.object({ merchantId: z.string() }),
          execute: async ({ merchantId }) =>
            this.env.RISK.prepare("SELECT disputes_90d, chargebacks_90d, volume_90d_minor FROM merchant_stats WHERE merchant_id = ?1").bind(merchantId).first(),
        }),
      },
      onFinish,
      stopWhen: stepCountIs(4),
    });
    return result.toUIMessageStreamResponse();
  }
}

// Writes the weekly report; started by the cron below, one instance per week.
export class ReportAgent extends Agent {
  async compile(week) {
    const workersai = createWorkersAI({ binding: this.env.AI });
    const { text } = await generateText({
      model: workersai(MODEL),
      system: "Write the weekly merchant risk report: merchants whose chargeback rate rose, with the figures.",
      prompt: `Week ${week}`,
      tools: {
        riskiestMerchants: tool({
          description: "Merchants ordered by chargeback rate change this week",
          inputSchema: z.object({ limit: z.number().int().max(50) }),
          execute: async ({ limit }) =>
            (await this.env.RISK.prepare("SELECT merchant_id, name, chargeback_rate, rate_change FROM weekly_rates ORDER BY rate_change DESC LIMIT ?1").bind(limit).all()).results,
        }),
        saveReport: tool({
          description: "Save the finished report",
          inputSchema: z.object({ markdown: z.string() }),
          execute: async ({ markdown }) => {
            await this.env.REPORTS.put(`weekly/${week}.md`, markdown);
            return "saved";
          },
        }),
      },
      stopWhen: stepCountIs(6),
    });
    return text;
  }
}

export default {
  async fetch(request, env) {
    return (await routeAgentRequest(request, env)) || new Response("Not found", { status: 404 });
  },
  async scheduled(controller, env, ctx) {
    const week = new Date(controller.scheduledTime).toISOString().slice(0, 10);
    const reports = await getAgentByName(env.ReportAgent, week);
    ctx.waitUntil(reports.compile(week));
  },
};
