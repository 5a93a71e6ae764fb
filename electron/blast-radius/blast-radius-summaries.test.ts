import { writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { generateAwsOrganisation } from '../../bench/generate-iam-org';
import { BackendError } from '../../shared/errors';
import { createAgent, updateAgent } from '../agents/agents-repository';
import { runImport } from '../imports/run-import';
import { inlineJobContext, type JobContext } from '../jobs/job-context';
import { tempDir } from '../store/test-workspace';
import { createWorkspaceFile, openWorkspaceFile, type Workspace } from '../store/workspace-file';
import { writeTransaction } from '../store/write-transaction';
import { blastRadiusOf } from './blast-radius';
import { blastRadiusSummaryOf } from './blast-radius-summaries';

let tmp: ReturnType<typeof tempDir> | undefined;
const open: Workspace[] = [];
afterEach(() => {
  open.splice(0).forEach((w) => w.close());
  tmp?.cleanup();
  tmp = undefined;
});

const author = { actor: 'test', via: 'test' } as const;

/** A workspace with 60 agents, each holding a role of a generated organisation, and the organisation's export on disk (not yet imported). */
function agentsAwaitingTheirOrganisation(): { ws: Workspace; orgPath: string; ids: string[] } {
  tmp = tempDir('atw-kept-summaries-');
  const ws = createWorkspaceFile(tmp.file('w.atw'));
  open.push(ws);
  const org = generateAwsOrganisation({ roles: 120, statements: 500, dataSources: 80, seed: 11 });
  writeFileSync(tmp.file('org.json'), org.json);
  const roles = org.roleArns.map((arn) => arn.split('/').at(-1)!);
  const ids = writeTransaction(ws.db, () => Array.from({ length: 60 }, (_, i) => createAgent(ws.db, { name: `agent-${i}`, credentials: [`IAM role ${roles[i * 2]}`] }, author)));
  return { ws, orgPath: tmp.file('org.json'), ids };
}

const importOrganisation = (ctx: JobContext, path: string) => runImport(ctx, { files: [{ fileName: 'org-authorization-details.json', path }], mode: 'apply', skipRows: {} });

const keptRows = (ws: Workspace) => (ws.db.prepare('SELECT COUNT(*) AS n FROM blast_radius_summaries').get() as { n: number }).n;

function withProgress(ws: Workspace, cancelAfter = Infinity): JobContext & { messages: string[] } {
  const messages: string[] = [];
  let checks = 0;
  return {
    ...inlineJobContext(ws, author),
    messages,
    progress: (_done, _total, message) => void messages.push(message),
    throwIfCancelled: () => {
      if (messages.some((m) => m.startsWith('Working out')) && ++checks > cancelAfter) throw new BackendError('cancelled', 'Cancelled.');
    },
  };
}

describe('what each agent can reach, kept in the workspace', () => {
  it('is worked out by the IAM import, with progress, and a new connection (a restart, the CLI) reads it instead of walking again', async () => {
    const { ws, orgPath, ids } = agentsAwaitingTheirOrganisation();
    const ctx = withProgress(ws);
    await importOrganisation(ctx, orgPath);
    expect(ctx.messages.at(-1)).toBe('Working out what each agent can reach: 60 of 60 agents');
    expect(keptRows(ws)).toBe(60);

    const reopened = openWorkspaceFile(tmp!.file('w.atw'));
    open.push(reopened);
    const agent = ids[7]!;
    const walked = blastRadiusOf(reopened.db, agent);
    expect(blastRadiusSummaryOf(reopened.db, agent).dataSources).toBe(new Set(walked.paths.map((p) => p.dataSourceKey)).size);
    // Proof that it is read, not walked: a kept summary with a marker is what the new connection shows.
    const kept = JSON.parse((reopened.db.prepare('SELECT summary FROM blast_radius_summaries WHERE agent_id = ?').get(ids[3]) as { summary: string }).summary);
    reopened.db.prepare('UPDATE blast_radius_summaries SET summary = ? WHERE agent_id = ?').run(JSON.stringify({ ...kept, dataSources: 4242 }), ids[3]);
    const third = openWorkspaceFile(tmp!.file('w.atw'));
    open.push(third);
    expect(blastRadiusSummaryOf(third.db, ids[3]!).dataSources).toBe(4242);
  });

  it('is never shown stale: a renamed agent, another credential or a new import is walked again', async () => {
    const { ws, orgPath, ids } = agentsAwaitingTheirOrganisation();
    await importOrganisation(inlineJobContext(ws, author), orgPath);
    const marked = (id: string) => {
      const kept = JSON.parse((ws.db.prepare('SELECT summary FROM blast_radius_summaries WHERE agent_id = ?').get(id) as { summary: string }).summary);
      ws.db.prepare('UPDATE blast_radius_summaries SET summary = ? WHERE agent_id = ?').run(JSON.stringify({ ...kept, dataSources: 4242 }), id);
    };
    const fresh = () => {
      const reader = openWorkspaceFile(tmp!.file('w.atw'));
      open.push(reader);
      return reader;
    };
    marked(ids[0]!);
    marked(ids[1]!);
    marked(ids[2]!);
    updateAgent(ws.db, ids[0]!, { name: 'renamed' }, author);
    updateAgent(ws.db, ids[1]!, { credentials: ['IAM role nothing-of-this-name'] }, author);
    const reader = fresh();
    expect(blastRadiusSummaryOf(reader.db, ids[0]!).dataSources).not.toBe(4242);
    expect(blastRadiusSummaryOf(reader.db, ids[1]!).gaps[0]).toMatch(/No cloud identity is linked/);
    expect(blastRadiusSummaryOf(reader.db, ids[2]!).dataSources).toBe(4242);
    // Importing the organisation again (a new export of it) changes the identity graph: nothing kept is shown.
    await importOrganisation(inlineJobContext(ws, author), orgPath);
    expect(blastRadiusSummaryOf(fresh().db, ids[2]!).dataSources).not.toBe(4242);
  });

  it('a cancel while it is worked out keeps the import and what was finished; the rest is walked when read', async () => {
    const { ws, orgPath, ids } = agentsAwaitingTheirOrganisation();
    const records = await importOrganisation(withProgress(ws, 5), orgPath);
    expect(records.value).toHaveLength(1);
    expect((ws.db.prepare('SELECT COUNT(*) AS n FROM iam_principals').get() as { n: number }).n).toBeGreaterThan(100);
    expect(keptRows(ws)).toBe(0);
    const reader = openWorkspaceFile(tmp!.file('w.atw'));
    open.push(reader);
    const walked = blastRadiusOf(reader.db, ids[9]!);
    expect(blastRadiusSummaryOf(reader.db, ids[9]!).worstPaths).toEqual(walked.paths.slice(0, 5));
  });

  it('a usage or registry import leaves the identity graph as it was: nothing is walked again', async () => {
    const { ws, orgPath } = agentsAwaitingTheirOrganisation();
    await importOrganisation(inlineJobContext(ws, author), orgPath);
    writeFileSync(tmp!.file('registry.csv'), 'name,owner\nagent-new,Ana\n');
    const ctx = withProgress(ws);
    await runImport(ctx, { files: [{ fileName: 'registry.csv', path: tmp!.file('registry.csv') }], mode: 'apply', skipRows: {} });
    // Only the new agent was worked out.
    expect(ctx.messages.filter((m) => m.startsWith('Working out')).at(-1)).toBe('Working out what each agent can reach: 1 of 1 agents');
  });
});
