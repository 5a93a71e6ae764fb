import { describe, expect, it } from 'vitest';
import { clientEntryOf, isServerOnly, serverActionEntryOf } from './client-entry';
import { findProxyCallsInText } from './proxy-calls';
import { analyzed } from './test-helpers';

describe('OpenAI Agents SDK (JS) agent definitions and their wiring', () => {
  it('reads each RealtimeAgent with its name, inline tools, imported and wrapped handoffs', async () => {
    const findings = await analyzed(
      'agents/triage.ts',
      [
        "import { RealtimeAgent, handoff, tool } from '@openai/agents-realtime';",
        "import { disputeAgent } from './dispute';",
        "import fraudAgent from './fraud';",
        "const lookupCharge = tool({ name: 'lookup_charge', description: 'x', parameters: {}, execute: async () => 1 });",
        'const helper = new RealtimeAgent({ name: "Helper", instructions: "help" });',
        'export const triageAgent = new RealtimeAgent({',
        "  name: 'Dispute Triage',",
        '  tools: [lookupCharge, tool({ name: "inline_tool", execute: async () => 2 }), helper.asTool({ toolName: "ask_helper" })],',
        '  handoffs: [disputeAgent, handoff(fraudAgent), helper],',
        '});',
      ].join('\n'),
    );
    expect(findings.agentGraph?.definitions).toMatchObject([
      { name: 'Helper', binding: 'helper', tools: [], handoffs: [] },
      {
        name: 'Dispute Triage',
        binding: 'triageAgent',
        // A binding is resolved to its tool name (toolNames) when the graph is linked.
        tools: [{ local: 'lookupCharge' }, { tool: 'inline_tool' }],
        agentTools: [{ local: 'helper' }],
        handoffs: [{ module: './dispute', exported: 'disputeAgent' }, { module: './fraud', exported: 'default' }, { local: 'helper' }],
        evidence: { ruleId: 'ts.framework.openai-agents', line: 6 },
      },
    ]);
    expect(findings.agentGraph?.toolNames).toEqual({ lookupCharge: 'lookup_charge' });
    expect(findings.llm.map((use) => use.sdk)).toEqual(['@openai/agents-realtime.RealtimeAgent']);
  });

  it('reads handoffs pushed after construction, Agent.create, and the agents a file runs', async () => {
    const scenario = await analyzed(
      'agentConfigs/retail/index.ts',
      [
        "import { authenticationAgent } from './authentication';",
        "import { returnsAgent } from './returns';",
        '(authenticationAgent.handoffs as any).push(returnsAgent);',
        'returnsAgent.handoffs.push(authenticationAgent);',
        'export const scenario = [authenticationAgent, returnsAgent];',
        "import { RealtimeAgent } from '@openai/agents/realtime';",
        'export type Set = RealtimeAgent[];',
        'const local = new RealtimeAgent({ name: "local" });',
        '(local.handoffs as any).push(returnsAgent);',
      ].join('\n'),
    );
    expect(scenario.agentGraph?.handoffPushes).toEqual([
      { target: { module: './authentication', exported: 'authenticationAgent' }, handoffs: [{ module: './returns', exported: 'returnsAgent' }] },
      { target: { module: './returns', exported: 'returnsAgent' }, handoffs: [{ module: './authentication', exported: 'authenticationAgent' }] },
      { target: { local: 'local' }, handoffs: [{ module: './returns', exported: 'returnsAgent' }] },
    ]);
    const server = await analyzed(
      'server/index.ts',
      "import { Agent, Runner, run } from '@openai/agents';\nimport { triage } from './triage';\nconst coach = Agent.create({ name: 'Coach', handoffs: [triage] });\nawait run(coach, 'hi');\nawait new Runner().run(triage, 'x');\n",
    );
    expect(server.agentGraph?.definitions.map((definition) => definition.name)).toEqual(['Coach']);
    expect(server.agentGraph?.runs).toEqual([{ local: 'coach' }, { module: './triage', exported: 'triage' }]);
  });

  it('a file without the SDK has no agent graph; a RealtimeSession is a model use', async () => {
    const hook = await analyzed('hooks/useRealtimeSession.ts', "import { RealtimeSession } from '@openai/agents/realtime';\nexport function connect(root: any) { return new RealtimeSession(root, { model: 'gpt-realtime' }); }\n");
    expect(hook.llm).toMatchObject([{ provider: 'openai', sdk: '@openai/agents/realtime.RealtimeSession', models: ['gpt-realtime'] }]);
    expect(hook.agentGraph?.runs).toEqual([{ local: 'root' }]);
    const plain = await analyzed('route.ts', "import OpenAI from 'openai';\nexport async function POST() { return new OpenAI().responses.create({ model: 'gpt-4.1', input: 'x' }); }\n");
    expect(plain.agentGraph).toBeUndefined();
  });
});

describe('model calls without an SDK', () => {
  it('a raw fetch to a provider API is a model use of that provider, with the models in its body', async () => {
    const findings = await analyzed(
      'app/api/session/route.ts',
      "export async function GET() {\n  const r = await fetch('https://api.openai.com/v1/realtime/client_secrets?x=1', {\n    method: 'POST',\n    headers: { Authorization: `Bearer ${process.env.OPENAI_API_KEY}` },\n    body: JSON.stringify({ session: { type: 'realtime', model: 'gpt-realtime' } }),\n  });\n  return r;\n}\n",
    );
    expect(findings.llm).toMatchObject([{ provider: 'openai', sdk: 'fetch https://api.openai.com/v1/realtime/client_secrets', models: ['gpt-realtime'], evidence: { ruleId: 'ts.llm.provider-http', line: 2 } }]);
    expect(findings.credentials.map((credential) => credential.name)).toEqual(['OPENAI_API_KEY']);
  });

  it('so is a Python requests or httpx post to one', async () => {
    const findings = await analyzed('jobs/summarise.py', "import os\nimport requests\n\nURL = 'https://api.anthropic.com/v1/messages'\n\ndef summarise(text):\n    return requests.post(URL, json={'model': 'claude-3-5-haiku-20241022', 'messages': [text]}, headers={'x-api-key': os.environ['ANTHROPIC_API_KEY']})\n");
    expect(findings.llm).toMatchObject([{ provider: 'anthropic', sdk: 'requests.post https://api.anthropic.com/v1/messages', models: ['claude-3-5-haiku-20241022'] }]);
  });

  it('a fetch to another host, or to a URL built at run time, is not', async () => {
    const findings = await analyzed(
      'lib/weather.ts',
      "import OpenAI from 'openai';\nexport const client = new OpenAI();\nexport const a = () => fetch('https://api.open-meteo.com/v1/forecast');\nexport const b = (base: string) => fetch(`${base}/v1/chat/completions`);\n",
    );
    expect(findings.llm.map((use) => use.sdk)).toEqual(['openai']);
  });
});

describe('where browser code starts and what it asks the server', () => {
  it('pages, layouts, "use client" modules and Vite entries are client entries; route handlers and API pages are not', () => {
    expect(clientEntryOf('src/app/page.tsx', 'export default function P() {}')).not.toBeNull();
    expect(clientEntryOf('app/(chat)/layout.tsx', '')).not.toBeNull();
    expect(clientEntryOf('pages/index.tsx', '')).not.toBeNull();
    expect(clientEntryOf('src/main.tsx', '')).not.toBeNull();
    expect(clientEntryOf('components/Desk.tsx', "// Desk\n/* ui */\n'use client';\nimport x from 'y';")).toMatchObject({ line: 3, ruleId: 'web.client-entry' });
    expect(clientEntryOf('components/Desk.tsx', "import x from 'y';\n'use client';")).toBeNull();
    expect(clientEntryOf('app/api/chat/route.ts', '')).toBeNull();
    expect(clientEntryOf('pages/api/chat.ts', '')).toBeNull();
    expect(clientEntryOf('src/main.ts', '')).toBeNull();
    expect(clientEntryOf('app/page.py', "'use client'")).toBeNull();
  });

  it('server actions and server-only modules never run in the browser; only a "use server" module is an endpoint', () => {
    expect(isServerOnly('app/actions.ts', "// actions\n'use server';\nexport async function ask() {}")).toBe(true);
    expect(isServerOnly('lib/advisor.ts', "import 'server-only';\nimport { Agent } from '@openai/agents';")).toBe(true);
    expect(isServerOnly('lib/advisor.ts', "import { Agent } from '@openai/agents';\nconst s = 'use server';")).toBe(false);
    expect(serverActionEntryOf('app/actions.ts', "'use server';\nexport async function ask() {}")).toMatchObject({ line: 1, ruleId: 'web.server-action' });
    expect(serverActionEntryOf('lib/advisor.ts', "import 'server-only';")).toBeNull();
  });

  it('same-origin paths of fetch calls, from the syntax tree or a stub, never other hosts', async () => {
    const findings = await analyzed(
      'agents/tool.ts',
      "import { tool } from '@openai/agents';\nexport const t = tool({ name: 't', execute: async (id: string) => {\n  await fetch('/api/responses?debug=1', { method: 'POST' });\n  await fetch(`/api/chat/${id}`);\n  await fetch('https://api.example.com/x');\n  await fetch('//cdn.example.com/y');\n  await fetch(`${window.location.origin}/api/session`);\n} });\n",
    );
    expect(findings.proxyCalls?.map((call) => [call.path, call.evidence.line])).toEqual([['/api/responses', 3], ['/api/chat/{}', 4], ['/api/session', 7]]);
    expect(findProxyCallsInText('App.tsx', "const r = await fetch('/api/session');\nawait axios.post(\"/api/x/\");\nfetch('https://x.io/api');").map((call) => call.path)).toEqual(['/api/session', '/api/x']);
  });
});
