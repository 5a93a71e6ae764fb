import { readFileSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { testEngine } from './test-engine';

let env: Awaited<ReturnType<typeof testEngine>>;
afterEach(async () => env?.close());

describe('engine dispatch', () => {
  it('rejects input that does not match the schema with a typed error, and writes nothing', async () => {
    env = await testEngine();
    await env.call('createWorkspace', { path: env.tmp.file('w.atw') });
    const bad = await env.engine.dispatch('createAgent', { draft: { name: '', owner: { name: 'x', email: 'not-an-email' } } }, { actor: '', via: 'test' });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.error.code).toBe('invalid-input');
    expect(bad.error.message).toMatch(/createAgent at draft\.name/);
    expect(bad.error.details).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'draft.owner.email' })]));
    expect((await env.call('listAgents', {})).workspaceTotal).toBe(0);
    // The error is plain data: it survives JSON (HTTP) and structured clone (IPC).
    expect(JSON.parse(JSON.stringify(bad))).toEqual(bad);
  });

  it('answers an unknown method and a missing workspace with clear errors', async () => {
    env = await testEngine();
    const unknown = await env.engine.dispatch('dropTables', {}, { actor: '', via: 'test' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
    await expect(env.call('listAgents', {})).rejects.toMatchObject({ code: 'no-workspace' });
  });

  it('fills the actor from the person set in the app for the audit log', async () => {
    env = await testEngine();
    await env.call('createWorkspace', { path: env.tmp.file('w.atw') });
    await env.call('setActor', { actor: 'Grace Hopper' });
    const agent = await env.call('createAgent', { draft: { name: 'ledger-bot' } });
    const [entry] = await env.call('agentAudit', { id: agent.id });
    expect(entry).toMatchObject({ actor: 'Grace Hopper', via: 'test', field: 'created', after: 'ledger-bot' });
  });

  it('keeps the current workspace open when another file fails to open', async () => {
    env = await testEngine();
    await env.call('createWorkspace', { path: env.tmp.file('good.atw') });
    writeFileSync(env.tmp.file('bad.atw'), 'definitely not sqlite, just text in a file');
    await expect(env.call('openWorkspace', { path: env.tmp.file('bad.atw') })).rejects.toMatchObject({ code: 'workspace-corrupt' });
    expect((await env.call('currentWorkspace', {}))?.name).toBe('good');
    expect(readFileSync(env.tmp.file('bad.atw'), 'utf8')).toBe('definitely not sqlite, just text in a file');
  });

  it('creating over an existing file is refused unless overwrite was confirmed, and never replaces the open workspace', async () => {
    env = await testEngine();
    await env.call('createWorkspace', { path: env.tmp.file('a.atw') });
    await env.call('createAgent', { draft: { name: 'kept' } });
    await env.call('createWorkspace', { path: env.tmp.file('b.atw') });
    await expect(env.call('createWorkspace', { path: env.tmp.file('a.atw') })).rejects.toMatchObject({ code: 'conflict' });
    await expect(env.call('createWorkspace', { path: env.tmp.file('b.atw'), overwrite: true })).rejects.toMatchObject({ code: 'conflict' });
    const replaced = await env.call('createWorkspace', { path: env.tmp.file('a.atw'), overwrite: true });
    expect(replaced.agentCount).toBe(0);
  });

  it('a file that fails to open does not cancel the import running in the current workspace', async () => {
    env = await testEngine();
    await env.call('createWorkspace', { path: env.tmp.file('good.atw') });
    const rows = Array.from({ length: 3000 }, (_, i) => `agent-${i},confirmed,user`);
    const csv = Buffer.from(['name,status,trigger', ...rows].join('\n')).toString('base64');
    const { jobId } = await env.startFileImport({ fileName: 'many.csv', contentBase64: csv });
    writeFileSync(env.tmp.file('bad.atw'), 'not a database at all, only text');
    await expect(env.call('openWorkspace', { path: env.tmp.file('bad.atw') })).rejects.toMatchObject({ code: 'workspace-corrupt' });
    expect((await env.finished(jobId)).state).toBe('succeeded');
    expect((await env.call('listAgents', {})).workspaceTotal).toBe(3000);
  });

  it('Save As switches to the copy and both appear in the recent list', async () => {
    env = await testEngine();
    await env.call('createWorkspace', { path: env.tmp.file('a.atw') });
    await env.call('createAgent', { draft: { name: 'one' } });
    const copy = await env.call('saveWorkspaceAs', { path: env.tmp.file('b.atw') });
    expect([copy.name, copy.agentCount]).toEqual(['b', 1]);
    expect((await env.call('recentWorkspaces', {})).map((r) => r.name)).toEqual(['b', 'a']);
  });
});

describe('first launch', () => {
  it('opens the demo engagement with agents in mixed states, then reopens the last workspace', async () => {
    env = await testEngine({ openLastWorkspace: true });
    const ws = await env.call('currentWorkspace', {});
    expect(ws).toMatchObject({ isDemo: true, agentCount: 15 });
    const list = await env.call('listAgents', {});
    const statuses = new Set(list.rows.map((r) => r.status));
    expect(statuses).toEqual(new Set(['confirmed', 'candidate', 'retired', 'dismissed']));
    expect(list.rows.filter((r) => r.ownerName === null).length).toBeGreaterThanOrEqual(3);
    expect(list.rows.filter((r) => r.flags.includes('review-stale')).length).toBeGreaterThanOrEqual(3);
    expect(list.rows.filter((r) => r.flags.includes('owner-is-team')).length).toBeGreaterThanOrEqual(2);
    expect(list.rows.filter((r) => r.completeness.filled === 7).length).toBeGreaterThanOrEqual(3);
  });
});
