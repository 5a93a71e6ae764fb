import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backendErrorOf } from '../../testing/backend-errors';
import { looksLikeAwsAuthorizationDetails, readAwsAuthorizationDetails } from './authorization-details';

const fixture = () => JSON.parse(readFileSync(join(__dirname, 'fixtures', 'authorization-details.json'), 'utf8')) as Record<string, unknown[]>;
const ACCOUNT = '111122223333';
const role = (name: string) => `arn:aws:iam::${ACCOUNT}:role/${name}`;

describe('readAwsAuthorizationDetails', () => {
  const facts = readAwsAuthorizationDetails('auth.json', fixture());

  it('counts what the console shows and takes the scope from the ARNs', () => {
    expect(facts).toMatchObject({ provider: 'aws', format: 'aws-authorization-details', scope: ACCOUNT });
    expect(facts.counts).toMatchObject({ users: 2, groups: 1, roles: 4, policies: 3, inlinePolicies: 4, statements: 11, accessKeys: 0 });
    expect(facts.counts.grants).toBe(facts.grants.length);
    expect(facts.counts.dataSources).toBe(facts.dataSources.length);
  });

  // Found by bench/large-import-bench.ts: the benchmark's 5,000-role account (910,559 trusts) threw a RangeError.
  it('keeps 600 roles trusting their account and 600 allowed to assume them as 1,200 facts, not 360,000 pairs', () => {
    const trustAccount = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'sts:AssumeRole' }] };
    const assume = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }] };
    const roles = Array.from({ length: 600 }, (_, i) => ({
      RoleName: `r${i}`,
      Arn: role(`r${i}`),
      AssumeRolePolicyDocument: trustAccount,
      RolePolicyList: [{ PolicyName: 'assume', PolicyDocument: assume }],
    }));
    const big = readAwsAuthorizationDetails('auth.json', { RoleDetailList: roles });
    expect(big.counts.roles).toBe(600);
    // One account trust per role and one sts:AssumeRole allowance per role: the walk joins them.
    expect(big.trusts).toHaveLength(600);
    expect(big.trusts.every((t) => t.trustedKey === `arn:aws:iam::${ACCOUNT}:root` && t.trustedKind === 'root')).toBe(true);
    expect(big.assumeGrants).toHaveLength(600);
    expect(big.assumeGrants!.every((g) => g.resource === '*')).toBe(true);
  });

  it('reads a trust policy naming 200,000 principals without overflowing the stack', () => {
    const principals = Array.from({ length: 200_000 }, (_, i) => `arn:aws:iam::${String(100_000_000_000 + i)}:root`);
    const trust = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: principals }, Action: 'sts:AssumeRole' }] };
    const wide = readAwsAuthorizationDetails('auth.json', { RoleDetailList: [{ RoleName: 'open', Arn: role('open'), AssumeRolePolicyDocument: trust }] });
    expect(wide.trusts.length).toBe(200_000);
  });

  it('reads both timestamp forms as ISO', () => {
    const byKey = new Map(facts.principals.map((p) => [p.key, p]));
    expect(byKey.get(`arn:aws:iam::${ACCOUNT}:user/deploy-bot`)?.createdAt).toBe('2023-03-09T10:41:45.000Z');
    expect(byKey.get(`arn:aws:iam::${ACCOUNT}:user/people/jane`)?.createdAt).toBe('2021-11-02T08:15:00.000Z');
    expect(byKey.get(role('service-role/support-agent'))).toMatchObject({ lastUsedAt: '2024-05-30T17:02:11.000Z', tags: { agent: 'support-bot' }, attributes: { path: '/service-role/', 'last used in': 'eu-west-1' } });
  });

  it('warns about an attached AWS managed policy the export left out, and grants nothing from it', () => {
    expect(facts.warnings).toHaveLength(1);
    expect(facts.warnings[0]).toContain('arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess');
    expect(facts.grants.some((g) => g.via.policyKey.includes('AmazonS3ReadOnlyAccess'))).toBe(false);
  });

  it('uses the default version of a managed policy', () => {
    const vendor = facts.grants.filter((g) => g.principalKey === role('vendor-analytics'));
    expect(vendor.map((g) => g.dataSourceKey).sort()).toEqual(['arn:aws:s3:::payments-*', `aws:${ACCOUNT}:kms:*`]);
    expect(vendor.find((g) => g.dataSourceKey === 'arn:aws:s3:::payments-*')?.via.statement).toBe('PaymentsRead');
  });

  it('gives users their groups’ inline (URL-encoded) and managed policies, and records membership', () => {
    expect(facts.memberships).toEqual([{ memberKey: `arn:aws:iam::${ACCOUNT}:user/deploy-bot`, groupKey: `arn:aws:iam::${ACCOUNT}:group/developers` }]);
    const bot = facts.grants.filter((g) => g.principalKey === `arn:aws:iam::${ACCOUNT}:user/deploy-bot`).map((g) => g.dataSourceKey);
    expect(bot).toContain(`arn:aws:ssm:eu-west-1:${ACCOUNT}:parameter/app/*`);
    expect(bot).toContain('arn:aws:s3:::payments-*');
  });

  it('applies the inline Deny and keeps a conditional Allow as conditional', () => {
    const support = facts.grants.filter((g) => g.principalKey === role('service-role/support-agent'));
    expect(support.find((g) => g.dataSourceKey === 'arn:aws:s3:::support-tickets')?.actions).toEqual(['s3:GetObject', 's3:ListBucket']);
    expect(support.find((g) => g.dataSourceKey.endsWith(':table/customers'))).toMatchObject({ conditional: true, actions: ['dynamodb:Query'] });
  });

  it('limits an administrator by their permissions boundary', () => {
    const jane = facts.grants.filter((g) => g.principalKey === `arn:aws:iam::${ACCOUNT}:user/people/jane`);
    expect(jane.map((g) => [g.dataSourceKey, g.actions])).toEqual([['arn:aws:s3:::reports', ['s3:GetObject']]]);
    expect(facts.risks.filter((r) => r.principalKey.endsWith('user/people/jane'))).toEqual([]);
  });

  it('reads trusts: services, federation, anyone, foreign accounts, deleted principals and same-account chains', () => {
    const trusts = facts.trusts.map((t) => [t.principalKey.replace(`arn:aws:iam::${ACCOUNT}:role/`, ''), t.trustedKey, t.trustedKind, t.openToAnyone, t.foreignAccount, t.conditional]);
    expect(trusts).toEqual(
      expect.arrayContaining([
        ['service-role/support-agent', 'lambda.amazonaws.com', 'service', false, false, false],
        ['ci-deployer', `arn:aws:iam::${ACCOUNT}:oidc-provider/token.actions.githubusercontent.com`, 'service', false, false, true],
        ['admin-breakglass', `arn:aws:iam::${ACCOUNT}:root`, 'root', false, false, true],
        ['vendor-analytics', 'arn:aws:iam::999988887777:root', 'foreign-account', false, true, true],
        ['vendor-analytics', 'AROA2EXAMPLEDELETED01', 'role', false, false, true],
        ['vendor-analytics', 'aws:*', 'public', true, false, false],
      ]),
    );
    expect(trusts).toHaveLength(6);
    // The same-account chain is kept as deploy-bot's sts:AssumeRole allowance, joined to the role's account trust when the graph is walked.
    expect(facts.assumeGrants?.filter((g) => g.principalKey.endsWith(':user/deploy-bot')).map((g) => g.resource)).toEqual(expect.arrayContaining([expect.stringMatching(/admin-breakglass|\*/)]));
    const kinds = new Map(facts.principals.map((p) => [p.key, p.kind]));
    expect([kinds.get('aws:*'), kinds.get('arn:aws:iam::999988887777:root'), kinds.get('lambda.amazonaws.com')]).toEqual(['public', 'foreign-account', 'service']);
    const exposure = facts.risks.filter((r) => r.principalKey === role('vendor-analytics') && r.riskClass === 'resource-exposure');
    expect(exposure.map((r) => [r.detail, r.conditional])).toEqual([
      ['trust lets account 999988887777 assume it', true],
      ['trust open to any AWS principal', false],
    ]);
  });

  it('flags privilege escalation for iam:PassRole with lambda:CreateFunction', () => {
    const ci = facts.risks.filter((r) => r.principalKey === role('ci-deployer') && r.riskClass === 'privilege-escalation');
    expect(ci.map((r) => r.detail)).toContain('iam:PassRole on * (with lambda:CreateFunction, lambda:InvokeFunction): PassExistingRoleToNewLambdaThenInvoke');
  });

  it('reports progress and can be cancelled', () => {
    const calls: [number, number][] = [];
    readAwsAuthorizationDetails('auth.json', fixture(), { onProgress: (done, total) => calls.push([done, total]) });
    expect(calls.at(-1)).toEqual([7, 7]);
    const cancelled = new Error('cancelled');
    expect(() => readAwsAuthorizationDetails('auth.json', fixture(), { throwIfCancelled: () => { throw cancelled; } })).toThrow(cancelled);
  });

  it('accepts missing optional fields and a --filter export with only roles', () => {
    const only = readAwsAuthorizationDetails('roles.json', { RoleDetailList: [{ RoleName: 'r', Arn: role('r') }] });
    expect(only.principals).toHaveLength(1);
    expect(only.grants).toEqual([]);
  });
});

describe('readAwsAuthorizationDetails refuses wrong shapes, naming the path', () => {
  const cases: [string, (json: Record<string, unknown[]>) => unknown, string][] = [
    ['not an export', () => ({ Users: [] }), 'auth.json: the top level: is an object without UserDetailList'],
    ['a list that is a number', (j) => ({ ...j, RoleDetailList: 5 }), 'auth.json: the top level: is an object without'],
    ['a role that is text', (j) => ({ ...j, RoleDetailList: ['x'] }), 'auth.json: RoleDetailList[0]: is the text "x", expected an object'],
    ['a role without Arn', (j) => ({ ...j, RoleDetailList: [{ RoleName: 'r' }] }), 'auth.json: RoleDetailList[0]: has no Arn'],
    ['a number where a list goes', (j) => ({ ...j, RoleDetailList: [{ RoleName: 'r', Arn: role('r'), RolePolicyList: 3 }] }), 'auth.json: RoleDetailList[0].RolePolicyList: is a number (3), expected a list'],
    [
      'a statement without Effect',
      (j) => ({ ...j, RoleDetailList: [{ RoleName: 'r', Arn: role('r'), RolePolicyList: [{ PolicyName: 'p', PolicyDocument: { Statement: [{ Action: '*', Resource: '*' }] } }] }] }),
      'auth.json: RoleDetailList[0].RolePolicyList[0].PolicyDocument.Statement[0]: has no Effect',
    ],
    ['a bad date', (j) => ({ ...j, UserDetailList: [{ UserName: 'u', Arn: `arn:aws:iam::${ACCOUNT}:user/u`, CreateDate: 'yesterday' }] }), 'auth.json: UserDetailList[0].CreateDate: is the text "yesterday", expected a date'],
    ['a group name that is an object', (j) => ({ ...j, UserDetailList: [{ UserName: 'u', Arn: `arn:aws:iam::${ACCOUNT}:user/u`, GroupList: [{}] }] }), 'auth.json: UserDetailList[0].GroupList[0]: is an object, expected a group name'],
  ];
  it.each(cases)('%s', (_, mutate, message) => {
    const error = backendErrorOf(() => readAwsAuthorizationDetails('auth.json', mutate(fixture())));
    expect(error.code).toBe('import-invalid');
    expect(error.message).toContain(message);
  });

  it('never crashes with a TypeError on truncated or hostile input', () => {
    const hostile: unknown[] = [null, 0, 'x', [], { RoleDetailList: [null] }, { RoleDetailList: [{ Arn: 1 }] }, { Policies: [{ Arn: 'a', PolicyVersionList: [{ IsDefaultVersion: true, Document: '%7B' }] }] },
      { RoleDetailList: [{ RoleName: 'r', Arn: role('r'), AssumeRolePolicyDocument: { Statement: { Effect: 'Allow', Principal: { AWS: [null] } } } }] },
      { RoleDetailList: [{ RoleName: 'r', Arn: role('r'), RoleLastUsed: 'never' }] }, { RoleDetailList: [{ RoleName: 'r', Arn: role('r'), Tags: [{ Key: 1 }] }] },
      { RoleDetailList: [{ RoleName: 'r', Arn: role('r'), PermissionsBoundary: 'x' }] }, { UserDetailList: [{ UserName: 'u', Arn: 'u', AttachedManagedPolicies: [7] }] }];
    for (const input of hostile) {
      try {
        readAwsAuthorizationDetails('h.json', input);
      } catch (error) {
        expect((error as Error).name).toBe('BackendError');
      }
    }
  });
});

describe('looksLikeAwsAuthorizationDetails', () => {
  it.each([
    [{ UserDetailList: [], GroupDetailList: [], RoleDetailList: [], Policies: [] }, true],
    [{ RoleDetailList: [] }, true],
    [{ bindings: [] }, false],
    [[], false],
    [{ RoleDetailList: {} }, false],
  ])('%j -> %s', (json, expected) => expect(looksLikeAwsAuthorizationDetails(json)).toBe(expected));
});
