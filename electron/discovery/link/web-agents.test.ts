import { describe, expect, it } from 'vitest';
import type { DiscoveredAgent } from '../../../shared/discovery';
import { analyzeCode } from '../code/analyze-code';
import { loadCodeParsers } from '../code/parser';
import { RULES } from '../code/test-helpers';
import type { CodeFindings } from '../findings';
import { TEST_FINGERPRINT_KEY } from '../test-fingerprint-key';
import { linkUnits } from './link-units';
import { RouteTable, routeSegments } from './proxy-routes';

/** Every file analysed in full (as the scanner's second pass does for code a candidate reaches), then linked. */
async function link(files: Record<string, string>): Promise<DiscoveredAgent[]> {
  await loadCodeParsers();
  const findings = Object.entries(files).flatMap(([path, text]) => analyzeCode(path, text, RULES, TEST_FINGERPRINT_KEY, undefined, { skipPrefilter: true }) ?? []);
  return linkUnits('t', findings);
}

const summary = (agents: DiscoveredAgent[]) => agents.map((a) => `${a.classification} ${a.unit.kind} ${a.unit.name} @ ${a.unit.path}`).sort();
const byName = (agents: DiscoveredAgent[], name: string) => agents.find((a) => a.unit.name === name)!;
const links = (agent: DiscoveredAgent) => (agent.links ?? []).map((l) => `${l.relation} ${l.name}`).sort();

const PAGE = "import App from './App';\nexport default function Page() { return <App />; }\n";
const APP = "'use client';\nimport type { RealtimeAgent } from '@openai/agents/realtime';\nimport { scenario } from './agents';\nimport { connect } from './session';\nexport default function App() {\n  const key = () => fetch('/api/session');\n  return connect(scenario[0], key);\n}\n";
const SESSION_HOOK = "import { RealtimeSession } from '@openai/agents/realtime';\nexport async function connect(root: any, key: () => Promise<Response>) {\n  const s = new RealtimeSession(root, { model: 'gpt-realtime' });\n  await s.connect({ apiKey: await key() });\n}\n";
const AGENTS_INDEX = "import { triage } from './triage';\nimport { refunds } from './refunds';\n(triage.handoffs as any).push(refunds);\n(refunds.handoffs as any).push(triage);\nexport const scenario = [triage, refunds];\n";
const TRIAGE = "import { RealtimeAgent, tool } from '@openai/agents/realtime';\nexport const triage = new RealtimeAgent({\n  name: 'triage',\n  tools: [tool({ name: 'greet', execute: async () => 'hi' })],\n  handoffs: [],\n});\n";
const REFUNDS = [
  "import { RealtimeAgent, tool } from '@openai/agents/realtime';",
  "import { execSync } from 'node:child_process';",
  'export const refunds = new RealtimeAgent({',
  "  name: 'refunds',",
  '  tools: [',
  "    tool({ name: 'check_policy', execute: async (input: any) => (await fetch('/api/responses', { method: 'POST', body: JSON.stringify({ model: 'o4-mini', input }) })).json() }),",
  "    tool({ name: 'run_script', execute: async () => execSync('refund.sh') }),",
  '  ],',
  '});',
].join('\n');
const SESSION_ROUTE_MINTS_KEY = "export async function GET() {\n  return fetch('https://api.openai.com/v1/realtime/sessions', { method: 'POST', headers: { Authorization: `Bearer ${process.env.OPENAI_API_KEY}` } });\n}\n";
const RESPONSES_ROUTE_CALLS_SDK = "import OpenAI from 'openai';\nexport async function POST(req: Request) {\n  const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });\n  return Response.json(await openai.responses.create(await req.json()));\n}\n";
const SURVEY_ROUTE = "import { Pool } from 'pg';\nconst pool = new Pool();\nexport async function POST(req: Request) {\n  await pool.query('INSERT INTO survey_responses (body) VALUES ($1)', [await req.text()]);\n  return Response.json({ ok: true });\n}\n";
const AUTH_SESSION_ROUTE = "import { cookies } from 'next/headers';\nexport async function GET() {\n  return Response.json({ user: (await cookies()).get('sid')?.value ?? null });\n}\n";

const realtimeApp = (routes: { session: string; responses: string }) => ({
  'src/app/page.tsx': PAGE,
  'src/app/App.tsx': APP,
  'src/app/session.ts': SESSION_HOOK,
  'src/app/agents/index.ts': AGENTS_INDEX,
  'src/app/agents/triage.ts': TRIAGE,
  'src/app/agents/refunds.ts': REFUNDS,
  'src/app/api/session/route.ts': routes.session,
  'src/app/api/responses/route.ts': routes.responses,
});

describe('agents that run in the browser', () => {
  it('every agent a page reaches is its own browser agent, linked by handoffs; the page is not an item', async () => {
    const agents = await link(realtimeApp({ session: SESSION_ROUTE_MINTS_KEY, responses: RESPONSES_ROUTE_CALLS_SDK }));
    expect(summary(agents)).toEqual(['agent browser-agent refunds @ src/app/agents/refunds.ts', 'agent browser-agent triage @ src/app/agents/triage.ts']);
    const triage = byName(agents, 'triage');
    const refunds = byName(agents, 'refunds');
    expect(triage.entryPoints).toEqual(['src/app/agents/triage.ts']);
    expect(triage.trigger).toMatchObject({ kind: 'user', description: 'Runs in the browser of whoever opens src/app/page.tsx', evidence: { path: 'src/app/page.tsx' } });
    expect(links(triage)).toEqual(['handoff-from refunds', 'handoff-to refunds']);
    expect(links(refunds)).toEqual(['handoff-from triage', 'handoff-to triage']);
    // Each agent keeps the tools it holds and their capabilities.
    expect(triage.tools.map((t) => t.name)).toEqual(['greet']);
    expect(triage.capabilities).toEqual([]);
    expect(refunds.tools.map((t) => `${t.name}: ${t.capabilities.join(',')}`)).toEqual(['check_policy: ', 'run_script: shell-exec']);
    expect(refunds.capabilities.map((c) => c.kind)).toEqual(['shell-exec']);
  });

  it('a route that calls a model joins the agents whose code calls it, with its model and key; it is not an item', async () => {
    const agents = await link(realtimeApp({ session: SESSION_ROUTE_MINTS_KEY, responses: RESPONSES_ROUTE_CALLS_SDK }));
    const triage = byName(agents, 'triage');
    const refunds = byName(agents, 'refunds');
    // The page mints the session key for every agent it starts; only refunds' tool posts to /api/responses.
    expect(triage.llm.map((use) => use.sdk)).toEqual(['@openai/agents/realtime.RealtimeAgent', '@openai/agents/realtime.RealtimeSession', 'fetch https://api.openai.com/v1/realtime/sessions']);
    expect(refunds.llm.map((use) => use.sdk)).toContain('openai');
    expect(triage.codeFiles).toContain('src/app/api/session/route.ts');
    expect(triage.codeFiles).not.toContain('src/app/api/responses/route.ts');
    expect(refunds.codeFiles).toContain('src/app/api/responses/route.ts');
    expect(refunds.credentials.map((c) => c.name)).toContain('OPENAI_API_KEY');
    // The policy check is a model call made in refunds' run: a chained component named by its route.
    expect(refunds.chainedComponents?.map((c) => `${c.name} @ ${c.path}`)).toEqual(['POST /api/responses @ src/app/api/responses/route.ts']);
    expect(agents.some((a) => a.unit.path.includes('/api/'))).toBe(false);
  });

  it('route names are not evidence: a survey /api/responses and a login /api/session join nothing', async () => {
    const agents = await link(realtimeApp({ session: AUTH_SESSION_ROUTE, responses: SURVEY_ROUTE }));
    const refunds = byName(agents, 'refunds');
    expect(refunds.codeFiles.filter((path) => path.includes('/api/'))).toEqual([]);
    expect(refunds.capabilities.map((c) => c.kind)).toEqual(['shell-exec']);
    expect(refunds.credentials).toEqual([]);
    expect(summary(agents)).toHaveLength(2);
  });

  it('a tool that posts its own tool schemas through a model route runs a second agent: a sub-agent at its file', async () => {
    const agents = await link({
      'src/main.tsx': "import { chat } from './chat';\nimport { RealtimeSession } from '@openai/agents/realtime';\nnew RealtimeSession(chat);\n",
      'src/chat.ts': "import { RealtimeAgent } from '@openai/agents/realtime';\nimport { askSupervisor } from './supervisor';\nexport const chat = new RealtimeAgent({ name: 'chat', tools: [askSupervisor] });\n",
      'src/supervisor.ts': [
        "import { tool } from '@openai/agents/realtime';",
        "const supervisorTools = [{ type: 'function', name: 'lookupPolicy', parameters: {} }];",
        'export const askSupervisor = tool({',
        "  name: 'askSupervisor',",
        "  execute: async (input: any) => (await fetch('/api/responses', { method: 'POST', body: JSON.stringify({ model: 'gpt-4.1', input, tools: supervisorTools }) })).json(),",
        '});',
      ].join('\n'),
      'src/app/api/responses/route.ts': RESPONSES_ROUTE_CALLS_SDK,
    });
    expect(summary(agents)).toEqual(['agent browser-agent chat @ src/chat.ts', 'agent sub-agent supervisor @ src/supervisor.ts']);
    const chat = byName(agents, 'chat');
    const supervisor = byName(agents, 'supervisor');
    expect(links(chat)).toEqual(['sub-agent supervisor']);
    expect(links(supervisor)).toEqual(['parent chat']);
    expect(chat.tools.map((t) => t.name)).toEqual(['askSupervisor']);
    expect(supervisor.tools.map((t) => t.name)).toEqual(['lookupPolicy']);
    expect(supervisor.credentials.map((c) => c.name)).toEqual(['OPENAI_API_KEY']);
    expect(supervisor.codeFiles).toEqual(['src/supervisor.ts', 'src/app/api/responses/route.ts']);
  });

  it('a test page that starts agents is not where the app starts them', async () => {
    const agents = await link({ 'src/__tests__/fixtures/page.tsx': PAGE.replace('./App', './agents/triage'), 'src/__tests__/fixtures/agents/triage.ts': TRIAGE });
    expect(agents.filter((a) => a.unit.kind === 'browser-agent')).toEqual([]);
  });

  it('a client page that reaches no agent definition adds nothing, and a component importing only SDK types is not LLM use', async () => {
    const agents = await link({
      'app/page.tsx': "'use client';\nimport type { RealtimeItem } from '@openai/agents/realtime';\nexport default function P({ items }: { items: RealtimeItem[] }) { return items.length; }\n",
    });
    expect(agents).toEqual([]);
  });
});

describe('server actions', () => {
  it('agents a page reaches only through a "use server" module run on the server: that module is their unit, not the browser', async () => {
    const agents = await link({
      'app/page.tsx': "import { ask } from './actions';\nexport default function Page() { return <form action={ask} />; }\n",
      'app/actions.ts': "'use server';\nimport { run } from '@openai/agents';\nimport { advisor } from '@/lib/advisor';\nexport async function ask(data: FormData) {\n  return (await run(advisor, String(data.get('q')))).finalOutput;\n}\n",
      'lib/advisor.ts': "import 'server-only';\nimport { Agent } from '@openai/agents';\nimport { helper } from './helper';\nexport const advisor = new Agent({ name: 'Advisor', handoffs: [helper] });\n",
      'lib/helper.ts': "import { Agent } from '@openai/agents';\nexport const helper = new Agent({ name: 'Helper' });\n",
    });
    expect(summary(agents)).toEqual(['agent code-entry-point app/actions.ts @ app/actions.ts', 'agent sub-agent Helper @ lib/helper.ts']);
    expect(byName(agents, 'app/actions.ts').trigger).toMatchObject({ kind: 'user', evidence: { ruleId: 'web.server-action', line: 1 } });
  });
});

describe('agent graphs run on a server', () => {
  const files = {
    'server/index.ts': "import express from 'express';\nimport { run } from '@openai/agents';\nimport { triage } from './agents/triage';\nconst app = express();\napp.post('/x', async (req, res) => res.json(await run(triage, req.body)));\napp.listen(3000);\n",
    'server/agents/triage.ts': "import { Agent, handoff, tool } from '@openai/agents';\nimport { refunds } from './refunds';\nimport { kyc } from './kyc';\nconst lookup = tool({ name: 'lookup', execute: async () => fetch(process.env.CRM_URL!) });\nexport const triage = Agent.create({ name: 'Triage', tools: [lookup], handoffs: [refunds, handoff(kyc)] });\n",
    'server/agents/refunds.ts': "import { Agent, tool } from '@openai/agents';\nimport Stripe from 'stripe';\nconst stripe = new Stripe(process.env.STRIPE_SECRET_KEY!);\nconst refund = tool({ name: 'refund', execute: async () => stripe.refunds.create({ charge: 'ch' }) });\nexport const refunds = new Agent({ name: 'Refunds', tools: [refund], handoffs: [] });\n",
    'server/agents/kyc.ts': "import { Agent } from '@openai/agents';\nexport const kyc = new Agent({ name: 'KYC', instructions: 'check' });\n",
  };

  it('the unit is the root agent run() starts; its handoff targets are sub-agents at their files, each holding its own tools', async () => {
    const agents = await link(files);
    expect(summary(agents)).toEqual(['agent code-entry-point server/index.ts @ server/index.ts', 'agent sub-agent KYC @ server/agents/kyc.ts', 'agent sub-agent Refunds @ server/agents/refunds.ts']);
    const unit = byName(agents, 'server/index.ts');
    expect(unit.entryPoints).toEqual(['server/index.ts', 'server/agents/triage.ts']);
    expect(links(unit)).toEqual(['handoff-to KYC', 'handoff-to Refunds']);
    // The unit keeps its own agent's tool; the refund is shown on the agent it hands off to, not repeated here.
    expect(unit.capabilities.map((c) => c.kind).sort()).toEqual(['outbound-network']);
    expect(unit.tools.map((t) => t.name)).toEqual(['lookup']);
    const refunds = byName(agents, 'Refunds');
    expect(refunds.trigger).toMatchObject({ kind: 'chained', description: 'Run by Triage' });
    expect(refunds.tools.map((t) => t.name)).toEqual(['refund']);
    expect(refunds.capabilities.map((c) => c.kind)).toEqual(['payment']);
    expect(links(refunds)).toEqual(['handoff-from server']);
  });
});

describe('LLM calls chained inside an agent', () => {
  it('artifact handlers reached through a tool and a registry are chained components of the chat route, not items', async () => {
    const agents = await link({
      'app/(chat)/api/chat/route.ts': "import { streamText } from 'ai';\nimport { openai } from '@ai-sdk/openai';\nimport { createDocument } from '@/lib/tools/create-document';\nexport async function POST(req: Request) {\n  return streamText({ model: openai('gpt-4.1'), tools: { createDocument: createDocument() }, prompt: 'x' }).toUIMessageStreamResponse();\n}\n",
      'lib/tools/create-document.ts': "import { tool } from 'ai';\nimport { handlers } from '@/lib/artifacts/server';\nexport const createDocument = () => tool({ description: 'd', execute: async ({ kind }: any) => handlers.find((h) => h.kind === kind)!.onCreateDocument() });\n",
      'lib/artifacts/server.ts': "import { codeHandler } from '@/artifacts/code/server';\nexport const handlers = [codeHandler];\nexport function createDocumentHandler(config: any) { return config; }\n",
      'artifacts/code/server.ts': "import { streamObject } from 'ai';\nimport { z } from 'zod';\nimport { myProvider } from '@/lib/providers';\nimport { createDocumentHandler } from '@/lib/artifacts/server';\nexport const codeHandler = createDocumentHandler({\n  kind: 'code',\n  onCreateDocument: async () => streamObject({ model: myProvider.languageModel('artifact-model'), schema: z.object({ code: z.string() }), prompt: 'p' }),\n});\n",
      'lib/providers.ts': "import { customProvider } from 'ai';\nimport { openai } from '@ai-sdk/openai';\nexport const myProvider = customProvider({ languageModels: { 'artifact-model': openai('gpt-4.1-mini') } });\n",
    });
    expect(summary(agents)).toEqual(['agent code-entry-point app/(chat)/api/chat/route.ts @ app/(chat)/api/chat/route.ts']);
    expect(agents[0]!.tools.map((t) => t.name)).toContain('createDocument');
    expect(agents[0]!.chainedComponents).toMatchObject([
      { name: 'codeHandler.onCreateDocument', path: 'artifacts/code/server.ts', llm: [{ provider: 'openai', sdk: 'ai.streamObject', models: ['artifact-model'] }], evidence: { line: 7 } },
    ]);
  });

  it('a helper that only builds a client, or sets up providers at module level, is not a chained component', async () => {
    const agents = await link({
      'worker.py': "from agent import build\nif __name__ == '__main__':\n    build().invoke({})\n",
      'agent.py': "from langchain_openai import ChatOpenAI\nfrom langgraph.prebuilt import create_react_agent\ndef build():\n    return create_react_agent(ChatOpenAI(model='gpt-4o'), tools=[])\n",
    });
    expect(agents).toHaveLength(1);
    expect(agents[0]!.chainedComponents).toBeUndefined();
  });
});

describe('route files by URL path', () => {
  it('maps Next.js app and pages routes, skipping route groups, and matches dynamic segments', () => {
    expect(routeSegments('src/app/api/session/route.ts')).toEqual(['api', 'session']);
    expect(routeSegments('app/(chat)/api/chat/[id]/route.ts')).toEqual(['api', 'chat', '[id]']);
    expect(routeSegments('pages/api/session/index.ts')).toEqual(['api', 'session']);
    expect(routeSegments('pages/api/chat.ts')).toEqual(['api', 'chat']);
    expect(routeSegments('pages/index.tsx')).toBeNull();
    expect(routeSegments('app/api/route-helpers.ts')).toBeNull();
    const file = (path: string) => ({ path }) as CodeFindings;
    const table = new RouteTable([file('app/(chat)/api/chat/[id]/route.ts'), file('app/(chat)/api/chat/stream/route.ts'), file('web/app/api/session/route.ts'), file('admin/app/api/session/route.ts')]);
    expect(table.match('/api/chat/{}', 'app/page.tsx')).toBe('app/(chat)/api/chat/[id]/route.ts');
    expect(table.match('/api/chat/stream', 'app/page.tsx')).toBe('app/(chat)/api/chat/stream/route.ts');
    expect(table.match('/api/session', 'admin/app/page.tsx')).toBe('admin/app/api/session/route.ts');
    expect(table.match('/api/nothing', 'app/page.tsx')).toBeNull();
  });
});
