import { between, pick, seededRandom } from '../electron/fuzz/mutations';

/**
 * The IAM benchmark's input: one large account as `aws iam get-account-authorization-details`
 * prints it (compact JSON, as saved by a script), deterministic from the seed. It looks like a
 * company's production account rather than noise: a couple of hundred customer managed policies
 * shared by many roles (a few roles share most of them), inline policies on most roles, a few
 * groups and users, wildcard actions and resources, Deny and Condition statements, a few admins,
 * and trust policies for services, the account itself, foreign accounts, OIDC and "*".
 *
 * Counting rules, so importer figures can be checked against the parameters:
 * - `statements` permission statements in total: every inline policy's statements plus each
 *   managed policy's default version once, however many principals attach it. Trust policy
 *   statements and non-default policy versions are not counted.
 * - `dataSources` distinct concrete resource ARNs of s3 (buckets), dynamodb (tables),
 *   secretsmanager (secrets), sqs (queues) and rds (clusters), each named by at least one counted
 *   statement. Object paths (`bucket/*`) name their bucket; wildcards name no data source.
 */

export interface AwsOrganisationSize {
  roles: number;
  statements: number;
  dataSources: number;
  seed: number;
}

export interface GeneratedAwsOrganisation {
  json: string;
  roleArns: string[];
  /** The concrete data source ARNs, in generation order (s3 as the bucket ARN). */
  dataSourceArns: string[];
}

export const FULL_IAM_ORG: AwsOrganisationSize = { roles: 5_000, statements: 20_000, dataSources: 2_000, seed: 20_260_301 };

interface Statement {
  Sid?: string;
  Effect: 'Allow' | 'Deny';
  Action?: string | string[];
  NotAction?: string[];
  Resource: string | string[];
  Condition?: Record<string, Record<string, string | string[]>>;
}
interface Document {
  Version: '2012-10-17';
  Statement: Statement[];
}

type DataService = 's3' | 'dynamodb' | 'secretsmanager' | 'sqs' | 'rds';
interface DataSource {
  service: DataService;
  /** The data source's ARN (a bucket's, without object path). */
  arn: string;
  /** What statements name: the bucket's objects for s3 reads and writes. */
  family: string;
  env: string;
}

const REGIONS = ['eu-west-1', 'eu-central-1', 'us-east-1'] as const;
const ENVS = ['prod', 'prod', 'prod', 'staging', 'dev'] as const;
const DOMAINS = ['payments', 'ledger', 'kyc', 'customers', 'orders', 'invoices', 'analytics', 'logs', 'reports', 'fraud', 'disputes', 'statements', 'support', 'marketing', 'catalog', 'search', 'billing', 'payouts', 'risk', 'identity', 'notifications', 'audit', 'ml-features', 'website'] as const;
const TEAMS = ['platform', 'payments', 'data', 'risk', 'growth', 'finance-eng', 'support-eng', 'ml'] as const;
const SERVICE_WEIGHTS: Array<[DataService, number]> = [['s3', 0.35], ['dynamodb', 0.25], ['secretsmanager', 0.2], ['sqs', 0.12], ['rds', 0.08]];

/** Realistic action sets per data service, wildcards included; read-only sets first. */
const ACTIONS: Record<DataService, string[][]> = {
  s3: [['s3:GetObject'], ['s3:GetObject', 's3:ListBucket'], ['s3:Get*', 's3:List*'], ['s3:PutObject', 's3:PutObjectAcl'], ['s3:GetObject', 's3:PutObject', 's3:DeleteObject', 's3:ListBucket'], ['s3:*']],
  dynamodb: [['dynamodb:GetItem', 'dynamodb:Query'], ['dynamodb:BatchGetItem', 'dynamodb:Scan', 'dynamodb:Query'], ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem'], ['dynamodb:*']],
  secretsmanager: [['secretsmanager:GetSecretValue'], ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'], ['secretsmanager:PutSecretValue', 'secretsmanager:UpdateSecret'], ['secretsmanager:*']],
  sqs: [['sqs:SendMessage'], ['sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes'], ['sqs:*']],
  rds: [['rds-data:ExecuteStatement', 'rds-data:BatchExecuteStatement'], ['rds:DescribeDBClusters'], ['rds-data:*', 'rds:DescribeDBClusters']],
};
const NON_DATA: Statement[] = [
  { Effect: 'Allow', Action: ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents'], Resource: '*' },
  { Effect: 'Allow', Action: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'], Resource: '*' },
  { Effect: 'Allow', Action: ['cloudwatch:PutMetricData'], Resource: '*', Condition: { StringEquals: { 'cloudwatch:namespace': 'Northwind/App' } } },
  { Effect: 'Allow', Action: ['ec2:Describe*'], Resource: '*' },
  { Effect: 'Allow', Action: ['kms:Decrypt', 'kms:GenerateDataKey'], Resource: '*', Condition: { StringLike: { 'kms:ViaService': ['s3.*.amazonaws.com', 'secretsmanager.*.amazonaws.com'] } } },
  { Effect: 'Allow', Action: 'ssm:GetParameter*', Resource: '*' },
];
const SERVICE_PRINCIPALS = ['lambda.amazonaws.com', 'ecs-tasks.amazonaws.com', 'ec2.amazonaws.com', 'glue.amazonaws.com', 'states.amazonaws.com', 'events.amazonaws.com'];
const FOREIGN_ACCOUNTS = ['731462085519', '210987654321', '464622532012'];
const ID_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function generateAwsOrganisation(size: AwsOrganisationSize): GeneratedAwsOrganisation {
  const { roles: roleCount, statements: statementTotal, dataSources: dataSourceCount, seed } = size;
  if (roleCount < 1 || dataSourceCount < 1 || statementTotal < 2) throw new Error('generateAwsOrganisation needs at least one role, one data source and two statements');
  const random = seededRandom(seed);
  const account = `4${String(between(random, 10_000_000_000, 99_999_999_999))}`;
  const idChars = [...ID_CHARS];
  const id = (prefix: string) => prefix + Array.from({ length: 17 }, () => pick(random, idChars)).join('');
  const date = () => {
    const at = new Date(Date.UTC(2019, 0, 1) + Math.floor(random() * 6 * 365) * 86_400_000 + Math.floor(random() * 86_400) * 1000).toISOString().slice(0, 19);
    // Both forms real exports carry.
    return random() < 0.8 ? `${at}Z` : `${at.replace('T', ' ')}+00:00`;
  };

  // ---- data sources ----
  const sources: DataSource[] = [];
  for (let i = 0; i < dataSourceCount; i++) {
    let roll = random();
    const service = SERVICE_WEIGHTS.find(([, weight]) => (roll -= weight) < 0)?.[0] ?? 's3';
    const env = pick(random, ENVS);
    const family = `nw-${pick(random, DOMAINS)}-${env}`;
    const region = pick(random, REGIONS);
    const name = `${family}-${i.toString(36)}`;
    const arn =
      service === 's3' ? `arn:aws:s3:::${name}`
      : service === 'dynamodb' ? `arn:aws:dynamodb:${region}:${account}:table/${name}`
      : service === 'secretsmanager' ? `arn:aws:secretsmanager:${region}:${account}:secret:${env}/${name}-${id('').slice(0, 6)}`
      : service === 'sqs' ? `arn:aws:sqs:${region}:${account}:${name}`
      : `arn:aws:rds:${region}:${account}:cluster:${name}`;
    sources.push({ service, arn, family, env });
  }
  // Every data source is named at least once: statements take their service's uncovered ones first.
  const byService = new Map<DataService, DataSource[]>(SERVICE_WEIGHTS.map(([service]) => [service, sources.filter((s) => s.service === service)]));
  const covered = new Map<DataService, number>(SERVICE_WEIGHTS.map(([service]) => [service, 0]));
  const takeSources = (service: DataService, count: number): DataSource[] => {
    const pool = byService.get(service)!;
    const taken: DataSource[] = [];
    let next = covered.get(service)!;
    while (taken.length < count && next < pool.length) taken.push(pool[next++]!);
    covered.set(service, next);
    for (let tries = 0; taken.length < count && pool.length > 0 && tries < count * 4; tries++) {
      const candidate = pick(random, pool);
      if (!taken.includes(candidate)) taken.push(candidate);
    }
    return taken;
  };
  const resourcesOf = (source: DataSource, actions: string[]): string[] =>
    source.service !== 's3' ? [source.arn]
    : actions.some((a) => a === 's3:ListBucket' || a === 's3:List*' || a === 's3:*') ? [source.arn, `${source.arn}/*`]
    : [`${source.arn}/*`];

  const concrete: Statement[] = [];
  const statement = (index: number): Statement => {
    const roll = random();
    if (roll < 0.08) return structuredClone(pick(random, NON_DATA));
    let weight = random();
    const service = SERVICE_WEIGHTS.find(([, w]) => (weight -= w) < 0)?.[0] ?? 's3';
    const actions = pick(random, ACTIONS[service]);
    if (roll < 0.12) {
      // A prefix wildcard over a family of resources ("arn:aws:s3:::nw-logs-prod-*").
      const family = pick(random, sources).family;
      const resource = service === 's3' ? [`arn:aws:s3:::${family}-*`, `arn:aws:s3:::${family}-*/*`] : service === 'secretsmanager' ? [`arn:aws:secretsmanager:*:${account}:secret:${family.split('-').pop()}/*`] : service === 'dynamodb' ? [`arn:aws:dynamodb:*:${account}:table/${family}-*`] : service === 'sqs' ? [`arn:aws:sqs:*:${account}:${family}-*`] : [`arn:aws:rds:*:${account}:cluster:${family}-*`];
      return { Effect: 'Allow', Action: actions, Resource: resource };
    }
    if (roll < 0.135) return { Effect: 'Allow', Action: actions.map((a) => a.replace(/:[A-Z]\w*$/, ':Get*')).slice(0, 1), Resource: '*' };
    if (roll < 0.145) return { Effect: 'Allow', NotAction: ['iam:*', 'organizations:*', 'account:*'], Resource: '*' };
    const targets = takeSources(service, between(random, 1, 3));
    const s: Statement = { ...(index === 0 || random() < 0.2 ? { Sid: `S${index}${service.replace(/[^a-z]/g, '')}` } : {}), Effect: 'Allow', Action: actions.length === 1 && random() < 0.5 ? actions[0]! : actions, Resource: targets.flatMap((t) => resourcesOf(t, actions)) };
    if (roll < 0.185) {
      s.Effect = 'Deny';
      s.Action = service === 's3' ? ['s3:Delete*', 's3:PutBucketPolicy'] : [`${ACTIONS[service].at(-1)![0]!.split(':')[0]}:Delete*`];
      s.Resource = targets.flatMap((t) => (t.service === 's3' ? [t.arn, `${t.arn}/*`] : [t.arn]));
    } else if (roll < 0.25) {
      s.Condition = pick<NonNullable<Statement['Condition']>>(random, [
        { StringEquals: { 'aws:SourceVpce': `vpce-0${id('').slice(0, 16).toLowerCase()}` } },
        { StringEquals: { 'aws:PrincipalTag/team': pick(random, TEAMS) } },
        { Bool: { 'aws:SecureTransport': 'true' } },
        { IpAddress: { 'aws:SourceIp': ['10.0.0.0/8', '192.0.2.0/24'] } },
      ]);
    }
    if (targets.length > 0) concrete.push(s);
    return targets.length > 0 ? s : { ...s, Resource: service === 's3' ? 'arn:aws:s3:::*' : `arn:aws:${service}:*:${account}:*` };
  };
  const documentWith = (count: number): Document => ({ Version: '2012-10-17', Statement: Array.from({ length: count }, (_, i) => statement(i)) });

  // ---- where statements go: managed policies, inline policies of roles, users, groups ----
  const managedCount = Math.max(1, Math.min(200, Math.round(roleCount / 25), statementTotal - 1));
  const userCount = Math.max(2, Math.round(roleCount / 100));
  const groupCount = Math.max(2, Math.round(roleCount / 500));
  type Slot = { owner: 'managed' | 'role' | 'user' | 'group'; index: number; count: number };
  const slots: Slot[] = [];
  for (let i = 0; i < managedCount; i++) slots.push({ owner: 'managed', index: i, count: 1 });
  for (let i = 0; i < groupCount; i++) slots.push({ owner: 'group', index: i, count: 1 });
  for (let i = 0; i < userCount; i++) if (random() < 0.5) slots.push({ owner: 'user', index: i, count: 1 });
  for (let i = 0; i < roleCount; i++) {
    const inline = random() < 0.25 ? 0 : random() < 0.7 ? 1 : 2;
    for (let k = 0; k < inline; k++) slots.push({ owner: 'role', index: i, count: 1 });
  }
  // AdministratorAccess's one statement is part of the total.
  const budget = statementTotal - 1;
  // Fewer statements than places for them: drop inline places (managed policies are capped by the total already).
  while (slots.length > budget) slots.splice(slots.findLastIndex((s) => s.owner !== 'managed'), 1);
  const managedSlots = slots.filter((s) => s.owner === 'managed');
  for (let left = budget - slots.length; left > 0; left--) {
    // Managed policies are bigger than inline ones: about a fifth of the extra statements go there.
    const slot = random() < 0.2 && managedSlots.length > 0 ? pick(random, managedSlots) : pick(random, slots);
    slot.count++;
  }

  // ---- managed policies ----
  const policies: unknown[] = [];
  const managedArns: string[] = [];
  slots.forEach((slot) => {
    if (slot.owner !== 'managed') return;
    const name = `${pick(random, TEAMS)}-${pick(random, DOMAINS)}-access-${slot.index}`;
    const arn = `arn:aws:iam::${account}:policy/${random() < 0.3 ? 'service/' : ''}${name}`;
    managedArns.push(arn);
    const created = date();
    const versions: Array<{ Document: Document; VersionId: string; IsDefaultVersion: boolean; CreateDate: string }> = [{ Document: documentWith(slot.count), VersionId: 'v2', IsDefaultVersion: true, CreateDate: created }];
    // Some policies keep an older, broader version that is not the default (not counted).
    if (random() < 0.1) versions.push({ Document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }, VersionId: 'v1', IsDefaultVersion: false, CreateDate: created });
    else versions[0]!.VersionId = 'v1';
    policies.push({ PolicyName: name, PolicyId: id('ANPA'), Arn: arn, Path: arn.includes(':policy/service/') ? '/service/' : '/', DefaultVersionId: versions[0]!.VersionId, AttachmentCount: 0, PermissionsBoundaryUsageCount: 0, IsAttachable: true, CreateDate: created, UpdateDate: created, PolicyVersionList: versions });
  });
  const ADMIN = 'arn:aws:iam::aws:policy/AdministratorAccess';
  policies.push({ PolicyName: 'AdministratorAccess', PolicyId: 'ANPAIWMBCKSKIEE64ZLYK', Arn: ADMIN, Path: '/', DefaultVersionId: 'v1', AttachmentCount: 0, PermissionsBoundaryUsageCount: 0, IsAttachable: true, CreateDate: '2015-02-06T18:39:46Z', UpdateDate: '2015-02-06T18:39:46Z', PolicyVersionList: [] });
  const attachments = new Map<string, number>();
  const attach = (arn: string) => {
    attachments.set(arn, (attachments.get(arn) ?? 0) + 1);
    return { PolicyName: arn.slice(arn.lastIndexOf('/') + 1), PolicyArn: arn };
  };
  const inlineOf = (owner: Slot['owner'], index: number) => slots.filter((s) => s.owner === owner && s.index === index).map((s, k) => ({ PolicyName: `${owner}-${index}-inline-${k}`, PolicyDocument: documentWith(s.count) }));

  // ---- roles ----
  const roleArns: string[] = [];
  const roleSlots = new Map<number, Slot[]>();
  for (const slot of slots) if (slot.owner === 'role') roleSlots.set(slot.index, [...(roleSlots.get(slot.index) ?? []), slot]);
  const adminEvery = Math.max(2, Math.round(roleCount / 6));
  const roles = Array.from({ length: roleCount }, (_, i) => {
    const name = `${pick(random, TEAMS)}-${pick(random, DOMAINS)}-${pick(random, ['worker', 'api', 'batch', 'etl', 'agent', 'lambda', 'sync'])}-${i}`;
    const arn = `arn:aws:iam::${account}:role/${name}`;
    roleArns.push(arn);
    const attached: Array<{ PolicyName: string; PolicyArn: string }> = [];
    // Every managed policy attached at least once; then a skewed pick so a few are shared by many roles.
    if (i < managedArns.length) attached.push(attach(managedArns[i]!));
    for (let k = between(random, 0, 3); k > 0 && managedArns.length > 0; k--) {
      const arn2 = managedArns[Math.floor(managedArns.length * random() ** 2)]!;
      if (!attached.some((a) => a.PolicyArn === arn2)) attached.push(attach(arn2));
    }
    if (i % adminEvery === adminEvery - 1) attached.push(attach(ADMIN));
    const roll = random();
    const principal =
      roll < 0.75 ? { Service: pick(random, SERVICE_PRINCIPALS) }
      : roll < 0.9 ? { AWS: `arn:aws:iam::${account}:root` }
      : roll < 0.96 ? { Federated: `arn:aws:iam::${account}:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/${id('').slice(0, 32)}` }
      : roll < 0.99 ? { AWS: `arn:aws:iam::${pick(random, FOREIGN_ACCOUNTS)}:root` }
      : { AWS: '*' };
    const trust: Record<string, unknown> = { Effect: 'Allow', Principal: principal, Action: 'Federated' in principal ? 'sts:AssumeRoleWithWebIdentity' : 'sts:AssumeRole' };
    const aws = 'AWS' in principal ? principal.AWS : null;
    // "*" always, foreign accounts often, come with an ExternalId (the confused-deputy guard).
    if (aws === '*' || (aws && !aws.includes(account) && random() < 0.5)) trust.Condition = { StringEquals: { 'sts:ExternalId': `ext-${id('').slice(0, 10).toLowerCase()}` } };
    const created = date();
    return {
      Path: '/', RoleName: name, RoleId: id('AROA'), Arn: arn, CreateDate: created,
      AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [trust] },
      InstanceProfileList: [],
      RolePolicyList: (roleSlots.get(i) ?? []).map((s, k) => ({ PolicyName: `${name}-inline-${k}`, PolicyDocument: documentWith(s.count) })),
      AttachedManagedPolicies: attached,
      Tags: [{ Key: 'team', Value: pick(random, TEAMS) }, { Key: 'env', Value: pick(random, ENVS) }],
      RoleLastUsed: random() < 0.8 ? { LastUsedDate: date().replace(' ', 'T').replace('+00:00', 'Z'), Region: pick(random, REGIONS) } : {},
    };
  });

  // ---- groups and users ----
  const groups = Array.from({ length: groupCount }, (_, i) => ({
    Path: '/', GroupName: `group-${i}`, GroupId: id('AGPA'), Arn: `arn:aws:iam::${account}:group/group-${i}`, CreateDate: date(),
    GroupPolicyList: inlineOf('group', i),
    AttachedManagedPolicies: i === 0 ? [attach(ADMIN)] : managedArns.length > 0 ? [attach(managedArns[i % managedArns.length]!)] : [],
  }));
  const users = Array.from({ length: userCount }, (_, i) => {
    const inline = inlineOf('user', i);
    return {
      Path: '/', UserName: `user-${i}`, UserId: id('AIDA'), Arn: `arn:aws:iam::${account}:user/user-${i}`, CreateDate: date(),
      GroupList: [`group-${i % groupCount}`],
      AttachedManagedPolicies: [],
      ...(inline.length > 0 ? { UserPolicyList: inline } : {}),
    };
  });

  // Data sources no statement reached yet join existing statements of their service (the count stays exact).
  for (const source of [...byService].flatMap(([service, pool]) => pool.slice(covered.get(service)))) {
    const servicePrefix = source.arn.slice(0, source.arn.indexOf(':', 8) + 1);
    const host = concrete.find((s) => s.Effect === 'Allow' && [s.Resource].flat()[0]!.startsWith(servicePrefix)) ?? concrete[0];
    if (!host) throw new Error(`no statement can name ${source.arn}: raise statements or lower dataSources`);
    host.Resource = [...[host.Resource].flat(), ...resourcesOf(source, [host.Action ?? []].flat())];
  }

  (policies.at(-1) as { PolicyVersionList: unknown[] }).PolicyVersionList = [{ Document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }, VersionId: 'v1', IsDefaultVersion: true, CreateDate: '2015-02-06T18:39:46Z' }];
  for (const policy of policies as Array<{ Arn: string; AttachmentCount: number }>) policy.AttachmentCount = attachments.get(policy.Arn) ?? 0;
  const json = JSON.stringify({ UserDetailList: users, GroupDetailList: groups, RoleDetailList: roles, Policies: policies, IsTruncated: false });
  return { json, roleArns, dataSourceArns: sources.map((s) => s.arn) };
}
