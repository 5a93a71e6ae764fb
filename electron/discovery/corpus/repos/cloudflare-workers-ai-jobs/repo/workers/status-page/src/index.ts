interface Env {
  STATUS: KVNamespace;
}

const CHECKS = ["https://api.northwind.example/health", "https://cards.northwind.example/health"];

export default {
  async fetch(_request: Request, env: Env) {
    const status = (await env.STATUS.get("current")) ?? "unknown";
    return new Response(`<h1>Northwind Pay status: ${status}</h1>`, { headers: { "content-type": "text/html" } });
  },
  async scheduled(_controller: ScheduledController, env: Env) {
    const results = await Promise.all(CHECKS.map((url) => fetch(url).then((r) => r.ok).catch(() => false)));
    await env.STATUS.put("current", results.every(Boolean) ? "operational" : "degraded");
  },
} satisfies ExportedHandler<Env>;
