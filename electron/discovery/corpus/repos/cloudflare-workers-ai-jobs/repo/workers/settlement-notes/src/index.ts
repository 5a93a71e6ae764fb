interface Env {
  AI: Ai;
  LEDGER: D1Database;
  NOTES: R2Bucket;
  NOTES_BUCKET_PREFIX: string;
}

type Batch = { id: string; scheme: string; net_minor: number; status: string };

// Each weekday morning the finance team finds a short note on the previous day's settlement batches.
export default {
  async scheduled(controller: ScheduledController, env: Env) {
    const { results } = await env.LEDGER.prepare("SELECT id, scheme, net_minor, status FROM settlement_batches WHERE settled_on = date('now', '-1 day')").all<Batch>();
    const note = await env.AI.run("@cf/meta/llama-3.1-8b-instruct-fast", {
      messages: [
        { role: "system", content: "Write a five-line note on yesterday's settlement batches for the finance team. Call out any batch not in status 'settled'." },
        { role: "user", content: JSON.stringify(results) },
      ],
    });
    const day = new Date(controller.scheduledTime).toISOString().slice(0, 10);
    await env.NOTES.put(`${env.NOTES_BUCKET_PREFIX}${day}.md`, String(note.response ?? ""));
  },
} satisfies ExportedHandler<Env>;
