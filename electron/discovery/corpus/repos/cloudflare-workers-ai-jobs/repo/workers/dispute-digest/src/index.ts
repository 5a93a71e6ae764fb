interface Env {
  AI: Ai;
  LEDGER: D1Database;
  DIGEST_MODEL: string;
  SLACK_WEBHOOK_URL: string;
}

type DisputeRow = { id: string; merchant: string; amount_minor: number; reason: string };

async function yesterdaysDisputes(env: Env): Promise<DisputeRow[]> {
  const { results } = await env.LEDGER.prepare(
    "SELECT id, merchant, amount_minor, reason FROM disputes WHERE opened_at >= date('now', '-1 day') ORDER BY amount_minor DESC",
  ).all<DisputeRow>();
  return results;
}

export default {
  async scheduled(_controller: ScheduledController, env: Env, ctx: ExecutionContext) {
    const disputes = await yesterdaysDisputes(env);
    if (disputes.length === 0) return;
    const answer = await env.AI.run("@cf/meta/llama-3.3-70b-instruct-fp8-fast", {
      messages: [
        { role: "system", content: "Summarise yesterday's card disputes for the disputes desk: group by merchant, flag anything over 500 GBP." },
        { role: "user", content: JSON.stringify(disputes) },
      ],
      max_tokens: 600,
    });
    ctx.waitUntil(
      fetch(env.SLACK_WEBHOOK_URL, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ text: answer.response }),
      }),
    );
  },
} satisfies ExportedHandler<Env>;
