import { Agent, callable } from "agents";
import { createWorkersAI } from "workers-ai-provider";
import { generateText, stepCountIs, tool } from "ai";
import { z } from "zod";

// Reads the merchant's public pages and summarises what it sells and its refund policy.
export class MerchantResearch extends Agent<Env> {
  @callable()
  async investigate(merchant: string) {
    const workersai = createWorkersAI({ binding: this.env.AI });
    const { text } = await generateText({
      model: workersai("@cf/meta/llama-3.3-70b-instruct-fp8-fast"),
      system: "Find the merchant's refund policy and what it sells. Quote the policy.",
      prompt: merchant,
      tools: {
        readPage: tool({
          description: "Open a web page and return its text",
          inputSchema: z.object({ url: z.string().url() }),
          execute: async ({ url }) => {
            const response = await fetch(url, { headers: { "user-agent": "northwind-chargeback-research" } });
            const html = await response.text();
            return html.replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>|<[^>]+>/g, " ").replace(/\s+/g, " ").slice(0, 8000);
          },
        }),
      },
      stopWhen: stepCountIs(5),
    });
    return text;
  }
}

// Scores a case's evidence against the card network's representment rules.
export class EvidenceJudge extends Agent<Env> {
  @callable()
  async score(caseId: string) {
    const workersai = createWorkersAI({ binding: this.env.AI });
    const { text } = await generateText({
      model: workersai("@cf/meta/llama-3.3-70b-instruct-fp8-fast"),
      system: "Judge a chargeback case's evidence against the card network's representment rules: weak, moderate or strong, and what is missing.",
      prompt: `Case ${caseId}`,
      tools: {
        loadEvidence: tool({
          description: "The evidence filed for the case",
          inputSchema: z.object({ caseId: z.string() }),
          execute: async ({ caseId }) => (await this.env.CASES.prepare("SELECT kind, summary FROM evidence WHERE case_id = ?1").bind(caseId).all()).results,
        }),
      },
      stopWhen: stepCountIs(3),
    });
    return text;
  }
}
