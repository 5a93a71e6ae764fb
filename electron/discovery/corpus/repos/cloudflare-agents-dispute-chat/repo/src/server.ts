import { createWorkersAI } from "workers-ai-provider";
import { routeAgentRequest, type Schedule } from "agents";
import { getSchedulePrompt } from "agents/schedule";
import { AIChatAgent } from "@cloudflare/ai-chat";
import { streamText, convertToModelMessages, pruneMessages, stepCountIs, type StreamTextOnFinishCallback, type ToolSet } from "ai";
import { disputeTools } from "./tools";

// ── The chat agent: one Durable Object per customer conversation ─────

export class DisputeChat extends AIChatAgent<Env> {
  // Evidence uploads arrive over HTTP (agentFetch from the page) and go to R2.
  async onRequest(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const path = url.pathname.split("/").slice(4).join("/");
    if (path === "evidence" && request.method === "POST") {
      const form = await request.formData();
      const file = form.get("file") as File | null;
      if (!file) return Response.json({ error: "No file" }, { status: 400 });
      const key = `disputes/${this.name}/${Date.now()}-${file.name.replace(/[^\w.-]/g, "_")}`;
      await this.env.EVIDENCE.put(key, file.stream(), { httpMetadata: { contentType: file.type } });
      return Response.json({ key });
    }
    return new Response("Not found", { status: 404 });
  }

  async onChatMessage(onFinish: StreamTextOnFinishCallback<ToolSet>, options?: { abortSignal?: AbortSignal }) {
    const workersai = createWorkersAI({ binding: this.env.AI });
    const result = streamText({
      model: workersai("@cf/meta/llama-4-scout-17b-16e-instruct"),
      system: `You are Northwind Pay's dispute assistant. Customers ask about card charges they do not recognise.
Look the charge up before answering. Offer a refund only for charges under 50 GBP that the customer disputes within 30 days.

${getSchedulePrompt({ date: new Date() })}`,
      messages: pruneMessages({ messages: await convertToModelMessages(this.messages), toolCalls: "before-last-2-messages" }),
      tools: disputeTools,
      onFinish,
      stopWhen: stepCountIs(6),
      abortSignal: options?.abortSignal,
    });
    return result.toUIMessageStreamResponse();
  }

  // Run by this.schedule(...) from the follow-up tool.
  async executeTask(description: string, _task: Schedule<string>) {
    this.broadcast(JSON.stringify({ type: "follow-up", description, at: new Date().toISOString() }));
  }
}

export default {
  async fetch(request: Request, env: Env) {
    return (await routeAgentRequest(request, env)) || new Response("Not found", { status: 404 });
  },
} satisfies ExportedHandler<Env>;
