interface Env {
  AI: Ai;
  LEDGER: D1Database;
}

// Card networks and acquirers mail chargeback notices to one address; each is filed before an analyst opens it.
export default {
  async email(message: ForwardableEmailMessage, env: Env, ctx: ExecutionContext) {
    const subject = message.headers.get("subject") ?? "";
    const body = await new Response(message.raw).text();
    const filed = await env.AI.run("@cf/meta/llama-3.1-8b-instruct-fast", {
      messages: [
        { role: "system", content: "Extract the dispute reference and the reason code from a chargeback notice. Answer in JSON." },
        { role: "user", content: `${subject}\n\n${body.slice(0, 8000)}` },
      ],
      response_format: { type: "json_schema", json_schema: { type: "object", properties: { reference: { type: "string" }, reasonCode: { type: "string" } } } },
    });
    const { reference, reasonCode } = (filed.response ?? {}) as { reference?: string; reasonCode?: string };
    await env.LEDGER.prepare("INSERT INTO chargeback_notices (reference, reason_code, sender) VALUES (?1, ?2, ?3)").bind(reference ?? null, reasonCode ?? null, message.from).run();
    ctx.waitUntil(message.forward("disputes-desk@northwind-pay.example"));
  },
} satisfies ExportedHandler<Env>;
