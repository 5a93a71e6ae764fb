import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { testEngine } from '../api/test-engine';
import { resourcesDir } from '../resources-dir';

type Env = Awaited<ReturnType<typeof testEngine>>;
let env: Env;
afterEach(async () => env?.close());

const demoIam = (name: string) => ({ fileName: name, contentBase64: readFileSync(join(resourcesDir(), 'demo', 'iam', name)).toString('base64') });
const AUTH = 'aws-prod-authorization-details.json';
const KYC_BUCKET = 'arn:aws:s3:::nw-kyc-documents';

/** The demo engagement, which imports its IAM exports through the pipeline when it is built. */
async function demo(): Promise<Env> {
  env = await testEngine();
  await env.call('openDemoWorkspace', { reset: true });
  return env;
}

async function agentNamed(name: string): Promise<string> {
  const { rows } = await env.call('listAgents', { text: name });
  const agent = rows.find((r) => r.name === name);
  if (!agent) throw new Error(`no demo agent ${name}`);
  return agent.id;
}

async function reimportAuthorizationDetails(): Promise<void> {
  const job = await env.finished((await env.call('startImport', { files: [demoIam(AUTH)] })).jobId);
  expect(job.state, JSON.stringify(job.error)).toBe('succeeded');
}

describe('blast radius on the demo engagement', () => {
  it('follows the role the registry names to the data it can reach, worst first, each path with its statement', async () => {
    await demo();
    const radius = await env.call('blastRadius', { agentId: await agentNamed('KYC Document Reviewer') });
    expect(radius.gaps).toEqual([]);
    const kyc = radius.paths.find((p) => p.dataSourceKey === KYC_BUCKET)!;
    expect(kyc).toMatchObject({ credential: 'IAM role kyc-reviewer-lambda', principals: ['kyc-reviewer-lambda'], sensitivity: 'restricted', access: 'read' });
    expect(kyc.via[0]).toMatchObject({ policy: expect.stringMatching(/kyc/), statement: expect.any(String), text: expect.stringContaining('s3:GetObject') });
    // Restricted production data with write access comes before anything less.
    expect(radius.paths[0]).toMatchObject({ sensitivity: 'restricted', environment: 'prod', access: 'write' });
    const kinds = new Set(radius.nodes.map((n) => n.kind));
    expect([...kinds].sort()).toEqual(['agent', 'credential', 'data-source', 'principal']);
    expect(radius.edges.find((e) => e.kind === 'grants' && e.target === `data-source:${KYC_BUCKET}`)).toMatchObject({ access: 'read' });
  });

  it('an administrator role reaches every imported data source through the account-wide wildcard', async () => {
    await demo();
    const radius = await env.call('blastRadius', { agentId: await agentNamed('Infra Cost Optimiser') });
    const reached = new Set(radius.paths.map((p) => p.dataSourceKey));
    expect(reached).toContain(KYC_BUCKET);
    expect(radius.paths.find((p) => p.dataSourceKey === KYC_BUCKET)).toMatchObject({ access: 'permissions-management', via: [expect.objectContaining({ policy: 'AdministratorAccess' })] });
    expect(radius.nodes.some((n) => n.flags.includes('wildcard'))).toBe(true);
  });

  it('the reverse view lists every agent that can reach a data source, and how', async () => {
    await demo();
    const reverse = await env.call('whoCanReach', { dataSourceKey: KYC_BUCKET });
    expect(reverse.focus).toMatchObject({ kind: 'data-source', key: KYC_BUCKET });
    const agents = new Set(reverse.paths.map((p) => p.agentName));
    expect(agents).toEqual(new Set(['KYC Document Reviewer', 'Infra Cost Optimiser']));
    expect(reverse.paths.every((p) => p.dataSourceKey === KYC_BUCKET)).toBe(true);
    // Principals that hold a grant without an agent are in the graph too (people, break-glass users).
    expect(reverse.nodes.filter((n) => n.kind === 'principal').map((n) => n.label)).toEqual(expect.arrayContaining(['kyc-reviewer-lambda', 'break-glass-admin']));
  });

  it('says why a graph is empty instead of drawing nothing', async () => {
    await demo();
    const radius = await env.call('blastRadius', { agentId: await agentNamed('Marketing Copy Generator') });
    expect(radius.paths).toEqual([]);
    expect(radius.gaps[0]).toMatch(/No cloud identity is linked to Marketing Copy Generator/);
  });

  it('a person links and unlinks identities; decisions win over automatic links, are audited, and survive a re-import', async () => {
    await demo();
    const agentId = await agentNamed('Marketing Copy Generator');
    const principals = await env.call('listPrincipals', { text: 'analytics-etl-dev' });
    const role = principals.find((p) => p.name === 'analytics-etl-dev')!;
    let links = await env.call('linkCredential', { agentId, principalKey: role.key, reason: 'runs as this role (checked with the team)' });
    expect(links.links).toEqual([expect.objectContaining({ principalKey: role.key, how: 'person', reason: expect.stringMatching(/linked by tester .*checked with the team/) })]);
    await reimportAuthorizationDetails();
    expect((await env.call('credentialLinks', { agentId })).links.map((l) => l.principalKey)).toEqual([role.key]);

    // An automatic link overruled by a person stays overruled after a re-import.
    const kycAgent = await agentNamed('KYC Document Reviewer');
    const kycLinks = await env.call('credentialLinks', { agentId: kycAgent });
    const automatic = kycLinks.links.find((l) => l.how === 'registry')!;
    links = await env.call('unlinkCredential', { agentId: kycAgent, principalKey: automatic.principalKey, reason: 'the registry is out of date' });
    expect(links.links.map((l) => l.principalKey)).not.toContain(automatic.principalKey);
    await reimportAuthorizationDetails();
    expect((await env.call('credentialLinks', { agentId: kycAgent })).links.map((l) => l.principalKey)).not.toContain(automatic.principalKey);
    const audit = await env.call('agentAudit', { id: kycAgent });
    expect(audit[0]).toMatchObject({ field: `cloud identity ${automatic.principalKey}`, after: 'unlinked: the registry is out of date', actor: 'tester' });
  });

  it('flags an identity held by two agents as shared, with the other holder', async () => {
    await demo();
    const kyc = await agentNamed('KYC Document Reviewer');
    const other = await agentNamed('Support Reply Drafter');
    const key = (await env.call('credentialLinks', { agentId: kyc })).links[0]!.principalKey;
    await env.call('linkCredential', { agentId: other, principalKey: key, reason: 'uses the KYC role for lookups' });
    const link = (await env.call('credentialLinks', { agentId: kyc })).links.find((l) => l.principalKey === key)!;
    expect(link.sharedWith).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'agent', name: 'Support Reply Drafter', agentId: other })]));
    const radius = await env.call('blastRadius', { agentId: kyc });
    expect(radius.nodes.find((n) => n.kind === 'credential')!.flags).toContain('shared-credential');
  });

  it('suggests identities whose names match the agent, with the reason', async () => {
    await demo();
    const agentId = await agentNamed('Chargeback Evidence Collector');
    const { suggestions } = await env.call('credentialLinks', { agentId });
    expect(suggestions[0]).toMatchObject({ principalName: 'dispute-evidence-collector', reason: expect.stringMatching(/shares .*"evidence", "collector" with the agent name "Chargeback Evidence Collector"/) });
  });

  it('a person classifies a data source over the rules; it is audited and survives a re-import', async () => {
    await demo();
    const before = (await env.call('listDataSources', { text: 'nw-kyc-documents' })).find((d) => d.key === KYC_BUCKET)!;
    expect(before).toMatchObject({ sensitivity: 'restricted', classifiedBy: 'rule', because: expect.stringMatching(/kyc/) });
    const after = await env.call('classifyDataSource', { key: KYC_BUCKET, environment: 'prod' });
    expect(after).toMatchObject({ environment: 'prod', sensitivity: 'restricted', classifiedBy: 'person' });
    await reimportAuthorizationDetails();
    const kept = (await env.call('listDataSources', { environment: 'prod' })).find((d) => d.key === KYC_BUCKET)!;
    expect(kept).toMatchObject({ environment: 'prod', classifiedBy: 'person', agentCount: 2 });
    const radius = await env.call('blastRadius', { agentId: await agentNamed('KYC Document Reviewer') });
    expect(radius.paths.find((p) => p.dataSourceKey === KYC_BUCKET)!.environment).toBe('prod');
    expect((await env.call('classifyDataSource', { key: KYC_BUCKET, environment: null })).classifiedBy).toBe('rule');
  });

  it('the dossier carries the blast-radius summary the agent page and the report read', async () => {
    await demo();
    const dossier = await env.call('agentDossier', { id: await agentNamed('KYC Document Reviewer') });
    expect(dossier.blastRadius.dataSources).toBeGreaterThan(2);
    expect(dossier.blastRadius.worstPaths[0]).toMatchObject({ sensitivity: 'restricted' });
    expect(dossier.blastRadius.bySensitivity.find((s) => s.sensitivity === 'restricted')!.count).toBeGreaterThan(0);
    expect(dossier.credentials.links.map((l) => l.principalName)).toContain('kyc-reviewer-lambda');
  });
});
