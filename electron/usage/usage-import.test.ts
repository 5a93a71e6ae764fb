import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BackendError } from '../../shared/errors';
import { createAgent } from '../agents/agents-repository';
import { agentDossier } from '../dossier/agent-dossier';
import { confirmCandidate, dismissCandidate, getCandidate, listCandidates, reopenCandidate } from '../discovery/discovery-repository';
import { workspaceDigest } from '../fuzz/workspace-snapshot';
import { cancelledError, inlineJobContext } from '../jobs/job-context';
import { runImport, type ImportFileInput } from '../imports/run-import';
import { resourcesDir } from '../resources-dir';
import { tempDir } from '../store/test-workspace';
import { createWorkspaceFile, type Workspace } from '../store/workspace-file';
import { ensureAttribution } from './attribution';
import { setPersonPrice } from './model-prices';
import { budgetOfAgent, setBudget } from './usage-agents';
import { recostAll } from './usage-costing';
import { mapUsageKey } from './usage-decisions';
import { usageKeys } from './usage-keys';
import { usageOverview } from './usage-overview';
import { usageTotals } from './usage-queries';

const alice = { actor: 'alice', via: 'test' };
const DEMO = join(resourcesDir(), 'demo', 'usage');
const OPENAI = 'openai-usage-completions-2026-11.json';
const ANTHROPIC = 'anthropic-usage-report-2026-11.json';
const ANTHROPIC_COST = 'anthropic-cost-report-2026-11.json';
const LITELLM = 'litellm-spend-logs-2026-11-21-to-30.csv';
const demoFile = (name: string): ImportFileInput => ({ fileName: name, path: join(DEMO, name) });
const upload = (fileName: string, text: string): ImportFileInput => ({ fileName, contentBase64: Buffer.from(text, 'utf8').toString('base64') });
const noAdvisories = () => [];

async function importFiles(ws: Workspace, files: ImportFileInput[], mode: 'apply' | 'preview' = 'apply') {
  return (await runImport(inlineJobContext(ws, alice), { files, mode, skipRows: {} })).value;
}

async function refusal(promise: Promise<unknown>): Promise<BackendError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof BackendError) return error;
    throw error;
  }
  throw new Error('expected the import to be refused');
}

const sum = (values: number[]) => values.reduce((n, v) => n + v, 0);

/** The demo exports' own totals, read from the files here with JSON.parse and a plain split: not through the importers. */
function inputTotals() {
  const openAi = (JSON.parse(readFileSync(join(DEMO, OPENAI), 'utf8')) as Array<{ data: Array<{ results: Array<Record<string, number | string>> }> }>).flatMap((p) => p.data.flatMap((b) => b.results));
  const openAiPrices: Record<string, [number, number, number]> = {
    'gpt-4o-2024-08-06': [2.5, 1.25, 10],
    'gpt-4.1-mini-2025-04-14': [0.4, 0.1, 1.6],
    'gpt-4o-mini-2024-07-18': [0.15, 0.075, 0.6],
    'o3-2025-04-16': [2, 0.5, 8],
  };
  const openAiCost = sum(
    openAi.map((r) => {
      const [input, cached, output] = openAiPrices[r.model as string]!;
      const cachedTokens = r.input_cached_tokens as number;
      return (((r.input_tokens as number) - cachedTokens) * input + cachedTokens * cached + (r.output_tokens as number) * output) / 1e6;
    }),
  );
  const anthropic = (JSON.parse(readFileSync(join(DEMO, ANTHROPIC), 'utf8')) as { data: Array<{ results: Array<{ uncached_input_tokens: number; cache_read_input_tokens: number; output_tokens: number; cache_creation: Record<string, number> }> }> }).data.flatMap((b) => b.results);
  const bill = (JSON.parse(readFileSync(join(DEMO, ANTHROPIC_COST), 'utf8')) as { data: Array<{ results: Array<{ amount: string }> }> }).data.flatMap((b) => b.results);
  const csv = readFileSync(join(DEMO, LITELLM), 'utf8').trim().split('\n');
  const header = csv[0]!.split(',');
  // The demo's metadata cells hold commas, so read only the leading numeric columns by position.
  const rows = csv.slice(1).map((line) => line.split(','));
  const column = (name: string) => header.indexOf(name);
  return {
    openai: { tokens: sum(openAi.map((r) => (r.input_tokens as number) + (r.output_tokens as number))), requests: sum(openAi.map((r) => r.num_model_requests as number)), cost: openAiCost },
    anthropic: {
      tokens: sum(anthropic.map((r) => r.uncached_input_tokens + r.cache_read_input_tokens + r.output_tokens + r.cache_creation.ephemeral_5m_input_tokens! + r.cache_creation.ephemeral_1h_input_tokens!)),
      cost: sum(bill.map((b) => Number(b.amount) / 100)),
    },
    litellm: { tokens: sum(rows.map((r) => Number(r[column('prompt_tokens')]) + Number(r[column('completion_tokens')]))), cost: sum(rows.map((r) => Number(r[column('spend')]))), rows: rows.length },
  };
}

const byLayer = (ws: Workspace) =>
  Object.fromEntries(
    (
      ws.db
        .prepare(`SELECT layer || ':' || provider AS k, SUM(input_tokens + cached_input_tokens + cache_write_tokens + output_tokens) AS tokens, TOTAL(cost_usd) AS cost, SUM(requests) AS requests, COUNT(*) AS n FROM usage_rows GROUP BY layer, provider`)
        .all() as Array<{ k: string; tokens: number; cost: number; requests: number; n: number }>
    ).map((r) => [r.k, r]),
  );

describe('usage imports on a real workspace', () => {
  let tmp: ReturnType<typeof tempDir>;
  let ws: Workspace;
  beforeEach(() => {
    tmp = tempDir('atw-usage-');
    ws = createWorkspaceFile(tmp.file('w.atw'));
  });
  afterEach(() => {
    ws.close();
    tmp.cleanup();
  });

  it('stores exactly the input totals per provider, in tokens and cost (the bill where there is one)', async () => {
    await importFiles(ws, [demoFile(OPENAI), demoFile(ANTHROPIC), demoFile(ANTHROPIC_COST), demoFile(LITELLM)]);
    const expected = inputTotals();
    const stored = byLayer(ws);
    expect(stored['provider:openai']!.tokens).toBe(expected.openai.tokens);
    expect(stored['provider:openai']!.requests).toBe(expected.openai.requests);
    expect(stored['provider:openai']!.cost).toBeCloseTo(expected.openai.cost, 6);
    expect(stored['provider:anthropic']!.tokens).toBe(expected.anthropic.tokens);
    expect(stored['provider:anthropic']!.cost).toBeCloseTo(expected.anthropic.cost, 6);
    expect(stored['gateway:openai']!.tokens).toBe(expected.litellm.tokens);
    expect(stored['gateway:openai']!.cost).toBeCloseTo(expected.litellm.cost, 6);
    expect(stored['gateway:openai']!.n).toBe(expected.litellm.rows);
    // The bill beside the same rows at list prices: the demo's bill is 8% under list.
    const [bill] = usageOverview(ws.db, {}).billed;
    expect(bill).toMatchObject({ provider: 'anthropic', currency: 'USD', from: '2026-11-02', to: '2026-11-30', unpricedModels: [] });
    expect(bill!.amount).toBeCloseTo(expected.anthropic.cost, 6);
    expect(bill!.listPriceUsd).toBeCloseTo(bill!.amount / 0.92, 1);
    // Every row is in exactly one group of the agent view: totals by agent add up to the total.
    const byAgent = usageTotals(ws.db, 'agent', {});
    expect(sum(byAgent.groups.map((g) => g.totalTokens))).toBe(byAgent.total.totalTokens);
    expect(byAgent.total.totalTokens).toBe(expected.openai.tokens + expected.anthropic.tokens + expected.litellm.tokens);
  });

  it('attributes by tag, by the key a registry credential names, by a person, and leaves the rest unattributed', async () => {
    const disputes = createAgent(ws.db, { name: 'Dispute Resolution Assistant', credentials: ['OPENAI_API_KEY (disputes, key_2mX9dRkD4qLw)'] }, alice);
    const drafter = createAgent(ws.db, { name: 'Support Reply Drafter' }, alice);
    const bot = createAgent(ws.db, { name: 'Collections Reminder Bot' }, alice);
    await importFiles(ws, [demoFile(OPENAI), demoFile(LITELLM)]);
    const rowsOf = (where: string, ...args: unknown[]) => ws.db.prepare(`SELECT agent_id, attribution, COUNT(*) AS n FROM usage_rows WHERE ${where} GROUP BY agent_id, attribution`).all(...args);
    expect(rowsOf(`key_id = 'key_2mX9dRkD4qLw'`)).toEqual([{ agent_id: disputes, attribution: 'key', n: 30 }]);
    expect(rowsOf(`agent_tag = 'support-reply-drafter'`)).toEqual([expect.objectContaining({ agent_id: drafter, attribution: 'tag' })]);
    expect(rowsOf(`agent_tag = 'collections-reminder-bot'`)).toEqual([expect.objectContaining({ agent_id: bot, attribution: 'tag' })]);
    expect(rowsOf(`key_id = 'key_7HqZv3unkn2P'`)).toEqual([expect.objectContaining({ agent_id: null, attribution: 'unattributed' })]);

    // A person maps the unaccounted key: its rows are theirs; a call's own agent tag still wins over a key mapping.
    mapUsageKey(ws.db, 'openai', 'key_7HqZv3unkn2P', { agentId: disputes, application: false }, alice);
    const sharedKey = (ws.db.prepare(`SELECT key_id FROM usage_rows WHERE agent_tag = 'collections-reminder-bot' LIMIT 1`).get() as { key_id: string }).key_id;
    mapUsageKey(ws.db, 'openai', sharedKey, { agentId: null, application: true }, alice);
    ensureAttribution(ws.db);
    expect(rowsOf(`key_id = 'key_7HqZv3unkn2P'`)).toEqual([expect.objectContaining({ agent_id: disputes, attribution: 'person' })]);
    expect(rowsOf(`agent_tag = 'collections-reminder-bot'`)).toEqual([expect.objectContaining({ agent_id: bot, attribution: 'tag' })]);
    expect(rowsOf(`key_id = ? AND agent_tag IS NULL`, sharedKey)).toEqual([expect.objectContaining({ agent_id: null, attribution: 'application' })]);
    // A tag naming no registered agent is a ghost's, not the application's.
    expect(rowsOf(`agent_tag = 'invoice-chaser'`)).toEqual([expect.objectContaining({ agent_id: null, attribution: 'unattributed' })]);
    const shared = usageKeys(ws.db).find((k) => k.keyId === sharedKey)!;
    expect(shared.sharedWithApplication).toBe(true);
    expect(shared.agents.map((a) => a.id)).toEqual([bot]);
    // The dossier carries it for the 48-hour checklist: the bot's key is also the application's.
    expect(agentDossier(ws.db, bot, noAdvisories).usage.keysSharedWithApplication).toEqual([`openai:${sharedKey}`]);
    expect(agentDossier(ws.db, drafter, noAdvisories).usage.keysSharedWithApplication).toEqual([]);
    // Tagged calls: all of the bot's tokens; the key-mapped agent's: none.
    expect(agentDossier(ws.db, bot, noAdvisories).usage.taggedShare).toBe(1);
    expect(agentDossier(ws.db, disputes, noAdvisories).usage.taggedShare).toBe(0);

    // Deleting the agent leaves its usage visible as unattributed, never folded elsewhere.
    ws.db.prepare('DELETE FROM agents WHERE id = ?').run(disputes);
    ensureAttribution(ws.db);
    expect(rowsOf(`key_id = 'key_2mX9dRkD4qLw'`)).toEqual([{ agent_id: null, attribution: 'unattributed', n: 30 }]);
    const byAgent = usageTotals(ws.db, 'agent', {});
    expect(byAgent.groups.find((g) => g.key === null)!.label).toBe('Unattributed');
    expect(byAgent.groups.find((g) => g.key === '(application)')!.label).toBe('Application (not an agent)');
  });

  it('counts usage once: the same file twice, one page and then the whole export, overlapping spend logs', async () => {
    await importFiles(ws, [demoFile(OPENAI), demoFile(LITELLM)]);
    const once = byLayer(ws);
    const [again] = await importFiles(ws, [demoFile(OPENAI)]);
    expect(again!.counts['usage rows']).toBe(once['provider:openai']!.n);
    expect(byLayer(ws)).toEqual(once);

    // The first page saved on its own, imported after the whole export: its days are replaced, not added.
    const pages = JSON.parse(readFileSync(join(DEMO, OPENAI), 'utf8')) as unknown[];
    const [firstPage] = await importFiles(ws, [upload('page-1.json', JSON.stringify(pages[0]))]);
    expect(firstPage!.counts['taken over']).toBeGreaterThan(0);
    expect(byLayer(ws)).toEqual(once);

    // Two LiteLLM exports that overlap by 400 calls: each call once, whichever file holds it.
    const lines = readFileSync(join(DEMO, LITELLM), 'utf8').trim().split('\n');
    await importFiles(ws, [upload('spend-a.csv', [lines[0], ...lines.slice(1, 1001)].join('\n')), upload('spend-b.csv', [lines[0], ...lines.slice(601)].join('\n'))]);
    expect(byLayer(ws)).toEqual(once);

    // A re-export of the same days with other grouping supersedes the older buckets instead of doubling them.
    const regrouped = (pages as Array<{ data: Array<{ results: Array<Record<string, unknown>> }> }>).map((p) => ({
      ...p,
      data: p.data.map((b) => ({ ...b, results: b.results.map((r) => ({ ...r, project_id: null })) })),
    }));
    const [superseding] = await importFiles(ws, [upload('regrouped.json', JSON.stringify(regrouped))]);
    expect(superseding!.counts.superseded).toBeGreaterThan(0);
    expect(byLayer(ws)['provider:openai']!.tokens).toBe(once['provider:openai']!.tokens);

    // Another organisation's export of the same days (other keys and projects) is kept beside it.
    const otherOrganisation = (pages as Array<{ data: Array<{ results: Array<Record<string, unknown>> }> }>).map((p) => ({
      ...p,
      data: p.data.map((b) => ({ ...b, results: b.results.map((r) => ({ ...r, api_key_id: `other-${String(r.api_key_id)}`, project_id: `other-${String(r.project_id)}` })) })),
    }));
    const [other] = await importFiles(ws, [upload('other-organisation.json', JSON.stringify(otherOrganisation))]);
    expect(other!.counts.superseded).toBe(0);
    expect(byLayer(ws)['provider:openai']!.tokens).toBe(2 * once['provider:openai']!.tokens);

    // The same bill saved again (another file: other whitespace): its lines are held once, by the newest import.
    const [bill] = await importFiles(ws, [demoFile(ANTHROPIC_COST)]);
    const billLines = bill!.counts['cost lines']!;
    const [billAgain] = await importFiles(ws, [upload('bill-copy.json', JSON.stringify(JSON.parse(readFileSync(join(DEMO, ANTHROPIC_COST), 'utf8'))))]);
    expect(billAgain!.counts['taken over']).toBe(billLines);
    expect(ws.db.prepare('SELECT COUNT(*) AS n FROM usage_costs').get()).toEqual({ n: billLines });
  });

  it('refuses a file whose last row is wrong, naming the file and line, and writes nothing (preview and import alike)', async () => {
    const text = readFileSync(join(DEMO, LITELLM), 'utf8');
    const bad = `${text}chatcmpl-bad,acompletion,abc,0.1,-5,-5,0,2026-11-30T10:00:00Z,2026-11-30T10:00:01Z,,gpt-4o,,,openai,,,{},False,,[],,,,,success\n`;
    const path = join(tmp.dir, 'spend-bad.csv');
    writeFileSync(path, bad);
    await importFiles(ws, [demoFile(OPENAI)]);
    const before = workspaceDigest(ws.db);
    const error = await refusal(importFiles(ws, [{ fileName: 'spend-bad.csv', path }]));
    expect(error.message).toMatch(/^spend-bad\.csv at line 1863: /);
    expect(error.message).toMatch(/Nothing was imported\.$/);
    expect(workspaceDigest(ws.db)).toBe(before);
    const preview = await refusal(importFiles(ws, [{ fileName: 'spend-bad.csv', path }], 'preview'));
    expect(preview.message).toMatch(/^spend-bad\.csv at line 1863: /);
    expect(workspaceDigest(ws.db)).toBe(before);
  });

  it('a cancel while streaming leaves the workspace as it was', async () => {
    await importFiles(ws, [demoFile(OPENAI)]);
    const before = workspaceDigest(ws.db);
    let checks = 0;
    const ctx = {
      ...inlineJobContext(ws, alice),
      throwIfCancelled: () => {
        // Cancel once the spend log is being written: past reading, inside the transaction.
        if (ws.db.inTransaction && ++checks > 0) throw cancelledError();
      },
    };
    const error = await refusal(runImport(ctx, { files: [demoFile(LITELLM)], mode: 'apply', skipRows: {} }));
    expect(error.code).toBe('cancelled');
    expect(workspaceDigest(ws.db)).toBe(before);
  });

  it('turns keys and agent tags nobody accounts for into candidates; decisions on them map the key', async () => {
    await importFiles(ws, [demoFile(OPENAI), demoFile(ANTHROPIC), demoFile(LITELLM)]);
    const pending = listCandidates(ws.db, { decision: 'pending' }, noAdvisories).filter((c) => c.unit.kind === 'llm-usage');
    // Every key is unaccounted in an empty registry, except the shared LiteLLM key whose calls name agents (unknown ones: ghosts by tag).
    expect(pending.map((c) => c.identityKey)).toContain('usage-key:openai:key_7HqZv3unkn2P');
    expect(pending.map((c) => c.identityKey)).toContain('usage-agent:invoice-chaser');
    const candidate = getCandidate(ws.db, 'usage-key:openai:key_7HqZv3unkn2P', noAdvisories);
    expect(candidate.usage).toMatchObject({ provider: 'openai', keyId: 'key_7HqZv3unkn2P', models: ['gpt-4o-2024-08-06', 'o3-2025-04-16'], firstDay: '2026-11-18', lastDay: '2026-11-30', files: [OPENAI] });
    expect(candidate.usage!.costUsd).toBeGreaterThan(0);

    const agentId = confirmCandidate(ws.db, candidate.identityKey, alice, noAdvisories);
    ensureAttribution(ws.db);
    expect(ws.db.prepare(`SELECT DISTINCT agent_id, attribution FROM usage_rows WHERE key_id = 'key_7HqZv3unkn2P'`).all()).toEqual([{ agent_id: agentId, attribution: 'person' }]);
    expect(getCandidate(ws.db, candidate.identityKey, noAdvisories).decision).toBe('confirmed');
    // Reopened, it is pending again and still in the queue, though the agent made from it names the key now.
    reopenCandidate(ws.db, candidate.identityKey, alice, noAdvisories);
    expect(getCandidate(ws.db, candidate.identityKey, noAdvisories).decision).toBe('pending');
    confirmCandidate(ws.db, candidate.identityKey, alice, noAdvisories);

    dismissCandidate(ws.db, 'usage-key:anthropic:apikey_01Xq7Lmn84Zt9f2c', 'the data team notebook, not an agent', alice, noAdvisories);
    ensureAttribution(ws.db);
    expect(ws.db.prepare(`SELECT DISTINCT attribution FROM usage_rows WHERE key_id = 'apikey_01Xq7Lmn84Zt9f2c'`).all()).toEqual([{ attribution: 'application' }]);
    reopenCandidate(ws.db, 'usage-key:anthropic:apikey_01Xq7Lmn84Zt9f2c', alice, noAdvisories);
    ensureAttribution(ws.db);
    expect(ws.db.prepare(`SELECT DISTINCT attribution FROM usage_rows WHERE key_id = 'apikey_01Xq7Lmn84Zt9f2c'`).all()).toEqual([{ attribution: 'unattributed' }]);
    expect(ws.db.prepare(`SELECT field, before, after FROM audit_log WHERE entity = 'usage-key' ORDER BY id`).all()).toHaveLength(5);
  });

  it('shows an unknown model as price unknown, never zero, until a person prices it', async () => {
    const pages = JSON.parse(readFileSync(join(DEMO, OPENAI), 'utf8')) as Array<{ data: Array<{ results: Array<Record<string, unknown>> }> }>;
    pages[0]!.data[0]!.results[0]!.model = 'gpt-9-preview';
    const [record] = await importFiles(ws, [upload('usage.json', JSON.stringify(pages))]);
    expect(record!.warnings).toBe(1);
    const byModel = usageTotals(ws.db, 'model', {});
    const unknown = byModel.groups.find((g) => g.key === 'gpt-9-preview')!;
    expect(unknown.costUsd).toBe(0);
    expect(unknown.unpricedTokens).toBe(unknown.totalTokens);
    expect(byModel.total.unpricedModels).toEqual(['gpt-9-preview']);
    setPersonPrice(ws.db, { model: 'gpt-9-preview', inputPerMTok: 10, cachedInputPerMTok: 5, cacheWritePerMTok: 0, cacheWrite1hPerMTok: 0, outputPerMTok: 40, takenOn: '2026-12-01', source: 'vendor quote' }, alice);
    recostAll(ws.db);
    const priced = usageTotals(ws.db, 'model', {}).groups.find((g) => g.key === 'gpt-9-preview')!;
    expect(priced.unpricedTokens).toBe(0);
    expect(priced.costUsd).toBeCloseTo((priced.inputTokens * 10 + priced.cachedInputTokens * 5 + priced.outputTokens * 40) / 1e6, 9);
  });

  it('shows the days over a daily cap and projects the month at the recent rate', async () => {
    const agentId = createAgent(ws.db, { name: 'Dispute Resolution Assistant', credentials: ['key_2mX9dRkD4qLw'] }, alice);
    const pages = JSON.parse(readFileSync(join(DEMO, OPENAI), 'utf8')) as Array<{ data: unknown[] }>;
    // The first page alone: 1 to 15 November, so the month is half over.
    await importFiles(ws, [upload('first-half.json', JSON.stringify({ ...pages[0], has_more: false, next_page: null }))]);
    setBudget(ws.db, agentId, { dailyTokenCap: 4_000_000, dailyCostCapUsd: null }, alice);
    const daily = ws.db.prepare(`SELECT day, SUM(input_tokens + cached_input_tokens + cache_write_tokens + output_tokens) AS t, TOTAL(cost_usd) AS c FROM usage_rows WHERE agent_id = ? GROUP BY day ORDER BY day`).all(agentId) as Array<{ day: number; t: number; c: number }>;
    const budget = budgetOfAgent(ws.db, agentId);
    expect(budget.daysOverCap.map((d) => d.day)).toEqual(daily.filter((d) => d.t > 4_000_000).map((d) => new Date(d.day * 86_400_000).toISOString().slice(0, 10)));
    expect(budget.daysOverCap.length).toBeGreaterThan(0);
    const spent = sum(daily.map((d) => d.c));
    const lastWeek = sum(daily.slice(-7).map((d) => d.c)) / 7;
    expect(budget.month).toMatchObject({ month: '2026-11' });
    expect(budget.month!.spentUsd).toBeCloseTo(spent, 9);
    expect(budget.month!.projectedUsd).toBeCloseTo(spent + lastWeek * 15, 9);
  });
});
