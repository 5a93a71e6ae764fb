import { readAwsAuthorizationDetails } from '../electron/iam/aws/authorization-details';
import { FULL_IAM_ORG, generateAwsOrganisation } from './generate-iam-org';

/**
 * `npx tsx bench/aws-iam-timing.ts [heavy]`: imports a generated organisation (5,000 roles, 20,000
 * distinct statements: 3 inline per role + 1,000 managed policies of 5, one attached per role;
 * 2,000 data sources) and prints the time against JSON.parse of the same text. "heavy" attaches
 * two 20-statement managed policies per role instead (about 200,000 effective grants).
 * Then the same for the IAM benchmark's organisation (generate-iam-org.ts, FULL_IAM_ORG: groups,
 * users, Deny, boundaries, admins and same-account trusts; about 300,000 grants and 900,000 trusts).
 * Target: import <= 10x JSON.parse. Prints figures only.
 */
const heavy = process.argv.includes('heavy');
const MANAGED = heavy ? 500 : 1000;
const PER_MANAGED = heavy ? 20 : 5;
const ATTACHED = heavy ? 2 : 1;
const ACCOUNT = '123456789012';
let seed = 42;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

const buckets = Array.from({ length: 1000 }, (_, i) => `data-${i}`);
const tables = Array.from({ length: 500 }, (_, i) => `table-${i}`);
const secrets = Array.from({ length: 500 }, (_, i) => `secret-${i}`);
const dataStatement = (i: number) => {
  const kind = i % 3;
  if (kind === 0) {
    const b = pick(buckets);
    return { Effect: 'Allow', Action: pick([['s3:GetObject', 's3:ListBucket'], ['s3:Get*', 's3:List*'], ['s3:PutObject', 's3:DeleteObject'], 's3:*']), Resource: [`arn:aws:s3:::${b}`, `arn:aws:s3:::${b}/*`] };
  }
  if (kind === 1) return { Effect: 'Allow', Action: pick([['dynamodb:Query', 'dynamodb:GetItem'], 'dynamodb:*', ['dynamodb:PutItem']]), Resource: `arn:aws:dynamodb:eu-west-1:${ACCOUNT}:table/${pick(tables)}` };
  return { Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: `arn:aws:secretsmanager:eu-west-1:${ACCOUNT}:secret:${pick(secrets)}-AbCdEf`, ...(random() < 0.2 ? { Condition: { StringEquals: { 'aws:RequestedRegion': 'eu-west-1' } } } : {}) };
};

const managed = Array.from({ length: MANAGED }, (_, p) => ({
  PolicyName: `managed-${p}`,
  Arn: `arn:aws:iam::${ACCOUNT}:policy/managed-${p}`,
  DefaultVersionId: 'v1',
  PolicyVersionList: [
    {
      VersionId: 'v1',
      IsDefaultVersion: true,
      CreateDate: '2023-03-09T10:41:45Z',
      Document: {
        Version: '2012-10-17',
        Statement: Array.from({ length: PER_MANAGED }, (_, s) =>
          s === 0 && p % 25 === 0 ? { Effect: 'Allow', Action: ['iam:PassRole', 'lambda:CreateFunction', 'ec2:RunInstances'], Resource: '*' } : s === 1 && p % 10 === 0 ? { Effect: 'Deny', Action: 's3:Delete*', Resource: '*' } : dataStatement(p * PER_MANAGED + s),
        ),
      },
    },
  ],
}));
managed.push({
  PolicyName: 'AdministratorAccess',
  Arn: 'arn:aws:iam::aws:policy/AdministratorAccess',
  DefaultVersionId: 'v1',
  PolicyVersionList: [{ VersionId: 'v1', IsDefaultVersion: true, CreateDate: '2015-02-06T18:39:46Z', Document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] as never } }],
});

const roles = Array.from({ length: 5000 }, (_, r) => ({
  Path: '/',
  RoleName: `role-${r}`,
  RoleId: `AROA${String(r).padStart(17, '0')}`,
  Arn: `arn:aws:iam::${ACCOUNT}:role/role-${r}`,
  CreateDate: '2023-03-09 10:41:45+00:00',
  AssumeRolePolicyDocument: {
    Version: '2012-10-17',
    Statement: [
      r % 50 === 0
        ? { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'sts:AssumeRole' }
        : r % 97 === 0
          ? { Effect: 'Allow', Principal: { AWS: '999988887777' }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'sts:ExternalId': 'x' } } }
          : { Effect: 'Allow', Principal: { Service: pick(['lambda.amazonaws.com', 'ec2.amazonaws.com', 'ecs-tasks.amazonaws.com']) }, Action: 'sts:AssumeRole' },
    ],
  },
  InstanceProfileList: [],
  RolePolicyList: [
    {
      PolicyName: 'inline',
      PolicyDocument: {
        Version: '2012-10-17',
        Statement: [dataStatement(r), r % 20 === 0 ? { Effect: 'Allow', Action: 'sts:AssumeRole', Resource: `arn:aws:iam::${ACCOUNT}:role/role-*` } : dataStatement(r + 1), ...(heavy ? [] : [dataStatement(r + 2)])],
      },
    },
  ],
  AttachedManagedPolicies: r % 500 === 0 ? [{ PolicyName: 'AdministratorAccess', PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' }] : Array.from({ length: ATTACHED }, () => {
    const m = pick(managed.slice(0, MANAGED));
    return { PolicyName: m.PolicyName, PolicyArn: m.Arn };
  }),
  ...(r % 20 === 0 ? { PermissionsBoundary: { PermissionsBoundaryType: 'Policy', PermissionsBoundaryArn: managed[1]!.Arn } } : {}),
  Tags: [{ Key: 'team', Value: `t${r % 30}` }],
  RoleLastUsed: { LastUsedDate: '2024-05-30T17:02:11Z', Region: 'eu-west-1' },
}));

const text = JSON.stringify({ UserDetailList: [], GroupDetailList: [], RoleDetailList: roles, Policies: managed });
const time = (run: () => unknown, repeat: number): { ms: number; result: unknown } => {
  let result: unknown;
  const times: number[] = [];
  for (let i = 0; i < repeat; i++) {
    const start = performance.now();
    result = run();
    times.push(performance.now() - start);
  }
  return { ms: times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!, result };
};
function report(label: string, json: string): void {
  const parse = time(() => JSON.parse(json), 5);
  const imported = time(() => readAwsAuthorizationDetails('org.json', JSON.parse(json)), 3);
  const facts = imported.result as ReturnType<typeof readAwsAuthorizationDetails>;
  console.log(`${label}: file ${(json.length / 1e6).toFixed(1)} MB; counts ${JSON.stringify(facts.counts)}; risks ${facts.risks.length}`);
  console.log(`${label}: JSON.parse ${parse.ms.toFixed(0)} ms; parse + import ${imported.ms.toFixed(0)} ms; ratio ${(imported.ms / parse.ms).toFixed(1)}x (target <= 10x)`);
}
report(heavy ? 'heavy shape' : 'realistic shape', text);
report('FULL_IAM_ORG', generateAwsOrganisation(FULL_IAM_ORG).json);
