import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backendErrorOf } from '../../testing/backend-errors';
import { deeplyNested, prototypesUntouched, TEN_MEGABYTES, withProtoKeys } from '../iam-hostile-input';
import { looksLikeGcpAssetIamPolicies, readGcpAssetIamPolicies } from './gcp-asset-iam-policies';
import { looksLikeGcpIamPolicy, readGcpIamPolicy } from './gcp-iam-policy';
import { gcpPermissionAccess } from './gcp-roles';

const fixture = (name: string): unknown => JSON.parse(readFileSync(join(__dirname, 'fixtures', name), 'utf8'));
const SA = 'serviceAccount:support-agent@acme-prod.iam.gserviceaccount.com';

describe('readGcpIamPolicy', () => {
  const facts = readGcpIamPolicy('policy.json', fixture('project-iam-policy.json'));

  it('takes the project from members and custom roles when the export does not name it', () => {
    expect(facts.scope).toBe('acme-prod');
    expect(readGcpIamPolicy('p.json', fixture('project-iam-policy.json'), { scope: 'given' }).scope).toBe('given');
    expect(readGcpIamPolicy('p.json', { bindings: [{ role: 'roles/viewer', members: ['user:a@b.c'] }], etag: 'x' }).scope).toBe('');
  });

  it('counts what a person checks against the console', () => {
    expect(facts.counts).toMatchObject({ bindings: 10, conditionalBindings: 1, roles: 10 });
    expect(facts.counts['members']).toBe(8);
  });

  it('keeps every member kind, deleted accounts and federated principal sets', () => {
    const kinds = Object.fromEntries(facts.principals.map((principal) => [principal.key, principal.kind]));
    expect(kinds[SA]).toBe('service-account');
    expect(kinds['group:ml-platform@acme.example']).toBe('group');
    expect(kinds['domain:acme.example']).toBe('domain');
    expect(kinds['allAuthenticatedUsers']).toBe('public');
    const deleted = facts.principals.find((principal) => principal.key.startsWith('deleted:'))!;
    expect(deleted).toMatchObject({ kind: 'service-account', name: 'old-bot@acme-prod.iam.gserviceaccount.com', attributes: { deleted: 'true', uid: '112233445566778899' } });
    expect(facts.principals.find((principal) => principal.key.startsWith('principalSet://'))?.kind).toBe('group');
  });

  it('makes a project-level grant reach every resource of the service', () => {
    const bigquery = facts.dataSources.find((source) => source.key === 'gcp:acme-prod:bigquery:*')!;
    expect(bigquery).toMatchObject({ kind: 'service-wide', wildcard: true, service: 'bigquery', name: 'every BigQuery dataset in project acme-prod' });
    const grant = facts.grants.find((g) => g.principalKey === SA && g.dataSourceKey === bigquery.key)!;
    expect(grant.access).toBe('read');
    expect(grant.actions).toContain('bigquery.tables.getData');
    expect(grant.riskClasses).toContain('data-exfiltration');
    expect(grant.via).toMatchObject({ statement: 'roles/bigquery.dataViewer', policyKey: 'gcp-iam-policy:acme-prod#bindings[0]' });
    expect(JSON.parse(grant.via.text)).toMatchObject({ role: 'roles/bigquery.dataViewer' });
  });

  it('marks a conditional binding conditional and does not call it infrastructure modification', () => {
    const storage = facts.grants.find((g) => g.principalKey === SA && g.dataSourceKey === 'gcp:acme-prod:storage:*')!;
    expect(storage.conditional).toBe(true);
    expect(storage.access).toBe('permissions-management');
    expect(storage.actions[0]).toBe('storage.objects.setIamPolicy');
    expect(storage.riskClasses).not.toContain('infrastructure-modification');
  });

  it('flags secret access as credentials exposure and owner as privilege escalation', () => {
    const secrets = facts.grants.find((g) => g.principalKey === 'group:ml-platform@acme.example' && g.dataSourceKey === 'gcp:acme-prod:secretmanager:*')!;
    expect(secrets.riskClasses).toEqual(expect.arrayContaining(['data-exfiltration', 'credentials-exposure']));
    const ownerRisks = facts.risks.filter((risk) => risk.principalKey === 'user:dana@acme.example').map((risk) => risk.riskClass);
    expect(ownerRisks).toEqual(expect.arrayContaining(['privilege-escalation', 'resource-exposure', 'infrastructure-modification']));
  });

  it('turns project-level token creation into impersonation of every service account', () => {
    const trust = facts.trusts.find((t) => t.trustedKey === 'group:ml-platform@acme.example')!;
    expect(trust).toMatchObject({ principalKey: 'serviceAccount:*@acme-prod.iam.gserviceaccount.com', trustedKind: 'group', openToAnyone: false });
    expect(facts.principals.find((p) => p.key === trust.principalKey)?.attributes['wildcard']).toBe('true');
    expect(facts.risks.some((r) => r.principalKey === 'group:ml-platform@acme.example' && r.riskClass === 'credentials-exposure')).toBe(true);
  });

  it('warns about an unknown predefined role and a custom role, and still grades them from their names', () => {
    expect(facts.warnings.some((w) => w.includes('roles/discoveryengine.editor'))).toBe(true);
    expect(facts.warnings.some((w) => w.includes('projects/acme-prod/roles/agentRunner'))).toBe(true);
    const unknown = facts.grants.find((g) => g.via.statement === 'roles/discoveryengine.editor')!;
    expect(unknown).toMatchObject({ access: 'write', actions: ['roles/discoveryengine.editor'], dataSourceKey: 'gcp:acme-prod:*:*' });
  });

  it('reads a custom role the file lists itself', () => {
    const facts = readGcpIamPolicy('p.json', {
      bindings: [{ role: 'projects/p1/roles/reader', members: ['user:a@b.c'] }],
      roles: [{ name: 'projects/p1/roles/reader', includedPermissions: ['storage.objects.get', 'storage.objects.list'] }],
    });
    expect(facts.warnings).toEqual([]);
    expect(facts.grants[0]).toMatchObject({ dataSourceKey: 'gcp:p1:storage:*', access: 'read' });
  });

  it('flags a public member as resource exposure', () => {
    const grant = facts.grants.find((g) => g.principalKey === 'allAuthenticatedUsers')!;
    expect(grant.riskClasses).toEqual(expect.arrayContaining(['resource-exposure', 'data-exfiltration']));
    expect(facts.risks.some((r) => r.principalKey === 'allAuthenticatedUsers' && r.riskClass === 'resource-exposure')).toBe(true);
  });

  it('reads an empty policy', () => {
    const facts = readGcpIamPolicy('p.json', { etag: 'ACAB', version: 1 });
    expect(facts.grants).toEqual([]);
    expect(facts.counts['bindings']).toBe(0);
  });

  it('names the JSON path of a wrong shape', () => {
    expect(backendErrorOf(() => readGcpIamPolicy('p.json', { bindings: 'roles/owner' })).message).toMatch(/^p\.json: bindings: expected a list, found text\. Export it again/);
    expect(backendErrorOf(() => readGcpIamPolicy('p.json', { bindings: [{ role: 'roles/viewer', members: [] }, { members: ['user:a@b.c'] }] })).message).toContain('bindings[1].role: is missing');
    expect(backendErrorOf(() => readGcpIamPolicy('p.json', { bindings: [{ role: 'roles/viewer', members: ['user:a@b.c', 7] }] })).message).toContain('bindings[0].members[1]: expected text');
    expect(backendErrorOf(() => readGcpIamPolicy('p.json', { bindings: [{ role: 'roles/viewer', members: [], condition: 'x' }] })).message).toContain('bindings[0].condition: expected an object');
    expect(backendErrorOf(() => readGcpIamPolicy('p.json', [])).code).toBe('import-invalid');
  });

  it('survives hostile values', () => {
    const huge = readGcpIamPolicy('p.json', { bindings: [{ role: `roles/${TEN_MEGABYTES}`, members: [`user:${TEN_MEGABYTES}`, `serviceAccount:${TEN_MEGABYTES}`] }] });
    expect(huge.grants.every((grant) => grant.via.text.length <= 2000)).toBe(true);
    expect(huge.principals.every((principal) => principal.name.length <= 500)).toBe(true);
    const nested = readGcpIamPolicy('p.json', { bindings: [{ role: 'roles/viewer', members: ['user:a@b.c'], condition: deeplyNested(100_000) }] });
    expect(nested.grants.every((grant) => grant.conditional)).toBe(true);
    expect(backendErrorOf(() => readGcpIamPolicy('p.json', { bindings: [{ role: 'roles/viewer', members: deeplyNested(100_000) }] })).code).toBe('import-invalid');
    const proto = withProtoKeys('{"__proto__":{"polluted":1},"bindings":[{"__proto__":{"role":"roles/owner"},"role":"roles/viewer","members":["user:__proto__"]}]}');
    const facts = readGcpIamPolicy('p.json', proto);
    expect(facts.grants.every((grant) => grant.via.statement === 'roles/viewer')).toBe(true);
    expect(() => readGcpIamPolicy('p.json', { bindings: [{ role: '__proto__', members: ['user:a'] }, { role: 'constructor', members: ['toString'] }] })).not.toThrow();
    expect(prototypesUntouched()).toBe(true);
  });
});

describe('looksLikeGcpIamPolicy', () => {
  it('tells a project policy from other exports', () => {
    expect(looksLikeGcpIamPolicy(fixture('project-iam-policy.json'))).toBe(true);
    expect(looksLikeGcpIamPolicy({ etag: 'ACAB', version: 1 })).toBe(true);
    expect(looksLikeGcpIamPolicy(fixture('asset-iam-policies.json'))).toBe(false);
    expect(looksLikeGcpIamPolicy(fixture('service-accounts.json'))).toBe(false);
    expect(looksLikeGcpIamPolicy(JSON.parse(readFileSync(join(__dirname, '../azure/fixtures/role-assignments.json'), 'utf8')))).toBe(false);
    expect(looksLikeGcpIamPolicy(JSON.parse(readFileSync(join(__dirname, '../kubernetes/fixtures/rbac-list.json'), 'utf8')))).toBe(false);
    expect(looksLikeGcpIamPolicy({ UserDetailList: [], RoleDetailList: [] })).toBe(false);
    expect(looksLikeGcpIamPolicy(null)).toBe(false);
  });
});

describe('readGcpAssetIamPolicies', () => {
  const facts = readGcpAssetIamPolicies('assets.json', fixture('asset-iam-policies.json'));

  it('makes each searched resource a concrete data source', () => {
    const bucket = facts.dataSources.find((source) => source.key === '//storage.googleapis.com/acme-public-assets')!;
    expect(bucket).toMatchObject({ kind: 'bucket', wildcard: false, service: 'storage' });
    const secret = facts.dataSources.find((source) => source.kind === 'secret')!;
    expect(secret.key).toBe('//secretmanager.googleapis.com/projects/123456789012/secrets/openai-api-key');
    expect(facts.dataSources.find((source) => source.kind === 'dataset')?.scope).toBe('acme-prod');
    expect(facts.dataSources.some((source) => source.kind === 'topic')).toBe(true);
  });

  it('flags allUsers on a bucket and keeps the conditional secret grant conditional', () => {
    const open = facts.grants.find((g) => g.principalKey === 'allUsers')!;
    expect(open.riskClasses).toEqual(expect.arrayContaining(['resource-exposure', 'data-exfiltration']));
    const secret = facts.grants.find((g) => g.dataSourceKey.includes('openai-api-key'))!;
    expect(secret).toMatchObject({ conditional: true, access: 'read' });
    expect(secret.riskClasses).toContain('credentials-exposure');
    expect(secret.riskClasses).not.toContain('data-exfiltration');
  });

  it('reads service account impersonation as trust', () => {
    const trusts = facts.trusts.filter((t) => t.principalKey === SA);
    expect(trusts.map((t) => t.trustedKey).sort()).toEqual(['serviceAccount:deployer@acme-build.iam.gserviceaccount.com', 'user:ci-runner@acme.example']);
    expect(trusts.find((t) => t.trustedKind === 'service-account')?.foreignAccount).toBe(true);
    expect(facts.grants.some((g) => g.dataSourceKey.startsWith('//iam.googleapis.com'))).toBe(false);
  });

  it('keeps bucket convenience members as groups', () => {
    expect(facts.principals.find((p) => p.key === 'projectOwner:acme-prod')).toMatchObject({ kind: 'group', name: 'owners of project acme-prod' });
    expect(facts.counts).toMatchObject({ policies: 5, bindings: 6 });
  });

  it('accepts the API shape {results:[...]} and names paths in it', () => {
    expect(readGcpAssetIamPolicies('a.json', { results: fixture('asset-iam-policies.json') }).grants.length).toBe(facts.grants.length);
    expect(backendErrorOf(() => readGcpAssetIamPolicies('a.json', { results: [{ resource: '//x', policy: { bindings: [{}] } }] })).message).toContain('results[0].policy.bindings[0].role: is missing');
    expect(backendErrorOf(() => readGcpAssetIamPolicies('a.json', 'x')).code).toBe('import-invalid');
  });

  it('is told apart from a project policy', () => {
    expect(looksLikeGcpAssetIamPolicies(fixture('asset-iam-policies.json'))).toBe(true);
    expect(looksLikeGcpAssetIamPolicies(fixture('project-iam-policy.json'))).toBe(false);
    expect(looksLikeGcpAssetIamPolicies(fixture('service-accounts.json'))).toBe(false);
  });
});

describe('gcpPermissionAccess', () => {
  it('grades a permission by its verb', () => {
    expect(gcpPermissionAccess('storage.objects.list')).toBe('list');
    expect(gcpPermissionAccess('bigquery.tables.getData')).toBe('read');
    expect(gcpPermissionAccess('secretmanager.versions.access')).toBe('read');
    expect(gcpPermissionAccess('storage.buckets.setIamPolicy')).toBe('permissions-management');
    expect(gcpPermissionAccess('storage.objects.delete')).toBe('write');
    expect(gcpPermissionAccess('storage.buckets.createTagBinding')).toBe('tagging');
  });
});
