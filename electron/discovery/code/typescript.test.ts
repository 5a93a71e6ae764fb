import { describe, expect, it } from 'vitest';
import { analyzed, fixture, toolSummary } from './test-helpers';

describe('TypeScript and JavaScript agent frameworks (fixtures)', () => {
  it('Vercel AI SDK route: tool() entries named by their keys, helpers and promisify followed, guardrails', async () => {
    const findings = await analyzed('app/api/ops/route.ts', fixture('typescript/vercel_ai_ops_route.ts'));
    expect(findings.language).toBe('typescript');
    expect(findings.llm).toMatchObject([{ provider: 'openai', sdk: '@ai-sdk/openai.openai', models: ['gpt-4.1-mini'] }]);
    expect(findings.frameworks.map((use) => use.framework)).toEqual(['vercel-ai']);
    // readLogs → tailLog() → run = promisify(execFile): one helper level, promisify seen through.
    expect(toolSummary(findings)).toEqual(['readLogs: shell-exec', 'saveNote: file-write', 'silenceAlert: data-write']);
    expect(findings.guardrails.map((guardrail) => `${guardrail.kind} ${guardrail.detail}`)).toEqual(
      expect.arrayContaining(['input-schema zod.z.object', 'human-approval needsApproval=true', 'tracing experimental_telemetry', 'token-limit ai.stepCountIs', 'token-limit maxOutputTokens=800']),
    );
    expect(findings.localImports).toEqual(['@/lib/db']);
    expect(findings.entryPoint).toMatchObject({ ruleId: 'ts.entry-point.handler-export', line: 17 });
    expect(findings.agentic).toBe(true);
  });

  it('Mastra: createTool ids name the tools; a literal host is an endpoint, not outbound network', async () => {
    const findings = await analyzed('src/mastra/agents/billing.ts', fixture('typescript/mastra_billing_agent.ts'));
    expect(findings.frameworks.map((use) => use.framework)).toContain('mastra');
    expect(findings.llm).toMatchObject([{ provider: 'anthropic', models: ['claude-3-5-sonnet-20241022'] }]);
    expect(toolSummary(findings)).toEqual(['lookup-customer:', 'refund-payment: payment']);
    expect(findings.endpoints).toMatchObject([{ host: 'billing.internal.acme.io', purpose: 'api' }]);
    expect(findings.credentials).toMatchObject([{ kind: 'env-var', name: 'STRIPE_API_KEY', provider: 'stripe' }]);
  });

  it('MCP server: server.tool and server.registerTool, each with its SQL', async () => {
    const findings = await analyzed('mcp/tickets.ts', fixture('typescript/mcp_tickets_server.ts'));
    expect(findings.frameworks.map((use) => use.framework)).toEqual(['mcp-server']);
    expect(toolSummary(findings)).toEqual(['close_ticket: data-write, data-delete', 'search_tickets: data-read']);
    expect(findings.entryPoint?.ruleId).toBe('ts.entry-point.server-start');
  });

  it('OpenAI Agents SDK for JS: a named tool posting to Slack', async () => {
    const findings = await analyzed('triage.ts', fixture('typescript/openai_agents_triage.ts'));
    expect(findings.frameworks.map((use) => use.framework)).toEqual(['openai-agents']);
    expect(findings.llm).toMatchObject([{ provider: 'openai', models: ['gpt-4.1'] }]);
    expect(toolSummary(findings)).toEqual(['notify_channel: external-communication']);
    expect(findings.credentials).toMatchObject([{ name: 'SLACK_BOT_TOKEN', provider: 'slack' }]);
    expect(findings.entryPoint?.ruleId).toBe('ts.entry-point.module-call');
  });

  it('LangGraph.js: a LangChain tool() wrapping a function, interruptBefore', async () => {
    const findings = await analyzed('research.ts', fixture('typescript/langgraph_research.ts'));
    expect(findings.frameworks[0]?.framework).toBe('langgraph');
    expect(toolSummary(findings)).toEqual(['fetch_page: outbound-network']);
    expect(findings.guardrails.map((guardrail) => guardrail.kind)).toContain('human-approval');
    expect(findings.llm).toMatchObject([{ provider: 'anthropic', sdk: '@langchain/anthropic.ChatAnthropic', models: ['claude-3-7-sonnet-latest'] }]);
  });

  it('hand-written Anthropic loop in JavaScript: schema tools dispatched through a handler map', async () => {
    const findings = await analyzed('worker.js', fixture('typescript/anthropic_loop_worker.js'));
    expect(findings.language).toBe('javascript');
    expect(findings.frameworks.map((use) => use.framework)).toEqual(['tool-call-loop']);
    expect(toolSummary(findings)).toEqual(['email_owner: external-communication', 'run_check: shell-exec']);
  });

  it('a CommonJS Lambda summariser is an LLM use with an entry point, not an agent', async () => {
    const findings = await analyzed('lambda/summarise.js', fixture('typescript/summarise_handler.js'));
    expect(findings.agentic).toBe(false);
    expect(findings.llm).toMatchObject([{ provider: 'openai', sdk: 'openai', models: ['gpt-4o-mini'] }]);
    expect(findings.entryPoint).toMatchObject({ ruleId: 'ts.entry-point.handler-export', line: 6 });
  });

  it('a TSX chat component uses the AI SDK but is not an agent and runs nothing', async () => {
    const findings = await analyzed('components/ChatPanel.tsx', fixture('typescript/ChatPanel.tsx'));
    expect(findings.language).toBe('tsx');
    expect(findings.agentic).toBe(false);
    expect(findings.capabilities).toEqual([]);
    expect(findings.entryPoint).toBeNull();
  });
});

describe('TypeScript scoping', () => {
  it('child_process in a helper no tool calls stays with no tool; inside execute it belongs to the tool', async () => {
    const findings = await analyzed(
      'tools.ts',
      `import { tool } from 'ai';
import { execSync } from 'node:child_process';
import { z } from 'zod';

export function cleanTmp() {
  execSync('rm -rf /tmp/agent-*');
}

export const diskUsage = tool({
  description: 'Disk usage of a path',
  inputSchema: z.object({ path: z.string() }),
  execute: async ({ path }) => execSync(\`du -sh \${path}\`).toString(),
});
`,
    );
    expect(toolSummary(findings)).toEqual(['diskUsage: shell-exec']);
    expect(findings.capabilities.map((capability) => `${capability.evidence.line} -> ${capability.tool}`)).toEqual(['6 -> null', '12 -> diskUsage']);
  });

  it('this.helper() from a tool method and class-field clients resolve', async () => {
    const findings = await analyzed(
      'repo-tool.ts',
      `import { StructuredTool } from '@langchain/core/tools';
import { S3Client, DeleteObjectCommand } from '@aws-sdk/client-s3';

export class PurgeTool extends StructuredTool {
  name = 'purge_object';
  private s3 = new S3Client({});
  async _call({ key }: { key: string }) {
    return this.remove(key);
  }
  private async remove(key: string) {
    await this.s3.send(new DeleteObjectCommand({ Bucket: 'exports', Key: key }));
  }
}
`,
    );
    expect(toolSummary(findings)).toEqual(['purge_object: data-delete']);
  });
});

describe('each TypeScript capability kind', () => {
  const cases: Array<[string, string, string[]]> = [
    ['child_process through require destructuring', "const { spawn } = require('child_process');\nspawn(cmd, { shell: true });", ['shell-exec']],
    ['require().execSync chained', "require('child_process').execSync(command);", ['shell-exec']],
    ['new Function of model output', 'const fn = new Function(generated);', ['code-execution']],
    ['eval of a literal is not code execution', "eval('1 + 1');", []],
    ['fetch to a computed URL', 'await fetch(target, { method: "POST" });', ['outbound-network']],
    ['fetch to a literal host is an endpoint', "await fetch('https://api.stripe.com/v1/charges');", []],
    ['axios with a url option', 'await axios({ url: process.env.CALLBACK, method: "post" });', ['outbound-network']],
    ['SQL in a tagged template', 'await sql`DELETE FROM sessions WHERE user_id = ${id}`;', ['data-delete']],
    ['postgres.js: the client is the tag, under any name', 'const db = postgres(process.env.DATABASE_URL);\nconst rows = await db`\n  SELECT id FROM disputes WHERE customer_id = ${id}\n`;', ['data-read']],
    ['postgres.js: a transaction callback tags its statements', "const pg = postgres(url);\nawait pg.begin(async (tx) => {\n  await tx`INSERT INTO audit (id) VALUES (${id})`;\n});", ['data-write']],
    ['Neon serverless driver', 'const query = neon(process.env.DATABASE_URL);\nawait query`UPDATE invoices SET paid = true WHERE id = ${id}`;', ['data-write']],
    ['a tag that is not a database client writes nothing', "const db = postgres(url);\nconst page = html`<p>SELECT a plan</p>`;\nconst q = gql`query Disputes { disputes { id } }`;\nawait db.unsafe('SELECT 1');", ['data-read']],
    ['Prisma writes and deletes', 'const prisma = new PrismaClient();\nawait prisma.user.update({ where, data });\nawait prisma.session.deleteMany({});', ['data-delete', 'data-write']],
    ['S3 put', "await s3.send(new PutObjectCommand({ Bucket: 'b', Key: k, Body: body }));", ['data-write']],
    ['nodemailer', "const mailer = nodemailer.createTransport(smtp);\nawait mailer.sendMail({ to, text });", ['external-communication']],
    ['Twilio SMS', 'const client = twilio(sid, token);\nawait client.messages.create({ to, from, body });', ['external-communication']],
    ['Stripe refund', 'const stripe = new Stripe(key);\nawait stripe.refunds.create({ charge });', ['payment']],
    ['file write', "await fs.promises.writeFile(out, data);", ['file-write']],
    ['multipart upload is an export', 'await new Upload({ client, params: { Bucket, Key, Body } }).done();', ['data-export']],
    ['a vector store search reads what it indexed', 'const store = await getVectorStore();\nconst docs = await store.similaritySearch(query, 4);', ['data-read']],
  ];
  const imports = `import OpenAI from 'openai';
import axios from 'axios';
import * as fs from 'node:fs';
import nodemailer from 'nodemailer';
import twilio from 'twilio';
import Stripe from 'stripe';
import { PrismaClient } from '@prisma/client';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { sql } from './db';
import postgres from 'postgres';
import { neon } from '@neondatabase/serverless';
`;
  for (const [name, body, kinds] of cases) {
    it(name, async () => {
      const findings = await analyzed('snippet.ts', `${imports}${body}\n`);
      expect([...new Set(findings.capabilities.map((capability) => capability.kind))].sort()).toEqual(kinds);
    });
  }
});

describe('TypeScript credentials and entry points', () => {
  it('process.env reads: member, subscript, destructured; import.meta.env', async () => {
    const findings = await analyzed(
      'env.ts',
      `import Anthropic from '@anthropic-ai/sdk';
const a = process.env.ANTHROPIC_API_KEY;
const b = process.env['DATABASE_URL'];
const { SENDGRID_API_KEY: sendgrid, PORT } = process.env;
const c = import.meta.env.VITE_OPENAI_KEY;
const d = process.env.NODE_ENV;
`,
    );
    expect(findings.credentials.map((credential) => `${credential.name}:${credential.provider}`)).toEqual([
      'ANTHROPIC_API_KEY:anthropic',
      'DATABASE_URL:database',
      'SENDGRID_API_KEY:sendgrid',
      'VITE_OPENAI_KEY:null',
    ]);
  });

  it('a hard-coded key in a TypeScript client is fingerprinted only', async () => {
    const key = `sk-ant-api03-${'x7'.repeat(20)}Zz9Q`;
    const findings = await analyzed('client.ts', `import Anthropic from '@anthropic-ai/sdk';\nexport const client = new Anthropic({ apiKey: '${key}' });\n`);
    expect(findings.credentials).toEqual([expect.objectContaining({ kind: 'hardcoded-secret', provider: 'anthropic', name: expect.stringMatching(/^anthropic key sk-ant-api03-… \(57 chars\) #[0-9a-f]{6}$/), preview: 'sk-ant-api03-… (57 chars)' })]);
    expect(JSON.stringify(findings)).not.toContain(key);
    expect(JSON.stringify(findings)).not.toContain('Zz9Q');
  });

  it('a Temporal worker polling its task queue is an entry point that runs on its queue', async () => {
    const findings = await analyzed(
      'src/worker.ts',
      `import { NativeConnection, Worker } from '@temporalio/worker';
import OpenAI from 'openai';
import * as activities from './activities';

export const client = new OpenAI();

async function start() {
  const connection = await NativeConnection.connect({ address: process.env.TEMPORAL_ADDRESS });
  const worker = await Worker.create({ connection, taskQueue: 'disputes', workflowsPath: require.resolve('./workflows'), activities });
  await worker.run();
}
start();
`,
    );
    expect(findings.entryPoint).toMatchObject({ ruleId: 'ts.entry-point.queue-worker', line: 10 });
  });

  it('Express routes and app.listen are entry points; the earliest is reported', async () => {
    const findings = await analyzed(
      'server.js',
      `const express = require('express');
const OpenAI = require('openai');
const app = express();
app.post('/summarise', async (req, res) => res.json(await new OpenAI().responses.create({ model: 'gpt-4o', input: req.body.text })));
app.listen(3000);
`,
    );
    expect(findings.entryPoint).toMatchObject({ ruleId: 'ts.entry-point.route', line: 4 });
    expect(findings.agentic).toBe(false);
  });

  it('a model call given tools from a class field is an agent (the MCP quickstart client shape), though the tools are known only at run time', async () => {
    const findings = await analyzed(
      'mcp-client/index.ts',
      `import { Anthropic } from "@anthropic-ai/sdk";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";

class MCPClient {
  private anthropic = new Anthropic({ apiKey: process.env.ANTHROPIC_API_KEY });
  private mcp = new Client({ name: "mcp-client-cli", version: "1.0.0" });
  private tools: Array<{ name: string; description?: string; input_schema: unknown }> = [];

  async processQuery(query: string) {
    const response = await this.anthropic.messages.create({
      model: "claude-sonnet-4-5",
      max_tokens: 1000,
      messages: [{ role: "user", content: query }],
      tools: this.tools,
    });
    return response;
  }
}
export default MCPClient;
`,
    );
    expect(findings.llm).toMatchObject([{ provider: 'anthropic' }]);
    expect(findings.agentic).toBe(true);
    expect(findings.tools).toEqual([]);

    // The quickstart's later shape: the client comes from a lazy getter the model cannot follow.
    const lazy = await analyzed(
      'mcp-client/lazy.ts',
      `import Anthropic from "@anthropic-ai/sdk";
class MCPClient {
  private _anthropic: Anthropic | null = null;
  private tools: Anthropic.Tool[] = [];
  private get anthropic(): Anthropic {
    return this._anthropic ??= new Anthropic({ apiKey: process.env.ANTHROPIC_API_KEY });
  }
  async processQuery(query: string) {
    return this.anthropic.messages.create({ model: "claude-sonnet-4-5", max_tokens: 1000, messages: [{ role: "user", content: query }], tools: this.tools });
  }
  async summarise(text: string) {
    return this.anthropic.messages.create({ model: "claude-haiku-4-5", max_tokens: 200, messages: [{ role: "user", content: text }] });
  }
}
export default MCPClient;
`,
    );
    expect(lazy.agentic).toBe(true);
    // Without tools the same call is a plain completion.
    const plain = await analyzed('mcp-client/plain.ts', PLAIN_GETTER_CLIENT);
    expect(plain.llm).toMatchObject([{ provider: 'anthropic' }]);
    expect(plain.agentic).toBe(false);
  });
});

const PLAIN_GETTER_CLIENT = `import Anthropic from "@anthropic-ai/sdk";
class Summariser {
  private _anthropic: Anthropic | null = null;
  private get anthropic(): Anthropic {
    return this._anthropic ??= new Anthropic();
  }
  async summarise(text: string) {
    return this.anthropic.messages.create({ model: "claude-haiku-4-5", max_tokens: 200, messages: [{ role: "user", content: text }] });
  }
}
export default Summariser;
`;

describe('a class getter stands for what it returns', () => {
  it('`this.anthropic` from `get anthropic() { return new Anthropic() }` is the client: its call given tools makes an agent', async () => {
    const findings = await analyzed(
      'src/client.ts',
      `import Anthropic from "@anthropic-ai/sdk";
export class TicketClient {
  private tools: Anthropic.Tool[] = [];
  get anthropic() {
    return new Anthropic({ apiKey: process.env.ANTHROPIC_API_KEY });
  }
  async ask(question: string) {
    return this.anthropic.messages.create({ model: "claude-sonnet-4-5", max_tokens: 800, messages: [{ role: "user", content: question }], tools: this.tools });
  }
}
`,
    );
    expect(findings.llm).toMatchObject([{ provider: 'anthropic', models: ['claude-sonnet-4-5'] }]);
    expect(findings.agentic).toBe(true);
  });

  it('a getter returning a field set in the constructor resolves through the field (OpenAI)', async () => {
    const findings = await analyzed(
      'src/assistant.js',
      `import OpenAI from "openai";
export class Assistant {
  constructor(tools) {
    this._client = new OpenAI();
    this.tools = tools;
  }
  get client() {
    if (!this._client) throw new Error("closed");
    return this._client;
  }
  async answer(messages) {
    return this.client.chat.completions.create({ model: "gpt-4.1", messages, tools: this.tools });
  }
}
`,
    );
    expect(findings.llm).toMatchObject([{ provider: 'openai' }]);
    expect(findings.agentic).toBe(true);
  });

  it('a getter returning a store is not a model client, whatever its method is called', async () => {
    const findings = await analyzed(
      'src/inbox.ts',
      `import Anthropic from "@anthropic-ai/sdk";
import { InboxStore } from "./inbox-store";
const anthropic = new Anthropic();
export class Inbox {
  private tools = ["archive", "flag"];
  get store() {
    return new InboxStore(process.env.DATABASE_URL);
  }
  async file(text: string) {
    await this.store.messages.create({ body: text, tools: this.tools });
    return anthropic.messages.create({ model: "claude-haiku-4-5", max_tokens: 100, messages: [{ role: "user", content: text }] });
  }
}
`,
    );
    expect(findings.llm).toMatchObject([{ provider: 'anthropic' }]);
    // Only the provider's own call counts: a store's messages.create given a tools list hands no tools to a model.
    expect(findings.agentic).toBe(false);
  });
});
