import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backendErrorOf } from '../../testing/backend-errors';
import { prototypesUntouched, TEN_MEGABYTES, withProtoKeys } from '../iam-hostile-input';
import { looksLikeGcpServiceAccountKeys, readGcpServiceAccountKeys } from './gcp-service-account-keys';
import { looksLikeGcpServiceAccounts, readGcpServiceAccounts } from './gcp-service-accounts';

const fixture = (name: string): unknown => JSON.parse(readFileSync(join(__dirname, 'fixtures', name), 'utf8'));

describe('readGcpServiceAccounts', () => {
  it('keys each account as IAM bindings name it', () => {
    const facts = readGcpServiceAccounts('sa.json', fixture('service-accounts.json'));
    expect(facts.scope).toBe('acme-prod');
    expect(facts.counts).toEqual({ serviceAccounts: 3, disabled: 1 });
    const agent = facts.principals.find((p) => p.key === 'serviceAccount:support-agent@acme-prod.iam.gserviceaccount.com')!;
    expect(agent).toMatchObject({ kind: 'service-account', scope: 'acme-prod', attributes: { displayName: 'Support agent', disabled: 'false', uniqueId: '104857392018475629301' } });
    expect(facts.principals.find((p) => p.key.includes('-compute@'))?.attributes['managedBy']).toContain('Google');
  });

  it('rejects wrong shapes with the path', () => {
    expect(backendErrorOf(() => readGcpServiceAccounts('sa.json', { email: 'x' })).message).toContain('sa.json: (top level): expected a list');
    expect(backendErrorOf(() => readGcpServiceAccounts('sa.json', [{ email: 'a@b' }, { displayName: 'x' }])).message).toContain('[1].email: is missing');
    expect(backendErrorOf(() => readGcpServiceAccounts('sa.json', [{ email: 'a@b', disabled: 'maybe' }])).message).toContain('[0].disabled');
  });

  it('survives hostile values', () => {
    const facts = readGcpServiceAccounts('sa.json', withProtoKeys(`[{"email":"a@p.iam.gserviceaccount.com","__proto__":{"polluted":1},"displayName":"${'x'.repeat(1000)}"}]`));
    expect(facts.principals).toHaveLength(1);
    expect(readGcpServiceAccounts('sa.json', [{ email: TEN_MEGABYTES }]).principals[0]!.name.length).toBeLessThanOrEqual(500);
    expect(prototypesUntouched()).toBe(true);
  });

  it('is told apart from key lists and policies', () => {
    expect(looksLikeGcpServiceAccounts(fixture('service-accounts.json'))).toBe(true);
    expect(looksLikeGcpServiceAccounts(fixture('service-account-keys.json'))).toBe(false);
    expect(looksLikeGcpServiceAccounts(fixture('project-iam-policy.json'))).toBe(false);
    expect(looksLikeGcpServiceAccounts([{ principalId: 'x', roleDefinitionName: 'Owner' }])).toBe(false);
  });
});

describe('readGcpServiceAccountKeys', () => {
  const facts = readGcpServiceAccountKeys('keys.json', fixture('service-account-keys.json'));

  it('links each key to its service account', () => {
    expect(facts.credentials).toHaveLength(3);
    const key = facts.credentials[0]!;
    expect(key).toMatchObject({
      principalKey: 'serviceAccount:support-agent@acme-prod.iam.gserviceaccount.com',
      kind: 'service-account-key',
      name: 'key 3fa2c9d… of support-agent@acme-prod.iam.gserviceaccount.com',
      active: true,
      createdAt: '2024-03-11T09:15:02Z',
      attributes: { keyType: 'USER_MANAGED', expires: 'never' },
    });
    expect(facts.credentials[1]!.active).toBe(false);
    expect(facts.principals.map((p) => p.key)).toEqual(['serviceAccount:support-agent@acme-prod.iam.gserviceaccount.com']);
    expect(facts.counts).toEqual({ keys: 3, userManaged: 2, systemManaged: 1, disabled: 1 });
  });

  it('flags active user-managed keys only', () => {
    expect(facts.risks).toHaveLength(1);
    expect(facts.risks[0]).toMatchObject({ riskClass: 'credentials-exposure', via: { statement: 'USER_MANAGED' } });
    expect(facts.risks[0]!.detail).toContain('expires never');
  });

  it('rejects a key name that is not a key resource name', () => {
    expect(backendErrorOf(() => readGcpServiceAccountKeys('k.json', [{ name: 'keys/1', keyType: 'USER_MANAGED' }])).message).toContain('[0].name: expected projects/PROJECT/serviceAccounts/EMAIL/keys/KEY_ID');
    expect(backendErrorOf(() => readGcpServiceAccountKeys('k.json', [{ name: `projects/p/serviceAccounts/${TEN_MEGABYTES}/keys/1` }])).code).toBe('import-invalid');
  });

  it('is told apart from service account lists', () => {
    expect(looksLikeGcpServiceAccountKeys(fixture('service-account-keys.json'))).toBe(true);
    expect(looksLikeGcpServiceAccountKeys(fixture('service-accounts.json'))).toBe(false);
    expect(looksLikeGcpServiceAccountKeys({ kind: 'List', items: [] })).toBe(false);
  });
});
