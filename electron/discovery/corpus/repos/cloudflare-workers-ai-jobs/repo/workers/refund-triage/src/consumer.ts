import { riskPrompt, type RefundRequest } from "./prompt";

interface Env {
  AI: Ai;
  LEDGER: D1Database;
}

export default {
  async queue(batch: MessageBatch<RefundRequest>, env: Env) {
    for (const message of batch.messages) {
      const request = message.body;
      const verdict = await env.AI.run("@cf/meta/llama-3.1-8b-instruct-fast", {
        messages: [
          { role: "system", content: riskPrompt },
          { role: "user", content: `${request.customerNote}\n\nAmount: ${request.amountMinor} ${request.currency}` },
        ],
        response_format: { type: "json_schema", json_schema: { type: "object", properties: { risk: { type: "string", enum: ["low", "medium", "high"] } } } },
      });
      const risk = (verdict.response as { risk?: string } | undefined)?.risk ?? "high";
      await env.LEDGER.prepare("UPDATE refund_requests SET risk = ?1, triaged_at = datetime('now') WHERE id = ?2").bind(risk, request.id).run();
      message.ack();
    }
  },
} satisfies ExportedHandler<Env, RefundRequest>;
