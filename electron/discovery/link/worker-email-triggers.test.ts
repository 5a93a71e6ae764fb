import { describe, expect, it } from 'vitest';
import { itemNamed, scanTreeFixture } from '../scan/test-scan-tree';

/** Email Workers in the shape of public ones (postal-mime over `message.raw`, Workers AI), written anew. */
const tree = scanTreeFixture('atw-email-worker-');

const EMAIL_WORKER = `import PostalMime from "postal-mime";

export default {
  async email(message, env, ctx) {
    const parsed = await PostalMime.parse(message.raw);
    const triage = await env.AI.run("@cf/meta/llama-3.1-8b-instruct", { prompt: \`Classify this dispute email: \${parsed.text}\` });
    await env.DISPUTES.send({ from: message.from, label: triage.response });
  },
} satisfies ExportedHandler<Env>;
`;

const HEADERS_WORKER = `export default class extends WorkerEntrypoint<Env> {
  async fetch() {
    return new Response("ok");
  }

  async email(message: ForwardableEmailMessage) {
    const subject = message.headers.get("subject") ?? "";
    const label = await this.env.AI.run("@cf/meta/llama-3.1-8b-instruct", { prompt: \`Label: \${subject}\` });
    await message.forward(label.response.includes("refund") ? "refunds@northwind-pay.example" : "desk@northwind-pay.example");
  }
}
`;

describe('Cloudflare Email Workers', () => {
  it("a worker whose default export handles email() runs on each email routed to it, the email an untrusted input", async () => {
    tree.writeAll({
      'inbox/wrangler.toml': 'name = "dispute-inbox"\nmain = "src/index.ts"\ncompatibility_date = "2025-06-01"\n\n[ai]\nbinding = "AI"\n',
      'inbox/src/index.ts': EMAIL_WORKER,
      'router/wrangler.jsonc': '{ "name": "mail-router", "main": "src/worker.ts", "ai": { "binding": "AI" } }\n',
      'router/src/worker.ts': `import { WorkerEntrypoint } from "cloudflare:workers";\n${HEADERS_WORKER}`,
    });
    const agents = (await tree.scan()).agents;
    const inbox = itemNamed(agents, 'dispute-inbox');
    expect([inbox.trigger.kind, inbox.trigger.schedule, inbox.trigger.evidence?.path, inbox.trigger.evidence?.line]).toEqual(['event', 'email', 'inbox/src/index.ts', 4]);
    // postal-mime says where the message is read: that line is the input, not the handler's too.
    expect(inbox.untrustedInputs?.map((input) => [input.kind, input.evidence.line])).toEqual([['email', 5]]);
    const router = itemNamed(agents, 'mail-router');
    expect([router.trigger.kind, router.trigger.schedule, router.trigger.description]).toEqual(['event', 'email', 'On each email routed to the worker (Email Routing); also on HTTP requests to the worker']);
    expect(router.untrustedInputs?.map((input) => [input.kind, input.evidence.line])).toEqual([['email', 7]]);
  });

  it('a cron worker keeps its schedule; a worker with no email() handler answers HTTP', async () => {
    tree.writeAll({
      'digest/wrangler.toml': 'name = "dispute-digest"\nmain = "src/index.ts"\n\n[triggers]\ncrons = ["0 6 * * *"]\n\n[ai]\nbinding = "AI"\n',
      'digest/src/index.ts': EMAIL_WORKER.replace('export default {', 'export default {\n  async scheduled(controller, env) {\n    await env.AI.run("@cf/meta/llama-3.1-8b-instruct", { prompt: "Summarise yesterday" });\n  },'),
      'api/wrangler.toml': 'name = "dispute-api"\nmain = "src/index.ts"\n\n[ai]\nbinding = "AI"\n',
      'api/src/index.ts': 'export default {\n  async fetch(request, env) {\n    const answer = await env.AI.run("@cf/meta/llama-3.1-8b-instruct", { prompt: await request.text() });\n    return Response.json(answer);\n  },\n};\n',
    });
    const agents = (await tree.scan()).agents;
    expect(itemNamed(agents, 'dispute-digest').trigger.kind).toBe('cron');
    expect(itemNamed(agents, 'dispute-api').trigger.kind).toBe('webhook');
  });
});
