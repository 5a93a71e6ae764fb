import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BackendError } from '../../shared/errors';
import { createAgent, getAgentRecord } from '../agents/agents-repository';
import { workspaceDigest } from '../fuzz/workspace-snapshot';
import { runImport } from '../imports/run-import';
import { cancelledError, inlineJobContext, type JobContext } from '../jobs/job-context';
import { auditOf } from '../store/audit-log';
import { ROWS_PER_INSERT } from '../store/insert-rows';
import { tempDir } from '../store/test-workspace';
import { createWorkspaceFile, type Workspace } from '../store/workspace-file';

/**
 * Registry imports larger than one multi-row INSERT: new agents are written a batch at a time,
 * and the import must still be all or nothing, in file order, with one audit row per agent.
 */
const dana = { actor: 'dana', via: 'cli' };
const HEADER = 'name,status,trigger,data access,credentials,owner,owner email,last reviewed';

const rowOf = (i: number) => `agent-${i},confirmed,cron: 0 ${i % 24} * * *,db.t${i}:write;s3://exports-${i} (read),KEY_${i};SHARED_KEY,Person ${i},p${i}@corp.example,2026-01-0${1 + (i % 9)}`;

const csvOf = (rows: string[]) => ({ fileName: 'agents.csv', contentBase64: Buffer.from([HEADER, ...rows].join('\n')).toString('base64') });

const count = (ws: Workspace, table: string) => (ws.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;

function context(ws: Workspace, options: { cancelAtCheck?: number } = {}): { ctx: JobContext; progress: Array<[number, number, string]>; checks: () => number } {
  const progress: Array<[number, number, string]> = [];
  let checks = 0;
  const ctx: JobContext = {
    ...inlineJobContext(ws, dana),
    progress: (done, total, message) => progress.push([done, total, message]),
    throwIfCancelled: () => {
      checks++;
      if (options.cancelAtCheck !== undefined && checks >= options.cancelAtCheck) throw cancelledError();
    },
  };
  return { ctx, progress, checks: () => checks };
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

describe('a registry import of more rows than one batch', () => {
  let tmp: ReturnType<typeof tempDir>;
  let ws: Workspace;
  beforeEach(() => {
    tmp = tempDir('atw-registry-batches-');
    ws = createWorkspaceFile(tmp.file('w.atw'));
  });
  afterEach(() => {
    ws.close();
    tmp.cleanup();
  });

  it('1,001 rows with row 1,000 invalid write nothing and name row 1,000', async () => {
    const rows = Array.from({ length: 1_001 }, (_, i) => rowOf(i));
    // Row 1,000 of the sheet (the header is row 1) is the 999th data row.
    rows[998] = rows[998]!.replace('2026-01-0', '2026-02-3');
    const before = workspaceDigest(ws.db);
    const error = await refusal(runImport(context(ws).ctx, { files: [csvOf(rows)], mode: 'apply', skipRows: {} }));
    expect(error.code).toBe('import-invalid');
    expect(error.message).toBe('agents.csv has 1 problem in 1 row; nothing was imported. Fix them, or choose to skip those rows, and import again.');
    expect(error.details).toEqual([{ row: 1000, column: 'last reviewed', message: expect.stringMatching(/^"2026-02-3\d" is not a real calendar date; expected YYYY-MM-DD\.$/) }]);
    expect(workspaceDigest(ws.db)).toBe(before);
  });

  it('1,001 valid rows become 1,001 agents with their lists, one audit row each, in file order', async () => {
    const rows = Array.from({ length: 1_001 }, (_, i) => rowOf(i));
    const recorded = context(ws);
    const [record] = (await runImport(recorded.ctx, { files: [csvOf(rows)], mode: 'apply', skipRows: {} })).value;
    expect(record!.counts).toMatchObject({ rows: 1_001, created: 1_001, updated: 0 });
    expect(count(ws, 'agents')).toBe(1_001);
    expect(count(ws, 'agent_data_access')).toBe(2_002);
    expect(count(ws, 'agent_credentials')).toBe(2_002);

    const agents = ws.db.prepare('SELECT id, name FROM agents ORDER BY rowid').all() as Array<{ id: string; name: string }>;
    expect(agents.map((a) => a.name)).toEqual(rows.map((_, i) => `agent-${i}`));
    const last = getAgentRecord(ws.db, agents[1_000]!.id);
    expect(last).toMatchObject({
      name: 'agent-1000',
      status: 'confirmed',
      trigger: { kind: 'cron', schedule: '0 16 * * *' },
      dataAccess: [
        { source: 'db.t1000', access: 'write' },
        { source: 's3://exports-1000', access: 'read' },
      ],
      credentials: ['KEY_1000', 'SHARED_KEY'],
      owner: { name: 'Person 1000', email: 'p1000@corp.example' },
      lastReviewed: '2026-01-02',
    });

    // The import's own audit row, then one "created" row per agent in file order, by the importer.
    const audit = ws.db.prepare('SELECT entity, entity_id, field, before, after, actor, via FROM audit_log ORDER BY id').all() as Array<Record<string, string | null>>;
    expect(audit).toHaveLength(1_002);
    expect(audit[0]).toMatchObject({ entity: 'import', field: 'imported' });
    expect(audit.slice(1).map((a) => a.entity_id)).toEqual(agents.map((a) => a.id));
    expect(audit.slice(1).every((a) => a.field === 'created' && a.before === null && a.actor === 'dana' && a.via === 'cli')).toBe(true);
    expect(auditOf(ws.db, 'agent', agents[1_000]!.id)[0]!.after).toBe(
      [
        'agent-1000',
        'status: confirmed',
        'trigger: cron (0 16 * * *)',
        'dataAccess: db.t1000:write; s3://exports-1000:read',
        'credentials: KEY_1000; SHARED_KEY',
        'owner: Person 1000 <p1000@corp.example>',
        'lastReviewed: 2026-01-02',
      ].join('\n'),
    );

    // Progress reaches every row, naming the last one.
    expect(recorded.progress.at(-1)).toEqual([1_001, 1_001, 'Importing row 1002 of agents.csv']);
  });

  it('creates between updates keep the file’s order in the audit log', async () => {
    const kept = createAgent(ws.db, { name: 'agent-1', status: 'confirmed' }, dana);
    const changed = createAgent(ws.db, { name: 'agent-150', status: 'candidate' }, dana);
    const rows = Array.from({ length: 2 * ROWS_PER_INSERT + 5 }, (_, i) => rowOf(i));
    await runImport(context(ws).ctx, { files: [csvOf(rows)], mode: 'apply', skipRows: {} });

    const audit = ws.db.prepare(`SELECT entity_id, field FROM audit_log WHERE entity = 'agent' ORDER BY id`).all() as Array<{ entity_id: string; field: string }>;
    const nameOf = new Map((ws.db.prepare('SELECT id, name FROM agents').all() as Array<{ id: string; name: string }>).map((a) => [a.id, a.name]));
    const imported = audit.slice(2).map((a) => `${nameOf.get(a.entity_id)} ${a.field}`);
    // agent-1 and agent-150 existed: agent-1 changes its trigger and more, agent-150 too; each in its place in the file.
    expect(imported.indexOf('agent-1 trigger')).toBeGreaterThan(imported.indexOf('agent-0 created'));
    expect(imported.indexOf('agent-1 trigger')).toBeLessThan(imported.indexOf('agent-2 created'));
    expect(imported.indexOf('agent-150 status')).toBeGreaterThan(imported.indexOf('agent-149 created'));
    expect(imported.indexOf('agent-150 status')).toBeLessThan(imported.indexOf('agent-151 created'));
    expect(imported.filter((a) => a.endsWith(' created'))).toEqual(rows.map((_, i) => `agent-${i} created`).filter((a) => a !== 'agent-1 created' && a !== 'agent-150 created'));
    expect(getAgentRecord(ws.db, kept).trigger).toEqual({ kind: 'cron', schedule: '0 1 * * *' });
    expect(getAgentRecord(ws.db, changed).status).toBe('confirmed');
    expect(count(ws, 'agents')).toBe(rows.length);
  });

  it('a cancel while the batches are written leaves the workspace as it was', async () => {
    const rows = Array.from({ length: 3 * ROWS_PER_INSERT + 1 }, (_, i) => rowOf(i));
    const probe = context(ws);
    const probeTmp = tempDir('atw-registry-batches-probe-');
    const probeWs = createWorkspaceFile(probeTmp.file('p.atw'));
    await runImport({ ...probe.ctx, workspace: probeWs }, { files: [csvOf(rows)], mode: 'apply', skipRows: {} });
    probeWs.close();
    probeTmp.cleanup();
    const checks = probe.checks();
    const before = workspaceDigest(ws.db);
    // The last checks are the ones between batches and after the apply: cancel at each.
    for (let n = checks - 5; n <= checks; n++) {
      const error = await refusal(runImport(context(ws, { cancelAtCheck: n }).ctx, { files: [csvOf(rows)], mode: 'apply', skipRows: {} }));
      expect(error.code, `cancel at check ${n}`).toBe('cancelled');
      expect(workspaceDigest(ws.db), `cancel at check ${n}`).toBe(before);
    }
  });
});
