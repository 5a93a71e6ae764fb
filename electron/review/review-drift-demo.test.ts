import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayIso } from '../../shared/registry';
import { testEngine } from '../api/test-engine';
import { buildDemoWorkspace } from '../demo/demo-workspace';
import { resourcesDir } from '../resources-dir';

const AGENT = 'KYC Document Reviewer';
const AUTH_DETAILS = 'aws-prod-authorization-details.json';

/** The demo's AWS export again, with one more inline policy: the KYC role may now write to a new bucket. */
function exportGrantingWrite(bucket: string): { fileName: string; contentBase64: string } {
  const details = JSON.parse(readFileSync(join(resourcesDir(), 'demo', 'iam', AUTH_DETAILS), 'utf8')) as {
    RoleDetailList: Array<{ RoleName: string; RolePolicyList: unknown[] }>;
  };
  const role = details.RoleDetailList.find((r) => r.RoleName === 'kyc-reviewer-lambda')!;
  role.RolePolicyList.push({
    PolicyName: 'kyc-exports-writer',
    PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['s3:PutObject'], Resource: [`arn:aws:s3:::${bucket}/*`] }] },
  });
  return { fileName: AUTH_DETAILS, contentBase64: Buffer.from(JSON.stringify(details)).toString('base64') };
}

/** Review and drift through the engine, on a real demo workspace file. */
describe('markReviewed and agentDrift on the demo', () => {
  let env: Awaited<ReturnType<typeof testEngine>>;
  let agentId = '';
  let workspace = '';

  beforeAll(async () => {
    env = await testEngine();
    workspace = env.tmp.file('demo.atw');
    await buildDemoWorkspace(workspace, resourcesDir());
    await env.call('openWorkspace', { path: workspace });
    const list = await env.call('listAgents', { text: AGENT });
    agentId = list.rows.find((r) => r.name === AGENT)!.id;
  }, 120_000);
  afterAll(() => env.close());

  it('says an agent never reviewed has no baseline', async () => {
    expect(await env.call('agentDrift', { agentId })).toEqual({ agentId, lastReview: null, changes: [], spend: null, reviewCount: 0 });
  });

  it('marks reviewed: sets last reviewed to today through the registry, audits it, and keeps a snapshot with no drift', async () => {
    const drift = await env.call('markReviewed', { agentId, note: 'Quarterly review with Daniel' });
    expect(drift).toMatchObject({ lastReview: { by: 'tester', note: 'Quarterly review with Daniel' }, changes: [], reviewCount: 1 });
    expect((await env.call('getAgent', { id: agentId })).lastReviewed).toBe(todayIso());
    const audit = await env.call('agentAudit', { id: agentId });
    expect(audit).toContainEqual(expect.objectContaining({ field: 'review', after: 'marked reviewed: Quarterly review with Daniel', actor: 'tester', via: 'test' }));
    expect(audit).toContainEqual(expect.objectContaining({ field: 'lastReviewed', after: todayIso() }));

    const db = new Database(workspace, { readonly: true });
    try {
      const row = db.prepare('SELECT reviewed_by, snapshot FROM agent_reviews WHERE agent_id = ?').get(agentId) as { reviewed_by: string; snapshot: string };
      const snapshot = JSON.parse(row.snapshot) as { v: number; credentials: Array<{ key: string }>; dataAccess: Array<{ key: string; writes: boolean }> };
      expect(row.reviewed_by).toBe('tester');
      expect(snapshot.v).toBe(1);
      expect(snapshot.credentials.map((c) => c.key)).toContain('registry:IAM role kyc-reviewer-lambda');
      expect(snapshot.dataAccess.some((d) => d.key.startsWith('cloud:'))).toBe(true);
    } finally {
      db.close();
    }
  });

  it('lists new write access once a re-imported IAM export grants the agent’s role write on a new bucket', async () => {
    const job = await env.finished((await env.call('startImport', { files: [exportGrantingWrite('nw-kyc-exports-2026')] })).jobId);
    expect(job.state).toBe('succeeded');
    const drift = await env.call('agentDrift', { agentId });
    expect(drift.changes[0]).toMatchObject({ kind: 'write-access', change: 'added', severity: 'high', detail: expect.stringContaining('nw-kyc-exports-2026') });
    expect(drift.changes.every((c) => !(c.kind === 'write-access' && c.change === 'removed'))).toBe(true);
    expect(drift.lastReview?.note).toBe('Quarterly review with Daniel');
  });

  it('takes a new baseline when marked reviewed again, keeping every review', async () => {
    const drift = await env.call('markReviewed', { agentId, note: '' });
    expect(drift).toMatchObject({ changes: [], reviewCount: 2, lastReview: { note: '' } });
    // Same day: the registry date does not change again, but the review itself is in the audit log.
    const reviews = (await env.call('agentAudit', { id: agentId })).filter((e) => e.field === 'review');
    expect(reviews.map((e) => e.after)).toEqual(['marked reviewed', 'marked reviewed: Quarterly review with Daniel']);
  });

  it('refuses an unknown agent with a clear not-found error, writing nothing', async () => {
    await expect(env.call('markReviewed', { agentId: 'no-such-agent', note: '' })).rejects.toMatchObject({ code: 'not-found', message: expect.stringContaining('No agent with id no-such-agent') });
    await expect(env.call('agentDrift', { agentId: 'no-such-agent' })).rejects.toMatchObject({ code: 'not-found' });
    await expect(env.call('markReviewed', { agentId: '', note: '' })).rejects.toMatchObject({ code: 'invalid-input' });
    await expect(env.call('markReviewed', { agentId, note: 'x'.repeat(2001) })).rejects.toMatchObject({ code: 'invalid-input' });
  });
});
