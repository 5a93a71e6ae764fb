import { describe, expect, it } from 'vitest';
import { analyzeConfigFile } from './index';
import { fixture, lineWith, testContext } from './test-support';
import { analyzeWrangler } from './wrangler';

const TOML = fixture('wrangler/wrangler.toml');
const JSONC = fixture('wrangler/wrangler.jsonc');

const analyze = (path: string, text: string) => analyzeWrangler(path, text, testContext());

describe('analyzeWrangler', () => {
  it('makes the worker one serverless function named by `name`, running `main`', () => {
    const unit = analyze('workers/digest/wrangler.toml', TOML)!.units[0]!;
    expect(unit).toMatchObject({ kind: 'serverless-function', name: 'dispute-digest', path: 'workers/digest/wrangler.toml', codePaths: ['src/index.ts'] });
    expect(unit.evidence.line).toBe(lineWith(TOML, 'main ='));
    expect(analyze('wrangler.jsonc', JSONC)!.units[0]!.codePaths).toEqual(['src/server.ts']);
  });

  it('reads cron triggers before queue consumers, and no HTTP trigger when workers_dev is off without a route', () => {
    const { trigger } = analyze('wrangler.toml', TOML)!.units[0]!;
    expect(trigger).toMatchObject({ kind: 'cron', schedule: '0 7 * * 1-5' });
    expect(trigger.description).toBe('Every Monday to Friday at 07:00 UTC; also on messages of the chargebacks queue; on messages of the refund-requests queue');
    expect(trigger.evidence!.line).toBe(lineWith(TOML, 'crons ='));
    const consumer = fixture('wrangler/refund-queue/wrangler.toml');
    const queueOnly = analyze('wrangler.toml', consumer)!.units[0]!.trigger;
    expect(queueOnly).toMatchObject({ kind: 'event', schedule: 'queue: refund-requests', description: 'On messages of the refund-requests queue' });
    expect(queueOnly.evidence!.line).toBe(lineWith(consumer, '[[queues.consumers]]'));
  });

  it('answers HTTP on workers.dev by default', () => {
    expect(analyze('wrangler.jsonc', JSONC)!.units[0]!.trigger).toMatchObject({ kind: 'webhook', schedule: 'fetch', description: 'On HTTP requests to the worker' });
  });

  it('lists vars that are credentials, required secrets and the Workers AI binding, never a secret value', () => {
    const toml = analyze('wrangler.toml', TOML)!.units[0]!;
    expect(toml.credentials.map((c) => [c.kind, c.name.replace(/ #.*/, ''), c.provider])).toEqual(
      expect.arrayContaining([
        ['env-var', 'SLACK_BOT_TOKEN', expect.anything()],
        ['env-var', 'AI (Workers AI binding)', 'workers-ai'],
      ]),
    );
    expect(toml.endpoints.map((e) => e.host)).toEqual(['ledger.internal.northwind.example']);
    expect(JSON.stringify(toml)).not.toContain('xoxb-not-a-real-token');
    const jsonc = analyze('wrangler.jsonc', JSONC)!.units[0]!;
    expect(jsonc.credentials.map((c) => [c.kind, c.name, c.provider])).toEqual([
      ['env-var', 'STRIPE_API_KEY', null],
      ['env-var', 'AI (Workers AI binding)', 'workers-ai'],
    ]);
    expect(jsonc.credentials[1]!.evidence.line).toBe(lineWith(JSONC, '"ai"'));
  });

  it('makes no unit of a config without `main` (static assets, Pages)', () => {
    expect(analyze('wrangler.toml', 'name = "docs"\ncompatibility_date = "2025-01-01"\n[assets]\ndirectory = "./public"\n')).toBeNull();
  });

  it('is routed by file name, and reports broken files as warnings', async () => {
    const options = { ...testContext(), disabledRuleIds: new Set<string>() };
    expect((await analyzeConfigFile('api/wrangler.jsonc', JSONC, options)).findings?.format).toBe('wrangler');
    expect((await analyzeConfigFile('api/other.toml', TOML, options)).findings).toBeNull();
    const broken = await analyzeConfigFile('wrangler.toml', 'name = "x"\nmain = \n', options);
    expect(broken.findings).toBeNull();
    expect(broken.warnings[0]!.message).toMatch(/line 2: not valid TOML/);
    const brokenJson = await analyzeConfigFile('wrangler.json', '{ "main": "src/index.ts", ', options);
    expect(brokenJson.warnings[0]!.message).toMatch(/not valid JSON/);
  });

  it('survives shapes wrangler would reject, and names the hosts a client reaches it by', () => {
    const odd = analyze('edge/wrangler.json', JSON.stringify({ main: 'src/index.ts', triggers: { crons: 'not-a-list' }, queues: { consumers: { queue: 'x' } }, vars: { LIST: [1, 2], NESTED: { a: 1 }, constructor: 'x' }, ai: 'AI', secrets: { required: 'STRIPE_KEY' }, routes: [{ pattern: 'mcp.northwind.example/*', custom_domain: true }, '*.northwind.example/*', 42] }))!.units[0]!;
    // No name: the folder names the worker.
    expect(odd).toMatchObject({ name: 'edge', codePaths: ['src/index.ts'] });
    expect(odd.trigger).toMatchObject({ kind: 'webhook' });
    expect(odd.credentials).toEqual([]);
    expect(odd.hosts).toEqual(['edge.*.workers.dev', 'mcp.northwind.example']);
    expect(analyze('wrangler.json', JSON.stringify({ main: 42 }))).toBeNull();
    expect(analyze('wrangler.json', '[]')).toBeNull();
    expect(analyze('wrangler.toml', TOML)!.units[0]!.hosts).toBeUndefined();
  });

  it('keeps an MCP server URL from vars for the linker', () => {
    const unit = analyze('wrangler.jsonc', '{ "name": "ops", "main": "src/server.ts", "vars": { "LEDGER_MCP_URL": "https://ledger-mcp.northwind.workers.dev/mcp", "DOCS_URL": "https://docs.northwind.example" } }')!.units[0]!;
    expect(unit.mcpUrls?.map((u) => [u.name, u.url])).toEqual([['LEDGER_MCP_URL', 'https://ledger-mcp.northwind.workers.dev/mcp']]);
  });

  it('reads the environments one worker is deployed as (`[env.production]`, `env: { staging }`) into the same unit', () => {
    // The shape of public Workers: the top level is the local one, crons, vars, secrets and the AI binding live per environment.
    const toml = `name = "dispute-digest"
main = "src/index.ts"
compatibility_date = "2025-08-15"
workers_dev = false

[vars]
ENVIRONMENT = "development"

[env.staging]
workers_dev = true

[env.staging.vars]
ENVIRONMENT = "staging"

[env.production]
name = "dispute-digest-prod"
routes = [{ pattern = "digest.northwind-pay.example", custom_domain = true }]

[env.production.ai]
binding = "AI"

[env.production.vars]
ENVIRONMENT = "production"
SLACK_WEBHOOK_URL = "https://hooks.slack.com/services/T0000/B0000/placeholder"

[env.production.secrets]
required = ["SLACK_BOT_TOKEN"]

[env.production.triggers]
crons = ["0 6 * * 1-5"]
`;
    const findings = analyze('wrangler.toml', toml)!;
    expect(findings.units.map((u) => u.name)).toEqual(['dispute-digest']);
    const unit = findings.units[0]!;
    expect(unit.trigger).toMatchObject({ kind: 'cron', schedule: '0 6 * * 1-5' });
    expect(unit.trigger.evidence!.line).toBe(lineWith(toml, 'crons ='));
    expect(unit.credentials.map((c) => c.name)).toEqual(expect.arrayContaining(['SLACK_BOT_TOKEN', 'AI (Workers AI binding)']));
    expect(unit.endpoints.map((e) => e.host)).toContain('hooks.slack.com');
    // Each environment answers under its own worker name (`<name>-<env>` unless it names itself); production keeps the inherited `workers_dev = false`.
    expect(unit.hosts).toEqual(['dispute-digest-staging.*.workers.dev', 'digest.northwind-pay.example']);

    const jsonc = `{
  "name": "refund-triage",
  "main": "src/consumer.ts",
  "workers_dev": false,
  "env": {
    "staging": {
      "queues": { "consumers": [{ "queue": "refund-requests-staging" }] },
      "triggers": { "crons": ["*/30 * * * *"] }
    },
    "production": {
      "queues": { "consumers": [{ "queue": "refund-requests" }] },
      "triggers": { "crons": ["*/30 * * * *"] }
    }
  }
}
`;
    const queued = analyze('wrangler.jsonc', jsonc)!.units[0]!;
    // The same schedule in two environments is said once.
    expect(queued.trigger.description).toBe('Every 30 minutes UTC; also on messages of the refund-requests-staging queue; on messages of the refund-requests queue');
    expect(queued.trigger.evidence!.line).toBe(lineWith(jsonc, '"crons"'));
    expect(queued.hosts).toBeUndefined();
  });

  it('leaves out what the workspace turned off', () => {
    const off = analyzeWrangler('wrangler.toml', TOML, testContext(['wrangler.trigger.cron', 'wrangler.credential.ai-binding']))!.units[0]!;
    expect(off.trigger.kind).toBe('event');
    expect(off.credentials.some((c) => c.provider === 'workers-ai')).toBe(false);
    expect(analyzeWrangler('wrangler.toml', TOML, testContext(['wrangler.unit.worker']))).toBeNull();
  });
});
