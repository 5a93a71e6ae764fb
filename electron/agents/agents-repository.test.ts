import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AgentListQuery } from '../../shared/contract';
import { auditOf } from '../store/audit-log';
import { createAgent, createAgents, getAgentDetail, getAgentRecord, listAgents, updateAgent } from './agents-repository';
import { tempDir } from '../store/test-workspace';
import { createWorkspaceFile, type Workspace } from '../store/workspace-file';

const alice = { actor: 'alice', via: 'ui' };
let tmp: ReturnType<typeof tempDir>;
let ws: Workspace;
beforeEach(() => {
  tmp = tempDir();
  ws = createWorkspaceFile(tmp.file('w.atw'));
});
afterEach(() => {
  ws.close();
  tmp.cleanup();
});
const list = (q: Parameters<typeof AgentListQuery.parse>[0] = {}, today = '2026-06-01') => listAgents(ws.db, AgentListQuery.parse(q), today);

describe('agent registry store', () => {
  it('creates an agent with defaults and derives completeness and flags', () => {
    const id = createAgent(ws.db, { name: 'refund-agent' }, alice);
    const a = getAgentDetail(ws.db, id, '2026-06-01');
    expect(a.status).toBe('candidate');
    expect(a.completeness).toEqual({ filled: 1, total: 7, missing: ['trigger', 'dataAccess', 'credentials', 'owner', 'lastReviewed', 'rollback'] });
    expect(a.flags).toEqual(['no-owner', 'no-rollback']);
  });

  it('a complete record with a person owner scores 7/7; a team owner and an old review are flagged', () => {
    const id = createAgent(
      ws.db,
      {
        name: 'kyc-reviewer',
        trigger: { kind: 'cron', schedule: '0 6 * * *' },
        dataAccess: [{ source: 'customers-db', access: 'read' }],
        credentials: ['OPENAI_API_KEY'],
        owner: { name: 'Priya Nair', email: 'priya@fintech.example' },
        lastReviewed: '2026-05-01',
        rollback: { procedure: 'Disable the cron job', lastRehearsed: null },
      },
      alice,
    );
    expect(getAgentDetail(ws.db, id, '2026-06-01').completeness.filled).toBe(7);
    updateAgent(ws.db, id, { owner: { name: 'Platform Team', email: 'platform-team@fintech.example' }, lastReviewed: '2025-01-01' }, alice);
    const a = getAgentDetail(ws.db, id, '2026-06-01');
    expect(a.flags).toEqual(['owner-is-team', 'review-stale']);
    expect(a.completeness.missing).toEqual(['owner']);
  });

  it('records every changed field in the append-only audit log with who, before and after', () => {
    const id = createAgent(ws.db, { name: 'mailer', owner: { name: 'Sam Lee', email: 'sam@x.example' } }, alice);
    const changed = updateAgent(ws.db, id, { owner: { name: 'Ana Ruiz', email: 'ana@x.example' }, vendor: '' }, { actor: 'bob', via: 'cli' });
    expect(changed).toEqual(['owner']);
    const [latest] = auditOf(ws.db, 'agent', id);
    expect(latest).toMatchObject({ actor: 'bob', via: 'cli', field: 'owner', before: 'Sam Lee <sam@x.example>', after: 'Ana Ruiz <ana@x.example>' });
    expect(() => ws.db.prepare('UPDATE audit_log SET actor = ?').run('mallory')).toThrow(/append-only/);
    expect(() => ws.db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
  });

  it('an update that changes nothing writes no audit row', () => {
    const id = createAgent(ws.db, { name: 'same' }, alice);
    const before = auditOf(ws.db, 'agent', id).length;
    expect(updateAgent(ws.db, id, { name: 'same', dataAccess: [] }, alice)).toEqual([]);
    expect(auditOf(ws.db, 'agent', id).length).toBe(before);
  });

  it('creating many agents at once writes what creating them one by one writes', () => {
    const drafts = Array.from({ length: 250 }, (_, i) => ({
      name: `agent-${i}`,
      ...(i % 2 === 0 ? { status: 'confirmed' as const, owner: { name: `Person ${i}`, email: i % 4 === 0 ? '' : `p${i}@x.example` } } : {}),
      ...(i % 3 === 0 ? { dataAccess: Array.from({ length: i % 7 }, (_, k) => ({ source: `db.t${k}`, access: k % 2 ? ('read' as const) : ('write' as const) })) } : {}),
      ...(i % 5 === 0 ? { credentials: [`KEY_${i}`, 'SHARED'], notes: { Team: 'Payments', ['__proto__']: 'kept as a note' } } : {}),
    }));
    const other = createWorkspaceFile(tmp.file('one-by-one.atw'));
    try {
      const oneByOne = drafts.map((d) => createAgent(other.db, d, alice));
      const together = createAgents(ws.db, drafts, alice);
      const withoutTimes = ({ id: _id, createdAt: _c, updatedAt: _u, ...fields }: ReturnType<typeof getAgentRecord>) => fields;
      expect(together.map((id) => withoutTimes(getAgentRecord(ws.db, id)))).toEqual(oneByOne.map((id) => withoutTimes(getAgentRecord(other.db, id))));
      const audit = (db: Workspace['db'], ids: string[]) => ids.map((id) => auditOf(db, 'agent', id).map(({ field, before, after, actor, via }) => ({ field, before, after, actor, via })));
      expect(audit(ws.db, together)).toEqual(audit(other.db, oneByOne));
      // Rows land in the order given, as they would one by one.
      expect(ws.db.prepare('SELECT id FROM agents ORDER BY rowid').pluck().all()).toEqual(together);
      expect(ws.db.prepare(`SELECT entity_id FROM audit_log ORDER BY id`).pluck().all()).toEqual(together);
    } finally {
      other.close();
    }
  });

  it('updating an unknown agent is a not-found error and writes nothing', () => {
    expect(() => updateAgent(ws.db, 'missing', { name: 'x' }, alice)).toThrow(/No agent with id missing/);
    expect((ws.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n).toBe(0);
  });

  it('filters by text, status, trigger, owner and flags, and sorts', () => {
    createAgent(ws.db, { name: 'Beta', status: 'confirmed', trigger: { kind: 'cron', schedule: '@daily' }, owner: { name: 'Ana', email: 'ana@x.example' } }, alice);
    createAgent(ws.db, { name: 'alpha', status: 'candidate', description: 'reads 100% of tickets' }, alice);
    createAgent(ws.db, { name: 'Gamma', status: 'retired', rollback: { procedure: 'revert', lastRehearsed: null } }, alice);
    expect(list().rows.map((r) => r.name)).toEqual(['alpha', 'Beta', 'Gamma']);
    expect(list({ sort: 'name', direction: 'desc' }).rows.map((r) => r.name)).toEqual(['Gamma', 'Beta', 'alpha']);
    expect(list({ text: '100%' }).rows.map((r) => r.name)).toEqual(['alpha']);
    expect(list({ text: '_' }).rows).toEqual([]);
    expect(list({ statuses: ['confirmed', 'retired'] }).rows.map((r) => r.name)).toEqual(['Beta', 'Gamma']);
    expect(list({ triggers: ['cron'] }).rows.map((r) => r.name)).toEqual(['Beta']);
    expect(list({ owner: 'none' }).rows.map((r) => r.name)).toEqual(['alpha', 'Gamma']);
    expect(list({ owner: 'ana@x.example' }).rows.map((r) => r.name)).toEqual(['Beta']);
    expect(list({ flags: ['no-rollback'] }).rows.map((r) => r.name)).toEqual(['alpha', 'Beta']);
    expect(list({ flags: ['no-owner'] }).rows.map((r) => r.name)).toEqual(['alpha', 'Gamma']);
    expect(list({ flags: ['no-owner', 'no-rollback'] }).rows.map((r) => r.name)).toEqual(['alpha']);
    expect(list({ flags: ['no-owner'] }).rows.every((r) => r.flags[0] === 'no-owner')).toBe(true);
    // Agents without an owner stay last, also when sorting owners Z to A.
    expect(list({ sort: 'owner', direction: 'desc' }).rows.map((r) => r.ownerName)).toEqual(['Ana', null, null]);
    const r = list({ limit: 1, offset: 1 });
    expect([r.rows.length, r.total, r.workspaceTotal, r.owners]).toEqual([1, 3, 3, ['Ana']]);
  });
});
