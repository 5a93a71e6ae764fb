import { describe, expect, it } from 'vitest';
import { hostileJson, mutateText, seededRandom, SMALL_FUZZ } from '../../fuzz/mutations';
import { analyzeConfigFile } from './index';
import { analyzeN8nWorkflow } from './n8n-workflow';
import { fixture, lineWith, testContext } from './test-support';

const CONCIERGE = fixture('n8n/guest-concierge-telegram.json');
const EXPORT_ALL = fixture('n8n/workflows-export-all.json');
const analyze = (path: string, text: string, disabled: string[] = []) => analyzeN8nWorkflow(path, text, testContext(disabled));

describe('n8n workflow exports', () => {
  it('are an automation workflow named by the workflow, started by its trigger node, on the model its chat model node names', () => {
    const unit = analyze('workflows/guest-concierge-telegram.json', CONCIERGE)!.units[0]!;
    expect(unit).toMatchObject({ kind: 'automation-workflow', name: 'Guest Concierge (Telegram)', path: 'workflows/guest-concierge-telegram.json' });
    expect(unit.evidence.line).toBe(lineWith(CONCIERGE, '"@n8n/n8n-nodes-langchain.agent"'));
    expect(unit.trigger).toMatchObject({ kind: 'user', description: 'When a Telegram message reaches the bot' });
    expect(unit.llm).toEqual([expect.objectContaining({ provider: 'anthropic', models: ['claude-3-5-sonnet-20241022'] })]);
    expect(unit.oneShot).toBeUndefined();
  });

  it('hold the credentials their nodes use by the names n8n stores them under, never a secret', () => {
    const unit = analyze('w.json', CONCIERGE)!.units[0]!;
    expect(unit.credentials.map((c) => [c.kind, c.name])).toEqual([
      ['platform-credential', 'Concierge bot (telegramApi)'],
      ['platform-credential', 'Anthropic account (anthropicApi)'],
      ['platform-credential', 'SerpAPI account (serpApi)'],
      ['platform-credential', 'Bookings DB (postgres)'],
    ]);
  });

  it('can do what their tool and action nodes do, tools named; a SELECT reads, a DELETE deletes; chat and web search are outside input', () => {
    const concierge = analyze('w.json', CONCIERGE)!.units[0]!;
    expect(concierge.capabilities.map((c) => [c.kind, c.tool])).toEqual([
      ['data-read', 'Bookings'],
      ['external-communication', null],
    ]);
    expect(concierge.untrustedInputs.map((i) => [i.kind, i.detail, i.tool])).toEqual([
      ['chat-message', 'Telegram Trigger', null],
      ['web-page', 'SerpAPI', 'SerpAPI'],
    ]);
    const runbook = analyze('w.json', EXPORT_ALL)!.units[0]!;
    expect(runbook.capabilities.map((c) => [c.kind, c.tool])).toEqual([
      ['outbound-network', 'Ops MCP'],
      ['code-execution', 'Run diagnostics'],
      ['shell-exec', null],
      ['data-delete', null],
    ]);
    expect(runbook.tools!.map((t) => [t.name, t.capabilities])).toEqual([
      ['Ops MCP', ['outbound-network']],
      ['Run diagnostics', ['code-execution']],
    ]);
    expect(concierge.tools!.map((t) => [t.name, t.capabilities])).toEqual([
      ['SerpAPI', []],
      ['Bookings', ['data-read']],
    ]);
    expect(runbook.endpoints).toEqual([expect.objectContaining({ host: 'mcp.ops.example.com', purpose: 'mcp' })]);
    expect(runbook.trigger).toMatchObject({ kind: 'event', description: 'On Slack events' });
    expect(runbook.llm).toEqual([expect.objectContaining({ provider: 'bedrock', models: ['anthropic.claude-3-5-sonnet-20240620-v1:0'] })]);
  });

  it('reads every workflow of an export of all, and leaves out the ones with no model', () => {
    expect(analyze('backup/all.json', EXPORT_ALL)!.units.map((u) => u.name)).toEqual(['Incident Runbook Agent']);
  });

  it('calls a workflow of chains alone one-shot, and reads its schedule', () => {
    const digest = JSON.stringify({
      name: 'Digest',
      nodes: [
        { name: 'Every day', type: 'n8n-nodes-base.scheduleTrigger', parameters: { rule: { interval: [{ field: 'hours', hoursInterval: 6 }] } } },
        { name: 'Summarise', type: '@n8n/n8n-nodes-langchain.chainLlm', parameters: {} },
        { name: 'Model', type: '@n8n/n8n-nodes-langchain.lmChatGoogleGemini', parameters: { modelName: 'models/gemini-1.5-flash' } },
      ],
      connections: {},
    });
    const unit = analyze('digest.json', digest)!.units[0]!;
    expect(unit.oneShot).toBe(true);
    expect(unit.trigger).toMatchObject({ kind: 'cron', schedule: 'every 6 hours' });
    expect(unit.llm[0]!.models).toEqual(['gemini-1.5-flash']);
  });

  it('takes an HTTP Request node calling a provider API for a model call, by its host or its provider credential', () => {
    const raw = JSON.stringify({
      name: 'Book writer',
      nodes: [
        { name: 'Start', type: 'n8n-nodes-base.manualTrigger', parameters: {} },
        { name: 'Architect', type: 'n8n-nodes-base.httpRequest', parameters: { method: 'POST', url: 'https://api.openai.com/v1/chat/completions', authentication: 'predefinedCredentialType', nodeCredentialType: 'openAiApi' } },
        { name: 'Editor', type: 'n8n-nodes-base.httpRequest', parameters: { method: 'POST', url: '={{ $env.LLM_GATEWAY }}/v1/messages', authentication: 'predefinedCredentialType', nodeCredentialType: 'anthropicApi' } },
        { name: 'Weather', type: 'n8n-nodes-base.httpRequest', parameters: { url: 'https://api.weather.example.com/today' } },
      ],
      connections: {},
    });
    const unit = analyze('book.json', raw)!.units[0]!;
    expect(unit.llm.map((l) => l.provider)).toEqual(['openai', 'anthropic']);
    expect(unit.oneShot).toBe(true);
    expect(unit.frameworks).toBeUndefined();
    const weatherOnly = JSON.stringify({ name: 'W', nodes: [{ name: 'Weather', type: 'n8n-nodes-base.httpRequest', parameters: { url: 'https://api.weather.example.com/today' } }], connections: {} });
    expect(analyze('w.json', weatherOnly)).toBeNull();
  });

  it('counts the tools an MCP Server Trigger serves, and reads any service used as a tool by its operation', () => {
    const served = JSON.stringify({
      name: 'Tasks assistant',
      nodes: [
        { name: 'Incoming Message', type: 'n8n-nodes-base.telegramTrigger', parameters: {} },
        { name: 'MCP Server Trigger', type: '@n8n/n8n-nodes-langchain.mcpTrigger', parameters: { path: 'tasks' } },
        { name: 'AI Agent', type: '@n8n/n8n-nodes-langchain.agent', parameters: {} },
        { name: 'MCP Client', type: '@n8n/n8n-nodes-langchain.mcpClientTool', parameters: { sseEndpoint: '{{ $env.WEBHOOK_URL }}' } },
        { name: 'create_task', type: 'n8n-nodes-base.googleTasksTool', parameters: { title: '={{ $fromAI("Title") }}' } },
        { name: 'complete_task', type: 'n8n-nodes-base.googleTasksTool', parameters: { operation: 'update' } },
        { name: 'get_tasks', type: 'n8n-nodes-base.googleTasksTool', parameters: { operation: 'getAll' } },
      ],
      connections: {
        'MCP Client': { ai_tool: [[{ node: 'AI Agent', type: 'ai_tool', index: 0 }]] },
        create_task: { ai_tool: [[{ node: 'MCP Server Trigger', type: 'ai_tool', index: 0 }]] },
        complete_task: { ai_tool: [[{ node: 'MCP Server Trigger', type: 'ai_tool', index: 0 }]] },
        get_tasks: { ai_tool: [[{ node: 'MCP Server Trigger', type: 'ai_tool', index: 0 }]] },
      },
    });
    const unit = analyze('tasks.json', served)!.units[0]!;
    expect(unit.tools!.map((t) => [t.name, t.capabilities])).toEqual([
      ['MCP Client', ['outbound-network']],
      ['create_task', ['data-write']],
      ['complete_task', ['data-write']],
      ['get_tasks', ['data-read']],
    ]);
    // The chat message starts it; the MCP trigger is named too.
    expect(unit.trigger.kind).toBe('webhook');
    expect(unit.trigger.description).toMatch(/Telegram message/);
  });

  it('ignores disabled nodes, expressions as models, and files that only mention a node type', async () => {
    const disabled = JSON.stringify({ name: 'Off', nodes: [{ name: 'A', type: '@n8n/n8n-nodes-langchain.agent', disabled: true, parameters: {} }], connections: {} });
    expect(analyze('off.json', disabled)).toBeNull();
    const expression = JSON.stringify({
      name: 'Dynamic',
      nodes: [
        { name: 'Agent', type: '@n8n/n8n-nodes-langchain.agent', parameters: {} },
        { name: 'Model', type: '@n8n/n8n-nodes-langchain.lmChatOpenAi', parameters: { model: { __rl: true, value: '={{ $json.model }}' } } },
      ],
      connections: {},
    });
    expect(analyze('dyn.json', expression)!.units[0]!.llm).toEqual([expect.objectContaining({ provider: 'openai', models: [] })]);
    // The older node shape: the model and a base URL among its options.
    const local = JSON.stringify({
      name: 'Local',
      nodes: [
        { name: 'Agent', type: '@n8n/n8n-nodes-langchain.agent', parameters: {} },
        { name: 'Model', type: '@n8n/n8n-nodes-langchain.lmChatOpenAi', parameters: { options: { baseURL: 'http://llm.internal:8000/v1', model: 'qwen2.5-72b' } } },
      ],
      connections: {},
    });
    const localUnit = analyze('local.json', local)!.units[0]!;
    expect(localUnit.llm[0]!.models).toEqual(['qwen2.5-72b']);
    expect(localUnit.endpoints).toEqual([expect.objectContaining({ host: 'llm.internal', purpose: 'inference' })]);
    // A package.json of a custom node package names node types but is no workflow.
    const manifest = '{ "name": "n8n-nodes-acme", "n8n": { "nodes": ["dist/nodes/Acme/Acme.node.js"] }, "keywords": ["n8n-community-node-package"] }';
    expect((await analyzeConfigFile('package.json', manifest, testContext())).findings).toBeNull();
    expect(analyze('cheatsheet.json', '{ "types": ["@n8n/n8n-nodes-langchain.agent"] }')).toBeNull();
  });

  it('reports a malformed export as a warning naming the line, and survives hostile shapes', async () => {
    const broken = await analyzeConfigFile('workflows/bad.json', '{ "name": "x", "nodes": [ { "type": "@n8n/n8n-nodes-langchain.agent", }\n', testContext());
    expect(broken.findings).toBeNull();
    expect(broken.warnings[0]!.message).toMatch(/not valid JSON/);
    for (const hostile of [
      '{ "nodes": {}, "connections": [] }',
      '{ "nodes": [null, 1, "x", { "type": 5 }, { "type": "@n8n/n8n-nodes-langchain.agent", "parameters": "p", "credentials": [1] }], "connections": { "a": { "ai_tool": [null, [null, 3]] } } }',
      '[null, 1, { "nodes": [{ "type": "n8n-nodes-base.webhook" }], "connections": {} }]',
      `{ "name": "${'n'.repeat(100_000)}", "nodes": [{ "type": "@n8n/n8n-nodes-langchain.chainLlm" }], "connections": {} }`,
    ]) {
      expect(() => analyze('h.json', hostile)).not.toThrow();
    }
  });

  it('leaves out what a workspace turned off', () => {
    expect(analyze('w.json', CONCIERGE, ['n8n.unit.workflow'])).toBeNull();
    const unit = analyze('w.json', CONCIERGE, ['n8n.credential.reference'])!.units[0]!;
    expect(unit.credentials).toEqual([]);
  });

  it('reads generated mutations of real exports without an analyzer error: a syntax warning, a workflow, or nothing', async () => {
    const random = seededRandom(0x8a8);
    for (let i = 0; i < 300; i++) {
      const { text, how } = i % 5 === 4 ? hostileJson(random, SMALL_FUZZ) : mutateText(random, i % 2 ? CONCIERGE : EXPORT_ALL, SMALL_FUZZ);
      const result = await analyzeConfigFile('workflows/fuzzed.json', text, testContext());
      // An analyzer bug surfaces as "could not be analysed": syntax problems are the only warnings allowed.
      expect(result.warnings.filter((w) => /could not be analysed/.test(w.message)).map((w) => w.message), how).toEqual([]);
      for (const unit of result.findings?.units ?? []) expect(unit.kind, how).toBe('automation-workflow');
    }
  });
});
