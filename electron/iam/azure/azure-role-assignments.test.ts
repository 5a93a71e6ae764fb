import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backendErrorOf } from '../../testing/backend-errors';
import { deeplyNested, prototypesUntouched, TEN_MEGABYTES, withProtoKeys } from '../iam-hostile-input';
import { looksLikeAzureRoleAssignments, readAzureRoleAssignments } from './azure-role-assignments';
import { azureRoleAccess, builtInAzureRole } from './azure-roles';
import { parseAzureScope } from './azure-scope';

const fixture = (): unknown => JSON.parse(readFileSync(join(__dirname, 'fixtures', 'role-assignments.json'), 'utf8'));
const SUB = '6f1c2a3b-4d5e-4f60-8a9b-0c1d2e3f4a5b';
const AGENT = 'c0ffee00-1234-4abc-9def-0123456789ab';

describe('readAzureRoleAssignments', () => {
  const facts = readAzureRoleAssignments('ra.json', fixture());

  it('takes the subscription from the scopes and counts assignments', () => {
    expect(facts.scope).toBe(SUB);
    expect(facts.counts).toEqual({ assignments: 8, conditionalAssignments: 1, principals: 6, roles: 8, dataSources: 5 });
    expect(readAzureRoleAssignments('ra.json', [{ principalId: 'p', roleDefinitionName: 'Reader', scope: '/' }]).scope).toBe('');
  });

  it('names principals, falling back to the id when principalName is missing', () => {
    const unknown = facts.principals.find((p) => p.key === 'e1e2e3e4-f5f6-4a7a-8b8b-9c9c9c9c9c9c')!;
    expect(unknown).toMatchObject({ name: 'e1e2e3e4-f5f6-4a7a-8b8b-9c9c9c9c9c9c', kind: 'user', attributes: { principalType: 'Unknown' } });
    expect(facts.principals.find((p) => p.key === AGENT)).toMatchObject({ kind: 'service-principal', name: 'id-support-agent' });
    expect(facts.principals.find((p) => p.name === 'partner-support@contoso.example')?.kind).toBe('group');
  });

  it('makes each scope a data source and says what it is', () => {
    const account = facts.dataSources.find((s) => s.key.endsWith('/storageaccounts/acmeticketsprod'))!;
    expect(account).toMatchObject({ kind: 'scope', service: 'Microsoft.Storage', name: 'storage account acmeticketsprod in resource group rg-agents', wildcard: false, scope: SUB });
    expect(facts.dataSources.find((s) => s.key === '/')).toMatchObject({ name: 'the whole tenant (/)', wildcard: true, scope: '' });
    expect(facts.dataSources.find((s) => s.key === `/subscriptions/${SUB}`)?.wildcard).toBe(true);
  });

  it('grades a narrow blob read as read, and a subscription-wide secret read as exfiltration', () => {
    const blob = facts.grants.find((g) => g.via.statement === 'Storage Blob Data Reader')!;
    expect(blob.access).toBe('read');
    expect(blob.actions).toContain('Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read');
    expect(blob.riskClasses).not.toContain('data-exfiltration');
    const secrets = facts.grants.find((g) => g.via.statement === 'Key Vault Secrets User')!;
    expect(secrets.riskClasses).toEqual(['data-exfiltration', 'credentials-exposure']);
  });

  it('flags Owner and User Access Administrator as privilege escalation and resource exposure', () => {
    for (const role of ['Owner', 'User Access Administrator']) {
      const grant = facts.grants.find((g) => g.via.statement === role)!;
      expect(grant.access).toBe('permissions-management');
      expect(grant.riskClasses).toEqual(expect.arrayContaining(['privilege-escalation', 'resource-exposure']));
      expect(facts.risks.filter((r) => r.principalKey === grant.principalKey).map((r) => r.riskClass)).toEqual(expect.arrayContaining(['privilege-escalation', 'resource-exposure']));
    }
    const uaa = facts.grants.find((g) => g.via.statement === 'User Access Administrator')!;
    expect(uaa.riskClasses).not.toContain('infrastructure-modification');
    const contributor = facts.grants.find((g) => g.via.statement === 'Contributor')!;
    expect(contributor.access).toBe('write');
    expect(contributor.riskClasses).toEqual(expect.arrayContaining(['infrastructure-modification', 'credentials-exposure']));
    expect(contributor.riskClasses).not.toContain('resource-exposure');
  });

  it('keeps a condition as conditional and the assignment as written', () => {
    const conditional = facts.grants.find((g) => g.via.statement === 'Storage Blob Data Contributor')!;
    expect(conditional.conditional).toBe(true);
    expect(conditional.riskClasses).not.toContain('infrastructure-modification');
    expect(JSON.parse(conditional.via.text)).toMatchObject({ conditionVersion: '2.0' });
    expect(conditional.via.policyKey).toContain('/roleAssignments/33333333');
  });

  it('warns about a custom role and grades it from its name', () => {
    expect(facts.warnings.some((w) => w.includes('Agent Log Curator'))).toBe(true);
    expect(facts.grants.find((g) => g.via.statement === 'Agent Log Curator')).toMatchObject({ access: 'read', actions: ['Agent Log Curator'] });
  });

  it('names the JSON path of a wrong shape', () => {
    expect(backendErrorOf(() => readAzureRoleAssignments('ra.json', { value: [] })).message).toMatch(/^ra\.json: \(top level\): expected a list, found an object\. Export it again with az role assignment list --all -o json\.$/);
    expect(backendErrorOf(() => readAzureRoleAssignments('ra.json', [{ principalId: 'p', scope: '/' }])).message).toContain('[0].roleDefinitionName: is missing');
    expect(backendErrorOf(() => readAzureRoleAssignments('ra.json', [{ principalId: 'p', roleDefinitionName: 'Reader', scope: ['/'] }])).message).toContain('[0].scope: expected text, found a list');
    expect(backendErrorOf(() => readAzureRoleAssignments('ra.json', [{ principalId: 'p', roleDefinitionName: 'Reader' }])).message).toContain('[0].scope: is missing');
  });

  it('survives hostile values', () => {
    const huge = readAzureRoleAssignments('ra.json', [{ principalId: TEN_MEGABYTES, principalName: TEN_MEGABYTES, roleDefinitionName: TEN_MEGABYTES, scope: `/subscriptions/${TEN_MEGABYTES}/resourceGroups/x` }]);
    expect(huge.grants[0]!.via.text.length).toBeLessThanOrEqual(2000);
    expect(huge.principals[0]!.name.length).toBeLessThanOrEqual(500);
    expect(backendErrorOf(() => readAzureRoleAssignments('ra.json', [{ principalId: 'p', roleDefinitionName: 'Reader', scope: '/', condition: deeplyNested(100_000) }])).code).toBe('import-invalid');
    const facts = readAzureRoleAssignments('ra.json', withProtoKeys('[{"__proto__":{"polluted":1},"principalId":"__proto__","roleDefinitionName":"constructor","scope":"/subscriptions/__proto__"}]'));
    expect(facts.principals[0]!.key).toBe('__proto__');
    expect(prototypesUntouched()).toBe(true);
  });
});

describe('looksLikeAzureRoleAssignments', () => {
  it('tells an az export from other providers', () => {
    expect(looksLikeAzureRoleAssignments(fixture())).toBe(true);
    expect(looksLikeAzureRoleAssignments(JSON.parse(readFileSync(join(__dirname, '../gcp/fixtures/service-accounts.json'), 'utf8')))).toBe(false);
    expect(looksLikeAzureRoleAssignments(JSON.parse(readFileSync(join(__dirname, '../gcp/fixtures/project-iam-policy.json'), 'utf8')))).toBe(false);
    expect(looksLikeAzureRoleAssignments(JSON.parse(readFileSync(join(__dirname, '../kubernetes/fixtures/rbac-list.json'), 'utf8')))).toBe(false);
    expect(looksLikeAzureRoleAssignments([])).toBe(false);
  });
});

describe('Azure reference data', () => {
  it('resolves built-in roles by id and by name and grades them', () => {
    expect(builtInAzureRole('/providers/Microsoft.Authorization/roleDefinitions/ACDD72A7-3385-48EF-BD42-F606FBA81AE7', undefined)?.name).toBe('Reader');
    expect(builtInAzureRole(undefined, 'key vault secrets user')?.id).toBe('4633458b-17de-408a-b874-0445c86b69e6');
    expect(azureRoleAccess(builtInAzureRole(undefined, 'Reader')!)).toBe('read');
    expect(azureRoleAccess(builtInAzureRole(undefined, 'Role Based Access Control Administrator')!)).toBe('permissions-management');
    expect(azureRoleAccess(builtInAzureRole(undefined, 'Storage Blob Data Contributor')!)).toBe('write');
  });

  it('reads every scope level', () => {
    expect(parseAzureScope('/providers/Microsoft.Management/managementGroups/acme-root')).toMatchObject({ level: 'management-group', wildcard: true });
    expect(parseAzureScope(`/subscriptions/${SUB}/resourcegroups/RG/providers/Microsoft.KeyVault/vaults/kv-agents`)).toMatchObject({ level: 'resource', service: 'Microsoft.KeyVault', name: 'key vault kv-agents in resource group RG' });
    expect(parseAzureScope(`/subscriptions/${SUB}/resourceGroups/RG/`).key).toBe(`/subscriptions/${SUB}/resourcegroups/rg`);
  });
});
