import { describe, expect, it } from 'vitest';
import { analyzeCode } from './analyze-code';
import { loadCodeParsers } from './parser';
import { analyzed, RULES } from './test-helpers';
import { TEST_FINGERPRINT_KEY } from '../test-fingerprint-key';

const llmOf = (findings: Awaited<ReturnType<typeof analyzed>>) => findings.llm.map((use) => [use.provider, use.sdk, use.models]);
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((line) => line.includes(needle)) + 1;
const frameworksOf = (findings: Awaited<ReturnType<typeof analyzed>>) => findings.frameworks.map((use) => use.framework);

describe('Cloudflare Workers AI and the Agents SDK', () => {
  it('reads env.AI.run in a plain worker as Workers AI with its @cf model when its wrangler config runs it (it imports no SDK: the prefilter alone skips it)', async () => {
    const worker = `export default {
  async scheduled(event: ScheduledController, env: Env) {
    const answer = await env.AI.run("@cf/meta/llama-3.1-8b-instruct", { prompt: "Summarise yesterday's disputes" });
    await env.DIGESTS.put("latest", answer.response);
  },
} satisfies ExportedHandler<Env>;
`;
    await loadCodeParsers();
    expect(analyzeCode('src/index.ts', worker, RULES, TEST_FINGERPRINT_KEY)).toBeNull();
    const findings = analyzeCode('src/index.ts', worker, RULES, TEST_FINGERPRINT_KEY, undefined, { skipPrefilter: true })!;
    expect(llmOf(findings)).toEqual([['workers-ai', 'env.AI.run', ['@cf/meta/llama-3.1-8b-instruct']]]);
    expect(frameworksOf(findings)).toEqual([]);
  });

  it('reads this.env.AI.run in an Agent class, and the class as a Cloudflare agent', async () => {
    const agent = `import { Agent, callable } from "agents";

export class DisputeAgent extends Agent<Env, { open: number }> {
  async onRequest(request: Request) {
    const body = await request.json<{ text: string }>();
    const reply = await this.env.AI.run("@cf/mistral/mistral-7b-instruct-v0.1", { messages: [{ role: "user", content: body.text }] });
    return Response.json(reply);
  }
}
`;
    const findings = await analyzed('src/dispute-agent.ts', agent);
    expect(llmOf(findings)).toEqual([['workers-ai', 'this.env.AI.run', ['@cf/mistral/mistral-7b-instruct-v0.1']]]);
    expect(frameworksOf(findings)).toEqual(['cloudflare-agents']);
    expect(findings.agentic).toBe(true);
  });

  it('reads workers-ai-provider models handed to the AI SDK', async () => {
    const chat = `import { AIChatAgent } from "@cloudflare/ai-chat";
import { createWorkersAI } from "workers-ai-provider";
import { streamText } from "ai";

export class Concierge extends AIChatAgent<Env> {
  async onChatMessage() {
    const workersai = createWorkersAI({ binding: this.env.AI });
    return streamText({ model: workersai("@cf/meta/llama-3.3-70b-instruct-fp8-fast"), messages: this.messages }).toUIMessageStreamResponse();
  }
}
`;
    const findings = await analyzed('src/server.ts', chat);
    expect(llmOf(findings)).toEqual([['workers-ai', 'workers-ai-provider.createWorkersAI', ['@cf/meta/llama-3.3-70b-instruct-fp8-fast']]]);
    expect(frameworksOf(findings)).toContain('cloudflare-agents');
  });

  it('marks a stateful Agent that calls no model as a model-free graph, never an agent by itself', async () => {
    const counter = `import { Agent } from "agents";
export class Counter extends Agent<Env, { n: number }> {
  async onMessage(connection: Connection, message: string) {
    this.setState({ n: this.state.n + 1 });
  }
}
`;
    const findings = await analyzed('src/counter.ts', counter);
    expect(findings.llm).toEqual([]);
    expect(findings.modelFreeGraph).toBe(true);
  });

  it('does not read an McpAgent module (agents/mcp) as a Cloudflare agent: it is an MCP server', async () => {
    const server = `import { McpAgent } from "agents/mcp";
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
export class LedgerMCP extends McpAgent<Env> {
  server = new McpServer({ name: "ledger", version: "1.0.0" });
  async init() {
    this.server.tool("balance", "Read a balance", {}, async () => ({ content: [] }));
  }
}
`;
    const findings = await analyzed('src/index.ts', server);
    expect(frameworksOf(findings)).toEqual(['mcp-server']);
    expect(findings.tools.map((tool) => tool.name)).toEqual(['balance']);
  });

  it('reads where an McpAgent is served (serve, serveSSE, mount) and the servers an agent adds by URL', async () => {
    const server = `import { McpAgent } from "agents/mcp";
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
export class LedgerMCP extends McpAgent<Env> {
  server = new McpServer({ name: "ledger", version: "1.0.0" });
  async init() {}
}
export default new OAuthProvider({ apiHandlers: { "/sse": LedgerMCP.serveSSE("/sse"), "/mcp": LedgerMCP.serve("/mcp") } });
const legacy = LedgerMCP.mount("/events");
const notOurs = app.mount("/static");
`;
    const served = await analyzed('src/index.ts', server);
    expect(served.mcpHttpServing?.map((fact) => [fact.transport, fact.port, fact.path])).toEqual([
      ['sse', null, '/sse'],
      ['streamable-http', null, '/mcp'],
      ['sse', null, '/events'],
    ]);
    const client = `import { Agent } from "agents";
export class OpsAgent extends Agent<Env> {
  async onStart() {
    await this.addMcpServer("case-notes", "https://case-notes-mcp.northwind.workers.dev/sse", this.env.HOST);
    await this.addMcpServer("from-env", this.env.NOTES_MCP_URL);
  }
}
`;
    const reached = await analyzed('src/server.ts', client);
    expect(reached.mcpHttpClients?.map((fact) => [fact.name, fact.url])).toEqual([['case-notes', 'https://case-notes-mcp.northwind.workers.dev/sse']]);
  });

  it('defines an agent per Agents SDK class that calls a model, holding the tools it hands the model', async () => {
    const agents = `import { Agent, callable } from "agents";
import { AIChatAgent } from "@cloudflare/ai-chat";
import { createWorkersAI } from "workers-ai-provider";
import { generateText, streamText, tool } from "ai";

const issueRefund = tool({ description: "Refund", inputSchema: z.object({}), execute: async () => "ok" });

export class RefundAgent extends Agent<Env> {
  @callable()
  async review(caseId: string) {
    const workersai = createWorkersAI({ binding: this.env.AI });
    return generateText({ model: workersai("@cf/meta/llama-3.3-70b-instruct-fp8-fast"), prompt: caseId, tools: { issueRefund, explain: tool({ description: "x", inputSchema: z.object({}) }) } });
  }
}

export class Intake extends AIChatAgent<Env> {
  async onChatMessage() {
    const answer = await this.env.AI.run("@cf/meta/llama-3.1-8b-instruct", { prompt: "hi" });
    return new Response(answer.response);
  }
}

export class Presence extends Agent<Env> {
  onConnect() { this.setState({ online: 1 }); }
}
`;
    const findings = await analyzed('src/agents.ts', agents);
    expect(findings.agentDefinitions?.map((d) => [d.kind, d.name, d.tools, d.evidence.line])).toEqual([
      ['cloudflare-agent', 'RefundAgent', ['issueRefund', 'explain'], lineOf(agents, 'return generateText')],
      ['cloudflare-agent', 'Intake', [], lineOf(agents, 'this.env.AI.run')],
    ]);
    const off = await analyzed('src/agents.ts', agents, { ...RULES, forLanguage: (language) => ({ ...RULES.forLanguage(language), framework: RULES.forLanguage(language).framework.filter((rule) => rule.id !== 'ts.framework.cloudflare-agents') }) });
    expect(off.agentDefinitions ?? []).toEqual([]);
  });

  it('reads self.env.AI.run in a Python Worker run by its wrangler config', async () => {
    const worker = `from workers import WorkerEntrypoint, Response


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        body = await request.json()
        result = await self.env.AI.run("@cf/meta/llama-3.1-8b-instruct", {"messages": [{"role": "user", "content": body["message"]}]})
        return Response.json({"answer": result.response})
`;
    await loadCodeParsers();
    const findings = analyzeCode('src/entry.py', worker, RULES, TEST_FINGERPRINT_KEY, undefined, { skipPrefilter: true })!;
    expect(llmOf(findings)).toEqual([['workers-ai', 'self.env.AI.run', ['@cf/meta/llama-3.1-8b-instruct']]]);
  });

  it('makes the agents an agent class reaches with getAgentByName its sub-agents', async () => {
    const orchestrator = `import { AIChatAgent } from "@cloudflare/ai-chat";
import { getAgentByName } from "agents";
import { streamText } from "ai";
import { createWorkersAI } from "workers-ai-provider";

export class Desk extends AIChatAgent<Env> {
  async onChatMessage() {
    const research = await getAgentByName(this.env.ResearchAgent, "task-1");
    const findings = await research.investigate(this.messages.at(-1));
    const self = await getAgentByName(this.env.Desk, "other");
    const unknown = await getAgentByName(bindingFor(this.name), "x");
    return streamText({ model: createWorkersAI({ binding: this.env.AI })("@cf/meta/llama-3.1-8b-instruct"), prompt: String(findings) }).toUIMessageStreamResponse();
  }
}
`;
    const findings = await analyzed('src/desk.ts', orchestrator);
    expect(findings.agentDefinitions?.map((d) => [d.name, d.members])).toEqual([['Desk', [{ variable: 'ResearchAgent', relation: 'sub-agent' }]]]);
  });

  it('reads an email an agent receives (onEmail, parsed with postal-mime) as untrusted email input', async () => {
    const inbox = `import PostalMime from "postal-mime";
import { Agent, type AgentEmail } from "agents";

export class InboxAgent extends Agent<Env> {
  async onEmail(email: AgentEmail) {
    const parsed = await PostalMime.parse(email.raw);
    const reply = await this.env.AI.run("@cf/meta/llama-3.1-8b-instruct", { prompt: parsed.text ?? "" });
    await this.replyToEmail(email, { fromName: "Disputes desk", body: reply.response });
  }
}
`;
    const findings = await analyzed('src/inbox.ts', inbox);
    expect(findings.untrustedInputs.map((input) => [input.kind, input.evidence.line])).toEqual([['email', lineOf(inbox, 'PostalMime.parse')]]);
  });

  it('reads an Email Worker: an email() handler on the default export, written inline, by name, or on an object exported by name', async () => {
    const inline = `export default {\n  async email(message, env) {\n    const body = await new Response(message.raw).text();\n    await env.AI.run("@cf/meta/llama-3.1-8b-instruct", { prompt: body });\n  },\n};\n`;
    const byName = `import { Hono } from "hono";\n\nconst app = new Hono();\n\nasync function email(message: ForwardableEmailMessage, env: Env) {\n  await env.AI.run("@cf/meta/llama-3.1-8b-instruct", { prompt: message.headers.get("subject") ?? "" });\n}\n\nexport default { fetch: app.fetch, email };\n`;
    const exportedObject = `const worker = {\n  async email(message: ForwardableEmailMessage, env: Env) {\n    await env.AI.run("@cf/meta/llama-3.1-8b-instruct", { prompt: message.from });\n  },\n} satisfies ExportedHandler<Env>;\n\nexport default worker;\n`;
    const sender = `import { EmailMessage } from "cloudflare:email";\n\nexport default {\n  async fetch(request, env) {\n    const reply = await env.AI.run("@cf/meta/llama-3.1-8b-instruct", { prompt: await request.text() });\n    await env.EMAIL.send(new EmailMessage("desk@northwind-pay.example", "ops@northwind-pay.example", reply.response));\n    return new Response("sent");\n  },\n};\n`;
    await loadCodeParsers();
    // A plain worker imports no SDK: the scan analyses it because its wrangler config runs it.
    const read = (text: string) => {
      const findings = analyzeCode('src/index.ts', text, RULES, TEST_FINGERPRINT_KEY, undefined, { skipPrefilter: true })!;
      return [findings.emailHandler?.line ?? null, findings.untrustedInputs.map((input) => input.kind)];
    };
    expect(read(inline)).toEqual([2, ['email']]);
    expect(read(byName)).toEqual([9, ['email']]);
    expect(read(exportedObject)).toEqual([2, ['email']]);
    // Sending mail is a capability, not a trigger.
    expect(read(sender)).toEqual([null, []]);
  });

  it('leaves the OpenAI Agents SDK for Python (the module `agents`) as it was', async () => {
    const findings = await analyzed('triage.py', 'from agents import Agent, Runner\n\nagent = Agent(name="Triage", instructions="Route disputes")\nRunner.run_sync(agent, "hi")\n');
    expect(frameworksOf(findings)).toEqual(['openai-agents']);
    expect(findings.llm.map((use) => use.provider)).toEqual(['openai']);
  });

});
