import { describe, expect, it } from 'vitest';
import type { GrantFact, PrincipalRiskFact } from '../../../shared/iam';
import type { DataSourceFact } from '../../../shared/iam';
import { accessFromVerb, describeAction, expandActions } from './action-catalogue';
import { PermissionEvaluator, type PolicySource } from './evaluate-permissions';
import { grantsOf } from './grants';
import { readPolicyDocument } from './policy-document';
import { principalRisks } from './risk-classes';

const ACCOUNT = '111122223333';
type Statement = Record<string, unknown>;

function policy(name: string, ...statements: Statement[]): PolicySource {
  return { policy: name, policyKey: `arn:aws:iam::${ACCOUNT}:policy/${name}`, document: readPolicyDocument('t.json', name, { Version: '2012-10-17', Statement: statements }) };
}

function evaluate(policies: PolicySource[], boundary: PolicySource | null = null): { grants: GrantFact[]; risks: PrincipalRiskFact[]; sources: Map<string, DataSourceFact> } {
  const entries = new PermissionEvaluator(ACCOUNT).evaluate(policies, boundary);
  const sources = new Map<string, DataSourceFact>();
  return { grants: grantsOf('p', entries, ACCOUNT, sources), risks: principalRisks('p', entries), sources };
}
const grantOn = (grants: GrantFact[], key: string) => grants.find((g) => g.dataSourceKey === key);
const riskClasses = (risks: PrincipalRiskFact[]) => [...new Set(risks.map((r) => r.riskClass))].sort();

describe('effective permissions', () => {
  it('maps object ARNs to their bucket and aggregates one grant per (data source, statement)', () => {
    const { grants, sources } = evaluate([policy('a', { Sid: 'S', Effect: 'Allow', Action: ['s3:GetObject', 's3:ListBucket', 's3:PutObject'], Resource: ['arn:aws:s3:::b', 'arn:aws:s3:::b/*'] })]);
    expect(grants).toHaveLength(1);
    expect(grants[0]).toMatchObject({ dataSourceKey: 'arn:aws:s3:::b', access: 'write', actions: ['s3:PutObject', 's3:GetObject', 's3:ListBucket'], conditional: false });
    expect(grants[0]!.via).toMatchObject({ policy: 'a', statement: 'S', policyKey: `arn:aws:iam::${ACCOUNT}:policy/a` });
    expect(sources.get('arn:aws:s3:::b')).toMatchObject({ kind: 'bucket', name: 'b', wildcard: false });
  });

  it('gives a bucket ARN only bucket-level actions (s3:GetObject needs b/*)', () => {
    const { grants } = evaluate([policy('a', { Effect: 'Allow', Action: ['s3:GetObject', 's3:ListBucket'], Resource: 'arn:aws:s3:::b' })]);
    expect(grants[0]!.actions).toEqual(['s3:ListBucket']);
  });

  it('Deny overrides Allow, with wildcards in Action and Resource', () => {
    const { grants } = evaluate([
      policy('a', { Effect: 'Allow', Action: 's3:*', Resource: 'arn:aws:s3:::b/*' }, { Effect: 'Deny', Action: ['s3:Delete*', 's3:Put*', 's3:Bypass*', 's3:Restore*', 's3:Abort*', 's3:Replicate*'], Resource: 'arn:aws:s3:::*' }),
    ]);
    const actions = grants[0]!.actions;
    expect(actions).toContain('s3:GetObject');
    expect(actions.some((a) => a.startsWith('s3:Delete') || a.startsWith('s3:Put'))).toBe(false);
    expect(grants[0]!.access).toBe('read');
  });

  it('a Deny with a Condition keeps the allow and marks it conditional', () => {
    const { grants } = evaluate([
      policy('a', { Effect: 'Allow', Action: 'kms:Decrypt', Resource: '*' }, { Effect: 'Deny', Action: 'kms:*', Resource: '*', Condition: { Bool: { 'aws:ViaAWSService': 'false' } } }),
    ]);
    expect(grantOn(grants, `aws:${ACCOUNT}:kms:*`)).toMatchObject({ actions: ['kms:Decrypt'], conditional: true });
  });

  it('an Allow with a Condition is kept as conditional, and so are its risks', () => {
    const { grants, risks } = evaluate([policy('a', { Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: '*', Condition: { StringEquals: { 'aws:ResourceTag/team': 'x' } } })]);
    expect(grants[0]).toMatchObject({ conditional: true, riskClasses: ['data-exfiltration', 'credentials-exposure'] });
    expect(risks.every((r) => r.conditional)).toBe(true);
  });

  it('NotAction with Allow allows every catalogued action except those', () => {
    const { grants, risks } = evaluate([policy('a', { Effect: 'Allow', NotAction: ['iam:*', 's3:*'], Resource: '*' })]);
    expect(grantOn(grants, `aws:${ACCOUNT}:s3:*`)).toBeUndefined();
    expect(grantOn(grants, `aws:${ACCOUNT}:dynamodb:*`)?.actions).toContain('dynamodb:Scan');
    expect(risks.some((r) => r.detail.includes('iam:'))).toBe(false);
  });

  it('NotResource with Allow reaches everything else (read as service-wide)', () => {
    const { grants } = evaluate([policy('a', { Effect: 'Allow', Action: 's3:GetObject', NotResource: 'arn:aws:s3:::secret/*' })]);
    expect(grants[0]).toMatchObject({ dataSourceKey: `aws:${ACCOUNT}:s3:*`, actions: ['s3:GetObject'] });
  });

  it('a Deny with NotResource narrows an allow on * to the resources it spares', () => {
    const { grants } = evaluate([
      policy('a', { Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }, { Effect: 'Deny', Action: 's3:*', NotResource: 'arn:aws:s3:::public/*' }),
    ]);
    expect(grants.map((g) => g.dataSourceKey)).toEqual(['arn:aws:s3:::public']);
  });

  it('iam:PassRole with a compute service is privilege escalation', () => {
    const { grants, risks } = evaluate([policy('a', { Effect: 'Allow', Action: ['iam:PassRole', 'ec2:RunInstances'], Resource: '*' })]);
    expect(grants).toEqual([]);
    const escalation = risks.find((r) => r.riskClass === 'privilege-escalation');
    expect(escalation?.detail).toBe('iam:PassRole on * (with ec2:RunInstances): CreateEC2WithExistingInstanceProfile');
  });

  it('iam:PassRole alone is not privilege escalation', () => {
    const { risks } = evaluate([policy('a', { Effect: 'Allow', Action: 'iam:PassRole', Resource: 'arn:aws:iam::111122223333:role/x' })]);
    expect(risks.filter((r) => r.riskClass === 'privilege-escalation')).toEqual([]);
  });

  it('combines escalation actions from different policies', () => {
    const { risks } = evaluate([
      policy('a', { Effect: 'Allow', Action: 'iam:PassRole', Resource: '*' }),
      policy('b', { Effect: 'Allow', Action: ['lambda:CreateFunction', 'lambda:InvokeFunction'], Resource: '*' }),
    ]);
    expect(risks.find((r) => r.detail.includes('PassExistingRoleToNewLambdaThenInvoke'))?.via.policy).toBe('a');
  });

  it.each([
    ['iam:CreatePolicyVersion', 'privilege-escalation'],
    ['iam:AttachRolePolicy', 'privilege-escalation'],
    ['iam:CreateAccessKey', 'credentials-exposure'],
    ['sts:AssumeRole', 'credentials-exposure'],
    ['ecr:GetAuthorizationToken', 'credentials-exposure'],
    ['s3:PutBucketPolicy', 'resource-exposure'],
    ['kms:PutKeyPolicy', 'resource-exposure'],
    ['lambda:AddPermission', 'resource-exposure'],
    ['ssm:GetParametersByPath', 'data-exfiltration'],
    ['dynamodb:Scan', 'data-exfiltration'],
    ['ec2:TerminateInstances', 'infrastructure-modification'],
  ])('%s on * is %s', (action, riskClass) => {
    const { risks } = evaluate([policy('a', { Effect: 'Allow', Action: action, Resource: '*' })]);
    expect(riskClasses(risks)).toContain(riskClass);
  });

  it('s3:PutBucketPolicy on one bucket is a permissions-management grant with resource exposure', () => {
    const { grants } = evaluate([policy('a', { Effect: 'Allow', Action: 's3:PutBucketPolicy', Resource: 'arn:aws:s3:::b' })]);
    expect(grants[0]).toMatchObject({ access: 'permissions-management', riskClasses: ['resource-exposure'] });
  });

  it('kms:Decrypt on * is data exfiltration on every key, not infrastructure modification', () => {
    const { grants, risks } = evaluate([policy('a', { Effect: 'Allow', Action: 'kms:Decrypt', Resource: '*' })]);
    expect(grants[0]).toMatchObject({ dataSourceKey: `aws:${ACCOUNT}:kms:*`, riskClasses: ['data-exfiltration'] });
    expect(riskClasses(risks)).toEqual(['data-exfiltration']);
  });

  it('*:* flags every risk class and reaches every data service, without data grants for iam/ec2', () => {
    const { grants, risks } = evaluate([policy('Admin', { Effect: 'Allow', Action: '*', Resource: '*' })]);
    expect(riskClasses(risks)).toEqual(['credentials-exposure', 'data-exfiltration', 'infrastructure-modification', 'privilege-escalation', 'resource-exposure']);
    expect(risks.every((r) => r.detail.startsWith('every action on every resource'))).toBe(true);
    const keys = grants.map((g) => g.dataSourceKey);
    expect(keys).toContain(`aws:${ACCOUNT}:s3:*`);
    expect(keys.some((k) => /:(iam|ec2|lambda|sts|organizations|cloudformation):/.test(k))).toBe(false);
    expect(grants.every((g) => g.actions.length <= 50 && g.riskClasses.length === 5)).toBe(true);
  });

  it('a permissions boundary limits the result to the intersection', () => {
    const boundary = policy('boundary', { Effect: 'Allow', Action: ['s3:GetObject', 'dynamodb:*'], Resource: ['arn:aws:s3:::reports/*', 'arn:aws:dynamodb:eu-west-1:111122223333:table/t'] });
    const { grants, risks } = evaluate([policy('Admin', { Effect: 'Allow', Action: '*', Resource: '*' })], boundary);
    expect(grants.map((g) => [g.dataSourceKey, g.actions.includes('s3:GetObject') || g.actions.includes('dynamodb:Scan')])).toEqual([
      ['arn:aws:s3:::reports', true],
      ['arn:aws:dynamodb:eu-west-1:111122223333:table/t', true],
    ]);
    expect(risks.filter((r) => r.riskClass === 'privilege-escalation')).toEqual([]);
  });

  it('a boundary that allows nothing leaves nothing', () => {
    const { grants, risks } = evaluate([policy('a', { Effect: 'Allow', Action: 's3:*', Resource: '*' })], policy('b', { Effect: 'Allow', Action: 'sqs:*', Resource: '*' }));
    expect(grants).toEqual([]);
    expect(risks).toEqual([]);
  });

  it('maps sub-resources and wildcards to data sources', () => {
    const { sources } = evaluate([
      policy(
        'a',
        { Effect: 'Allow', Action: ['dynamodb:Query'], Resource: 'arn:aws:dynamodb:eu-west-1:111122223333:table/orders/index/*' },
        { Effect: 'Allow', Action: ['s3:GetObject'], Resource: 'arn:aws:s3:::payments-*/*' },
        { Effect: 'Allow', Action: ['rds-db:connect'], Resource: 'arn:aws:rds-db:eu-west-1:111122223333:dbuser:db-ABCDEFGHIJ/app' },
        { Effect: 'Allow', Action: ['secretsmanager:GetSecretValue'], Resource: 'arn:aws:secretsmanager:eu-west-1:111122223333:secret:prod/db-Ab12Cd' },
        { Effect: 'Allow', Action: ['sqs:ReceiveMessage'], Resource: 'arn:aws:sqs:eu-west-1:111122223333:jobs' },
        { Effect: 'Allow', Action: ['rds-data:ExecuteStatement'], Resource: 'arn:aws:rds:eu-west-1:111122223333:cluster:ledger' },
      ),
    ]);
    expect([...sources.values()].map((s) => [s.key, s.kind, s.name, s.wildcard])).toEqual([
      ['arn:aws:dynamodb:eu-west-1:111122223333:table/orders', 'table', 'orders', false],
      ['arn:aws:s3:::payments-*', 'bucket', 'S3 buckets matching payments-*', true],
      ['arn:aws:rds-db:eu-west-1:111122223333:dbuser:db-ABCDEFGHIJ', 'database', 'db-ABCDEFGHIJ (IAM database authentication)', false],
      ['arn:aws:secretsmanager:eu-west-1:111122223333:secret:prod/db-Ab12Cd', 'secret', 'prod/db', false],
      ['arn:aws:sqs:eu-west-1:111122223333:jobs', 'queue', 'jobs', false],
      ['arn:aws:rds:eu-west-1:111122223333:cluster:ledger', 'database', 'ledger', false],
    ]);
  });

  it('names a service-wide source "every S3 bucket in <account>"', () => {
    const { sources } = evaluate([policy('a', { Effect: 'Allow', Action: 's3:Get*', Resource: '*' })]);
    expect(sources.get(`aws:${ACCOUNT}:s3:*`)).toMatchObject({ kind: 'service-wide', name: 'every S3 bucket in 111122223333', wildcard: true });
  });

  it('keeps an uncatalogued action pattern and classifies it by its verb', () => {
    const { grants } = evaluate([policy('a', { Effect: 'Allow', Action: ['s3:GetBrandNewThing', 's3:Frobnicate*'], Resource: 'arn:aws:s3:::b/*' })]);
    expect(grants[0]).toMatchObject({ access: 'write', actions: ['s3:Frobnicate*', 's3:GetBrandNewThing'] });
  });
});

describe('action catalogue', () => {
  it.each([
    ['ListWidgets', 'list'],
    ['DescribeWidgets', 'list'],
    ['GetWidget', 'read'],
    ['Query', 'read'],
    ['TagWidget', 'tagging'],
    ['PutWidgetPolicy', 'permissions-management'],
    ['AddWidgetPermission', 'permissions-management'],
    ['AttachWidget', 'permissions-management'],
    ['CreateWidget', 'write'],
  ])('guesses %s as %s', (verb, level) => expect(accessFromVerb(verb)).toBe(level));

  it('knows reference access levels', () => {
    expect(describeAction('s3:GetObject')).toMatchObject({ access: 'read', guessed: false });
    expect(describeAction('iam:AttachRolePolicy').access).toBe('permissions-management');
    expect(describeAction('IAM:passrole').name).toBe('iam:PassRole');
  });

  it('expands wildcard patterns against the catalogue, case-insensitively', () => {
    const names = [...expandActions(['S3:get*'], false).byService.get('s3')!].map((a) => a.name);
    expect(names).toContain('s3:GetObject');
    expect(names.every((n) => n.startsWith('s3:Get'))).toBe(true);
  });
});
