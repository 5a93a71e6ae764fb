import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { UsageTotals } from '../../shared/contract';
import { createEngine } from '../api/engine';
import { tempDir } from '../store/test-workspace';
import { costText, describeUsageTotals } from './commands/usage';
import { writeFileAtomicallyArg } from './local-files';
import { runCli } from './run-cli';
import { captureIo, type CliJsonDocument } from './test-io';

const NO_COST = { costByBasis: { reported: 0, billed: 0, 'price-table': 0, unknown: 0 }, unpricedTokens: 0, unpricedModels: [] };
const tokens = (requests: number, input: number, cached: number, output: number) => ({ requests, inputTokens: input, cachedInputTokens: cached, cacheWriteTokens: 0, outputTokens: output, totalTokens: input + cached + output });

const TOTALS: UsageTotals = {
  by: 'agent',
  from: '2025-05-01',
  to: null,
  groups: [
    { key: 'agt_1', label: 'Refund Bot', attribution: 'tag', firstDay: '2025-05-02', lastDay: '2025-05-30', ...tokens(1200, 3_400_000, 120_000, 560_000), ...NO_COST, costUsd: 42.5 },
    { key: 'agt_2', label: 'Ledger', attribution: 'key', firstDay: '2025-05-01', lastDay: '2025-05-03', ...tokens(3, 100, 0, 20), ...NO_COST, costUsd: 0, unpricedTokens: 120, unpricedModels: ['local-llama'] },
    { key: null, label: 'Unattributed', attribution: 'unattributed', firstDay: '2025-05-05', lastDay: '2025-05-31', ...tokens(10, 1000, 0, 200), ...NO_COST, costUsd: 1.234, unpricedTokens: 50, unpricedModels: ['local-llama'] },
  ],
  total: { ...tokens(1213, 3_401_100, 120_000, 560_220), ...NO_COST, costUsd: 43.734, unpricedTokens: 170, unpricedModels: ['local-llama'] },
};

describe('usage as text', () => {
  it('never shows an unknown cost as $0.00', () => {
    expect(costText({ costUsd: 1234.5, unpricedTokens: 0 })).toBe('$1,234.50');
    expect(costText({ costUsd: 0, unpricedTokens: 0 })).toBe('$0.00');
    expect(costText({ costUsd: 0.002, unpricedTokens: 0 })).toBe('< $0.01');
    expect(costText({ costUsd: 0.002, unpricedTokens: 5 })).toBe('≥ $0.00 (+ unpriced)');
    expect(costText({ costUsd: 0, unpricedTokens: 10 })).toBe('price unknown');
    expect(costText({ costUsd: 2.345, unpricedTokens: 10 })).toBe('≥ $2.35 (+ unpriced)');
  });

  it('prints one row per group, "(unattributed)" for the null key, numbers right-aligned, and a total line', () => {
    const lines = describeUsageTotals(TOTALS).split('\n');
    expect(lines[0]).toBe('Usage by agent, from 2025-05-01 to the last day:');
    expect(lines[1]).toMatch(/^ {2}AGENT +REQUESTS +INPUT +CACHED +OUTPUT +COST +FIRST DAY +LAST DAY$/);
    expect(lines[2]).toMatch(/^ {2}Refund Bot +1,200 +3,400,000 +120,000 +560,000 +\$42\.50 +2025-05-02 +2025-05-30$/);
    expect(lines[3]).toMatch(/^ {2}Ledger +3 +100 +0 +20 +price unknown +2025-05-01 +2025-05-03$/);
    expect(lines[4]).toMatch(/^ {2}\(unattributed\) +10 +1,000 +0 +200 +≥ \$1\.23 \(\+ unpriced\) +2025-05-05 +2025-05-31$/);
    expect(lines[5]).toMatch(/^ {2}Total +1,213 +3,401,100 +120,000 +560,220 +≥ \$43\.73 \(\+ unpriced\) +2025-05-01 +2025-05-31$/);
    expect(lines[6]).toBe('  No price for local-llama: 170 tokens have no cost (set a price in the app).');
    // right-aligned: every numeric cell of a column ends at the same place as its header
    const end = (line: string, text: string) => line.indexOf(text) + text.length;
    expect(end(lines[2]!, '1,200')).toBe(end(lines[1]!, 'REQUESTS'));
    expect(end(lines[3]!, ' 3 ')).toBe(end(lines[1]!, 'REQUESTS') + 1);
  });

  it('says so when there is no usage', () => {
    expect(describeUsageTotals({ ...TOTALS, from: null, groups: [] })).toBe('No usage imported.');
    expect(describeUsageTotals({ ...TOTALS, to: '2025-05-31', groups: [] })).toBe('No usage from 2025-05-01 to 2025-05-31.');
  });
});

describe('writeFileAtomicallyArg', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => (tmp = tempDir('atw-atomic-')));
  afterEach(() => tmp.cleanup());

  it('replaces the file whole and leaves no temporary file', async () => {
    writeFileSync(tmp.file('out.yaml'), 'old');
    await writeFileAtomicallyArg(tmp.file('out.yaml'), Buffer.from('new content'));
    expect(readFileSync(tmp.file('out.yaml'), 'utf8')).toBe('new content');
    expect(readdirSync(tmp.dir)).toEqual(['out.yaml']);
  });

  it('names the file and the reason when it cannot write, and leaves nothing behind', async () => {
    await expect(writeFileAtomicallyArg(tmp.file('missing/out.yaml'), Buffer.from('x'))).rejects.toThrow(`Cannot write ${tmp.file('missing/out.yaml')}: no such file or folder.`);
    expect(readdirSync(tmp.dir)).toEqual([]);
  });
});

/** Runs against the real engine: needs the usage handlers (electron/usage/ on main). */
describe('usage and budgets export against a real workspace', () => {
  let tmp: ReturnType<typeof tempDir>;
  let cli: (argv: string[]) => Promise<{ code: number; stdout: string; stderr: string; json: () => CliJsonDocument }>;

  const CSV = [
    'Agent Name,Status,Trigger Type,Data Access Scope,Credentials Held,Owner,Owner E-mail,Last Reviewed,Rollback Procedure',
    'Refund Triage Bot,live,webhook,payments.refunds:write,STRIPE_KEY,Priya Raman,priya.raman@example.com,2025-01-14,Disable the webhook.',
    'Nightly "Ledger": #1,confirmed,cron: 0 2 * * *,ledger.entries:read,postgres,Marta Kowalski,marta.kowalski@example.com,2025-02-20,Re-run the job.',
    'Idle Helper,confirmed,user,none,none,Tomás Álvarez,tomas.alvarez@example.com,2024-11-02,Nothing to undo.',
  ].join('\n');

  beforeEach(async () => {
    tmp = tempDir('atw-cli-usage-');
    writeFileSync(tmp.file('agents.csv'), CSV);
    cli = async (argv) => {
      const out = captureIo({ env: { AGENT_TRIAGE_HOME: tmp.file('home') }, cwd: tmp.dir });
      const code = await runCli(argv, out.io);
      return { code, stdout: out.stdout(), stderr: out.stderr(), json: out.json };
    };
    expect((await cli(['registry', 'import', 'agents.csv', '--workspace', 'w.atw'])).code).toBe(0);
  });
  afterEach(() => tmp.cleanup());

  /** Sets caps the way the app does, through the engine. */
  async function setBudgets(caps: Record<string, { dailyTokenCap: number | null; dailyCostCapUsd: number | null }>): Promise<Record<string, string>> {
    const engine = await createEngine({ homeDir: tmp.file('setter-home'), host: 'test', version: '0.0.0-test', defaultActor: 'tester', openLastWorkspace: false });
    try {
      const ctx = { actor: '', via: 'test' };
      expect((await engine.dispatch('openWorkspace', { path: tmp.file('w.atw') }, ctx)).ok).toBe(true);
      const list = await engine.dispatch('listAgents', {}, ctx);
      if (!list.ok) throw new Error(list.error.message);
      const ids = Object.fromEntries((list.value as { rows: Array<{ id: string; name: string }> }).rows.map((r) => [r.name, r.id]));
      for (const [name, cap] of Object.entries(caps)) {
        const set = await engine.dispatch('setBudget', { agentId: ids[name]!, ...cap }, ctx);
        if (!set.ok) throw new Error(set.error.message);
      }
      return ids;
    } finally {
      await engine.close();
    }
  }

  it('prints the usage table of a workspace with no usage, and the totals as JSON', async () => {
    const text = await cli(['usage', '--workspace', 'w.atw', '--by', 'agent']);
    expect(text.stderr).toBe('');
    expect(text.code).toBe(0);
    expect(text.stdout).toBe('No usage imported.\n');
    const json = await cli(['usage', '--workspace', 'w.atw', '--by', 'model', '--from', '2025-01-01', '--to', '2025-01-31', '--json']);
    expect(json.code).toBe(0);
    expect(json.json()).toMatchObject({ ok: true, value: { by: 'model', from: '2025-01-01', to: '2025-01-31', groups: [] } });
  });

  it('prints the usage a LiteLLM spend log brought, with the unattributed row and a total', async () => {
    const fixture = join(import.meta.dirname, '..', 'usage', 'formats', 'fixtures', 'litellm-spend.json');
    const imported = await cli(['import', fixture, '--workspace', 'w.atw']);
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);

    const byModel = await cli(['usage', '--workspace', 'w.atw', '--by', 'model', '--json']);
    const totals = byModel.json().value as unknown as UsageTotals;
    expect(totals.groups.length).toBeGreaterThan(0);
    expect(totals.total.requests).toBe(totals.groups.reduce((sum, g) => sum + g.requests, 0));

    const text = await cli(['usage', '--workspace', 'w.atw', '--by', 'model']);
    expect(text.code).toBe(0);
    const lines = text.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('Usage by model, every imported day:');
    expect(lines[1]).toMatch(/^ {2}MODEL +REQUESTS +INPUT +CACHED +OUTPUT +COST +FIRST DAY +LAST DAY$/);
    expect(lines.some((l) => l.startsWith('  gpt-4o-mini '))).toBe(true);
    expect(lines.find((l) => l.startsWith('  Total '))).toContain(totals.total.requests.toLocaleString('en-US'));

    // No registry agent is tagged in the log: all of it is the unattributed row.
    const byAgent = await cli(['usage', '--workspace', 'w.atw', '--by', 'agent']);
    expect(byAgent.stdout.split('\n')[2]).toMatch(new RegExp(`^ {2}\\(unattributed\\) +${totals.total.requests} `));
  });

  it('refuses a missing workspace without creating it', async () => {
    const run = await cli(['usage', '--workspace', 'nope.atw', '--by', 'agent']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('There is no workspace at');
    expect(readdirSync(tmp.dir)).not.toContain('nope.atw');
  });

  it('exports budgets as JSON on stdout and as LiteLLM YAML into --out', async () => {
    const ids = await setBudgets({ 'Refund Triage Bot': { dailyTokenCap: 1_000_000, dailyCostCapUsd: 20 }, 'Nightly "Ledger": #1': { dailyTokenCap: null, dailyCostCapUsd: 2.5 } });

    const json = await cli(['budgets', 'export', '--workspace', 'w.atw', '--format', 'json']);
    expect(json.stderr).toBe('');
    expect(json.code).toBe(0);
    const doc = JSON.parse(json.stdout) as { schema: string; agents: Array<{ agentId: string; dailyCostCapUsd: number | null; dailyTokenCap: number | null }> };
    expect(doc.schema).toBe('agent-triage/budgets@1');
    expect(doc.agents.map((a) => a.agentId).sort()).toEqual([ids['Nightly "Ledger": #1'], ids['Refund Triage Bot']].sort());

    const yaml = await cli(['budgets', 'export', '--workspace', 'w.atw', '--format', 'litellm', '--out', 'budgets.yaml']);
    expect(yaml.stderr).toBe('');
    expect(yaml.code).toBe(0);
    expect(yaml.stdout).toMatch(/^Exported the budgets of w to .*budgets\.yaml \(litellm, \d+ bytes\)\.\n$/);
    const exported = parse(readFileSync(tmp.file('budgets.yaml'), 'utf8')) as { agents: Array<{ name: string; requests: Array<{ path: string; body: Record<string, unknown> }> }> };
    expect(exported.agents.map((a) => a.name)).toEqual(['Nightly "Ledger": #1', 'Refund Triage Bot']);
    expect(exported.agents[1]!.requests[0]).toMatchObject({ path: '/team/new', body: { team_alias: 'Refund Triage Bot', max_budget: 20, budget_duration: '1d' } });
    expect(readdirSync(tmp.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);

    const asJson = await cli(['budgets', 'export', '--workspace', 'w.atw', '--format', 'litellm', '--json']);
    expect(asJson.json()).toMatchObject({ ok: true, value: { content: expect.stringContaining('litellm_config:') } });
  });
});
