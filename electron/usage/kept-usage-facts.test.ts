import { writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { LITELLM_COLUMNS, writeLiteLlmSpendCsv } from '../../bench/generate-usage-logs';
import { createAgent, updateAgent } from '../agents/agents-repository';
import { runImport } from '../imports/run-import';
import { inlineJobContext } from '../jobs/job-context';
import { tempDir } from '../store/test-workspace';
import { createWorkspaceFile, openWorkspaceFile, type Workspace } from '../store/workspace-file';
import { agentUsages } from './usage-agents';
import { usageKeys } from './usage-keys';

let tmp: ReturnType<typeof tempDir> | undefined;
const open: Workspace[] = [];
afterEach(() => {
  open.splice(0).forEach((w) => w.close());
  tmp?.cleanup();
  tmp = undefined;
});

const author = { actor: 'test', via: 'test' } as const;
const reopen = () => {
  const ws = openWorkspaceFile(tmp!.file('w.atw'));
  open.push(ws);
  return ws;
};
const kept = (ws: Workspace) => ws.db.prepare('SELECT name FROM usage_fact_cache ORDER BY name').all().map((r) => (r as { name: string }).name);

/** A workspace with two registry agents and 2,000 LiteLLM calls tagged with agent names, imported by the import job. */
async function importedUsage(): Promise<{ ws: Workspace; ids: string[] }> {
  tmp = tempDir('atw-kept-usage-');
  const ws = createWorkspaceFile(tmp.file('w.atw'));
  open.push(ws);
  const ids = ['agent-00', 'agent-01'].map((name) => createAgent(ws.db, { name }, author));
  writeLiteLlmSpendCsv(tmp.file('spend.csv'), 2_000);
  await runImport(inlineJobContext(ws, author), { files: [{ fileName: 'spend.csv', path: tmp.file('spend.csv') }], mode: 'apply', skipRows: {} });
  return { ws, ids };
}

describe('usage facts kept in the workspace', () => {
  it('are summarised by the usage import, and a new process (the app after a restart, the CLI) reads them', async () => {
    const { ids } = await importedUsage();
    const first = reopen();
    expect(kept(first)).toEqual(['agent-usage-facts', 'usage-keys']);
    const spent = agentUsages(first.db).get(ids[0]!)!;
    expect(spent.totals.totalTokens).toBeGreaterThan(0);
    // Read, not recomputed: a marker in the kept facts is what the next process shows.
    const row = first.db.prepare("SELECT value FROM usage_fact_cache WHERE name = 'agent-usage-facts'").get() as { value: string };
    const facts = JSON.parse(row.value) as { totals: Array<[string, { totals: { totalTokens: number } }]> };
    facts.totals.find(([id]) => id === ids[0])![1].totals.totalTokens = 4242;
    first.db.prepare("UPDATE usage_fact_cache SET value = ? WHERE name = 'agent-usage-facts'").run(JSON.stringify(facts));
    expect(agentUsages(reopen().db).get(ids[0]!)!.totals.totalTokens).toBe(4242);
  });

  it('are computed again when usage changes or an agent is renamed, never shown stale', async () => {
    const { ws, ids } = await importedUsage();
    const marked = (db: Workspace['db']) => db.prepare("UPDATE usage_fact_cache SET value = '[]' WHERE name = 'usage-keys'").run();
    marked(ws.db);
    updateAgent(ws.db, ids[1]!, { name: 'Invoice Chaser v2' }, author);
    const keys = usageKeys(reopen().db);
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.flatMap((k) => k.agents.map((a) => a.name))).toContain('Invoice Chaser v2');

    const before = agentUsages(reopen().db).get(ids[0]!)!.totals.totalTokens;
    const at = '2026-10-20T10:00:00.000Z';
    const call = `req-new,acompletion,kx,0.001,300,200,100,${at},${at},${at},gpt-4o-mini,gpt-4o-mini,gpt-4o-mini,openai,,u,"{""spend_logs_metadata"":{""agent_id"":""agent-00""}}",False,,[],team,,,s1,success`;
    writeFileSync(tmp!.file('more.csv'), `${LITELLM_COLUMNS.join(',')}\n${call}\n`);
    await runImport(inlineJobContext(ws, author), { files: [{ fileName: 'more.csv', path: tmp!.file('more.csv') }], mode: 'apply', skipRows: {} });
    expect(agentUsages(reopen().db).get(ids[0]!)!.totals.totalTokens).toBeGreaterThan(before);
  });

  it('an import into a workspace without usage keeps nothing', async () => {
    tmp = tempDir('atw-kept-usage-none-');
    const ws = createWorkspaceFile(tmp.file('w.atw'));
    open.push(ws);
    writeFileSync(tmp.file('registry.csv'), 'name,owner\nlonely,Ana\n');
    await runImport(inlineJobContext(ws, author), { files: [{ fileName: 'registry.csv', path: tmp.file('registry.csv') }], mode: 'apply', skipRows: {} });
    expect(kept(ws)).toEqual([]);
  });
});
