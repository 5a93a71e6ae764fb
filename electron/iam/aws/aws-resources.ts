import type { DataSourceFact, DataSourceKind } from '../../../shared/iam';
import { hasWildcard } from './wildcard';

/** What a policy's Resource entry points at. */
export interface ResourceTarget {
  resource: string;
  /** Resource "*" (or an ARN whose service is a wildcard): every resource of every service. */
  everything: boolean;
  /** The ARN's service ("s3", "iam"), or null for "*". */
  service: string | null;
  /** Resource types it may name (null: any type of its service). */
  resourceTypes: readonly string[] | null;
  dataSource: DataSourceFact | null;
}

/** Action services whose actions name resources of another service's ARNs. */
const ARN_SERVICES_OF_ACTION_SERVICE: Record<string, readonly string[]> = {
  'rds-data': ['rds'],
  'redshift-data': ['redshift', 'redshift-serverless'],
  sts: ['iam', 'sts'],
  'ec2-instance-connect': ['ec2'],
};
export function arnServicesOf(actionService: string): readonly string[] {
  return ARN_SERVICES_OF_ACTION_SERVICE[actionService] ?? [actionService];
}

/** Services whose resources hold data; anything else (iam, sts, ec2, lambda, ...) only feeds risks. */
const DATA_SERVICES: Record<string, { kind: DataSourceKind; noun: string; plural: string }> = {
  s3: { kind: 'bucket', noun: 'S3 bucket', plural: 'S3 buckets' },
  dynamodb: { kind: 'table', noun: 'DynamoDB table', plural: 'DynamoDB tables' },
  rds: { kind: 'database', noun: 'RDS database', plural: 'RDS databases' },
  redshift: { kind: 'database', noun: 'Redshift cluster', plural: 'Redshift clusters' },
  secretsmanager: { kind: 'secret', noun: 'Secrets Manager secret', plural: 'Secrets Manager secrets' },
  ssm: { kind: 'parameter', noun: 'SSM parameter', plural: 'SSM parameters' },
  kms: { kind: 'key', noun: 'KMS key', plural: 'KMS keys' },
  sqs: { kind: 'queue', noun: 'SQS queue', plural: 'SQS queues' },
  sns: { kind: 'topic', noun: 'SNS topic', plural: 'SNS topics' },
  kinesis: { kind: 'stream', noun: 'Kinesis stream', plural: 'Kinesis streams' },
  firehose: { kind: 'stream', noun: 'Firehose delivery stream', plural: 'Firehose delivery streams' },
  glue: { kind: 'dataset', noun: 'Glue database', plural: 'Glue databases and tables' },
  athena: { kind: 'dataset', noun: 'Athena data catalog', plural: 'Athena data catalogs' },
  es: { kind: 'database', noun: 'OpenSearch domain', plural: 'OpenSearch domains' },
};
/** Action services whose "*" grants land on another service's data sources (the Data APIs reach RDS/Redshift). */
const DATA_SERVICE_OF_ACTION_SERVICE: Record<string, string> = { 'rds-data': 'rds', 'rds-db': 'rds', 'redshift-data': 'redshift' };

export function dataServiceOf(actionService: string): string | null {
  const service = DATA_SERVICE_OF_ACTION_SERVICE[actionService] ?? actionService;
  return DATA_SERVICES[service] ? service : null;
}

/** "every S3 bucket in 123456789012": what a grant on Resource "*" reaches. */
export function serviceWideDataSource(service: string, account: string): DataSourceFact {
  const info = DATA_SERVICES[service]!;
  return {
    key: `aws:${account}:${service}:*`,
    provider: 'aws',
    service,
    kind: 'service-wide',
    name: `every ${info.noun} in ${account || 'the account'}`,
    scope: account,
    wildcard: true,
    tags: {},
  };
}

/** Per export account, per resource: no key string to build on every look-up. */
const cache = new Map<string, Map<string, ResourceTarget>>();
let cached = 0;

export function describeResource(resource: string, account: string): ResourceTarget {
  let byResource = cache.get(account);
  if (!byResource) cache.set(account, (byResource = new Map()));
  let target = byResource.get(resource);
  if (!target) {
    target = parseResource(resource, account);
    if (++cached > 100_000) {
      cache.clear();
      cache.set(account, (byResource = new Map()));
      cached = 1;
    }
    byResource.set(resource, target);
  }
  return target;
}

function parseResource(resource: string, exportAccount: string): ResourceTarget {
  const everything: ResourceTarget = { resource, everything: true, service: null, resourceTypes: null, dataSource: null };
  if (resource === '*') return everything;
  const parts = splitArn(resource);
  if (!parts) return { resource, everything: false, service: null, resourceTypes: [], dataSource: null };
  const { service, region, account: arnAccount, rest } = parts;
  if (hasWildcard(service)) return everything;
  const account = arnAccount && !hasWildcard(arnAccount) ? arnAccount : exportAccount;
  const base: ResourceTarget = { resource, everything: false, service, resourceTypes: null, dataSource: null };
  const source = (key: string, kind: DataSourceKind | null, name: string, wildcardName: string): DataSourceFact | null => {
    const info = DATA_SERVICES[service];
    if (!info) return null;
    // A bare "*" after the type prefix is the whole service in that account.
    if (wildcardName === '*' || wildcardName === '') return serviceWideDataSource(service, account);
    const wildcard = hasWildcard(key);
    return {
      key,
      provider: 'aws',
      service,
      kind: kind ?? info.kind,
      name: wildcard ? `${info.plural} matching ${name}` : name,
      scope: account,
      wildcard,
      tags: {},
    };
  };
  const open = rest.endsWith('*');
  switch (service) {
    case 's3': {
      const slash = rest.indexOf('/');
      if (/^(accesspoint|job|storage-lens|access-grants)[/:]/.test(rest)) return { ...base, resourceTypes: [firstToken(rest)] };
      const bucket = slash < 0 ? rest : rest.slice(0, slash);
      const types = slash >= 0 ? ['object'] : open ? ['bucket', 'object'] : ['bucket'];
      return { ...base, resourceTypes: types, dataSource: source(`arn:aws:s3:::${bucket}`, 'bucket', bucket, bucket) };
    }
    case 'dynamodb': {
      const m = /^table\/([^/]+)(?:\/(index|stream|backup|export)\/.*)?$/.exec(rest);
      if (!m) return { ...base, resourceTypes: [firstToken(rest)] };
      const table = m[1]!;
      const types = m[2] ? [m[2]] : open ? ['table', 'index', 'stream', 'backup', 'export'] : ['table'];
      return { ...base, resourceTypes: types, dataSource: source(`arn:aws:dynamodb:${region}:${account}:table/${table}`, 'table', table, table) };
    }
    case 'rds': {
      const m = /^(db|cluster):(.+)$/.exec(rest);
      if (!m) return { ...base, resourceTypes: [firstToken(rest)] };
      return { ...base, resourceTypes: [m[1]!], dataSource: source(`arn:aws:rds:${region}:${account}:${m[1]}:${m[2]}`, 'database', m[2]!, m[2]!) };
    }
    case 'rds-db': {
      // dbuser:<DbiResourceId>/<user>: the resource id names the database, not its identifier.
      const m = /^dbuser:([^/]+)(?:\/.*)?$/.exec(rest);
      if (!m) return { ...base, resourceTypes: ['dbuser'] };
      const id = m[1]!;
      if (id === '*') return { ...base, resourceTypes: ['dbuser'], dataSource: serviceWideDataSource('rds', account) };
      const key = `arn:aws:rds-db:${region}:${account}:dbuser:${id}`;
      const wildcard = hasWildcard(key);
      const name = wildcard ? `RDS databases matching ${id} (IAM database authentication)` : `${id} (IAM database authentication)`;
      return { ...base, resourceTypes: ['dbuser'], dataSource: { key, provider: 'aws', service: 'rds-db', kind: 'database', name, scope: account, wildcard, tags: {} } };
    }
    case 'redshift': {
      const m = /^(cluster|dbuser|dbname|dbgroup|snapshot):([^/]+)/.exec(rest);
      if (!m) return { ...base, resourceTypes: [firstToken(rest)] };
      const dataSource = m[1] === 'snapshot' ? null : source(`arn:aws:redshift:${region}:${account}:cluster:${m[2]}`, 'database', m[2]!, m[2]!);
      return { ...base, resourceTypes: [m[1]!], dataSource };
    }
    case 'secretsmanager': {
      const m = /^secret:(.*)$/.exec(rest);
      if (!m) return { ...base, resourceTypes: [firstToken(rest)] };
      // AWS appends "-" and six random characters to a secret's name in its ARN.
      const name = m[1]!.replace(/-[A-Za-z0-9]{6}$/, '');
      return { ...base, resourceTypes: ['secret'], dataSource: source(resource, 'secret', name, m[1]!) };
    }
    case 'ssm': {
      const m = /^parameter(\/.*)$/.exec(rest);
      if (!m) return { ...base, resourceTypes: [firstToken(rest)] };
      const name = m[1]!;
      return { ...base, resourceTypes: ['parameter'], dataSource: source(resource, 'parameter', name, name === '/*' ? '*' : name) };
    }
    case 'kms': {
      const m = /^key\/(.+)$/.exec(rest);
      if (!m) return { ...base, resourceTypes: [firstToken(rest)] };
      return { ...base, resourceTypes: ['key'], dataSource: source(resource, 'key', `key ${m[1]}`, m[1]!) };
    }
    case 'sqs':
      return { ...base, resourceTypes: ['queue'], dataSource: source(resource, 'queue', rest, rest) };
    case 'sns':
      return { ...base, resourceTypes: ['topic'], dataSource: source(`arn:aws:sns:${region}:${account}:${rest.split(':')[0]}`, 'topic', rest.split(':')[0]!, rest) };
    case 'kinesis': {
      const m = /^stream\/([^/]+)(\/consumer\/.*)?$/.exec(rest);
      if (!m) return { ...base, resourceTypes: [firstToken(rest)] };
      const types = m[2] ? ['consumer'] : open ? ['stream', 'consumer'] : ['stream'];
      return { ...base, resourceTypes: types, dataSource: source(`arn:aws:kinesis:${region}:${account}:stream/${m[1]}`, 'stream', m[1]!, m[1]!) };
    }
    case 'firehose': {
      const m = /^deliverystream\/(.+)$/.exec(rest);
      if (!m) return { ...base, resourceTypes: [firstToken(rest)] };
      return { ...base, resourceTypes: ['deliverystream'], dataSource: source(resource, 'stream', m[1]!, m[1]!) };
    }
    case 'glue': {
      const m = /^(database|table)\/(.+)$/.exec(rest);
      if (!m) return { ...base, resourceTypes: [firstToken(rest)] };
      const isTable = m[1] === 'table';
      return { ...base, resourceTypes: [m[1]!], dataSource: source(resource, isTable ? 'table' : 'dataset', m[2]!, m[2]!) };
    }
    case 'athena': {
      const m = /^datacatalog\/(.+)$/.exec(rest);
      if (!m) return { ...base, resourceTypes: [firstToken(rest)] };
      return { ...base, resourceTypes: ['datacatalog'], dataSource: source(resource, 'dataset', m[1]!, m[1]!) };
    }
    case 'es': {
      const m = /^domain\/([^/]+)/.exec(rest);
      if (!m) return { ...base, resourceTypes: [firstToken(rest)] };
      return { ...base, resourceTypes: ['domain'], dataSource: source(`arn:aws:es:${region}:${account}:domain/${m[1]}`, 'database', m[1]!, m[1]!) };
    }
    case 'sts':
    case 'iam':
      return { ...base, resourceTypes: rest === '*' ? null : [firstToken(rest)] };
    default:
      return { ...base, resourceTypes: hasWildcard(firstToken(rest)) ? null : [firstToken(rest)] };
  }
}

function firstToken(rest: string): string {
  const m = /^[^/:]*/.exec(rest);
  return m ? m[0] : rest;
}

export interface ArnParts {
  partition: string;
  service: string;
  region: string;
  account: string;
  /** Everything after the account: "role/path/name", "table/t/index/i", "db:prod". */
  rest: string;
}

export function splitArn(arn: string): ArnParts | null {
  if (!arn.startsWith('arn:')) return null;
  const parts = arn.split(':');
  if (parts.length < 6) return null;
  return { partition: parts[1]!, service: parts[2]!, region: parts[3]!, account: parts[4]!, rest: parts.slice(5).join(':') };
}

export function accountOfArn(arn: string): string | null {
  const parts = splitArn(arn);
  return parts && /^\d{12}$/.test(parts.account) ? parts.account : null;
}
