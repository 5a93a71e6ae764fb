import { describe, expect, it } from 'vitest';
import type { DataSourceFact, Environment, Sensitivity } from '../../shared/iam';
import { classifyDataSource, loadDataSourceRules, nameTokens, readBundledDataSourceRules } from './classify-data-source';

const rules = readBundledDataSourceRules();
const SUB = '/subscriptions/8d1c4e52-3f0a-4b7e-9a61-2c5d8e0f7b13';

function ds(key: string, kind: DataSourceFact['kind'], extra: Partial<DataSourceFact> = {}): DataSourceFact {
  const provider = extra.provider ?? (key.startsWith('arn:') ? 'aws' : key.startsWith('k8s:') ? 'kubernetes' : key.startsWith('/subscriptions') ? 'azure' : 'gcp');
  const name = key.startsWith('arn:') ? key.split(':').slice(5).join(':').replace(/^(table|key|parameter|secret|db|cluster)[/:]/, '') : key.split(/[/:]/).pop()!;
  return { key, provider, service: key.startsWith('arn:') ? key.split(':')[2]! : '', kind, name, scope: '', wildcard: false, tags: {}, ...extra };
}

describe('classifyDataSource with the bundled rules', () => {
  const cases: Array<[string, DataSourceFact, Environment, Sensitivity, string, string]> = [
    ['KYC bucket with an environment word', ds('arn:aws:s3:::nw-kyc-documents-prod', 'bucket'), 'prod', 'restricted', "name contains 'prod'", "name contains 'kyc'"],
    ['the demo KYC bucket, no environment word', ds('arn:aws:s3:::nw-kyc-documents', 'bucket'), 'unknown', 'restricted', '', "name contains 'kyc'"],
    ['an RDS database named for staging payments', ds('arn:aws:rds:eu-central-1:604917283345:db:payments-staging', 'database'), 'staging', 'restricted', "name contains 'staging'", "name contains 'payments'"],
    ['a plural: bank statements', ds('arn:aws:s3:::nw-bank-statements', 'bucket'), 'unknown', 'restricted', '', "name contains 'statements'"],
    ['a BigQuery dataset with an underscore', ds('projects/p/datasets/analytics_dev', 'dataset', { service: 'bigquery' }), 'dev', 'internal', "name contains 'dev'", "name contains 'analytics'"],
    ['an Azure storage account scope: the resource group says it', ds(`${SUB}/resourceGroups/rg-customers-prod/providers/Microsoft.Storage/storageAccounts/nwcustprod`, 'scope'), 'prod', 'confidential', "name contains 'prod'", "name contains 'customers'"],
    ['an Azure key vault in UAT (camelCase provider namespace)', ds(`${SUB}/resourceGroups/rg-platform-uat/providers/Microsoft.KeyVault/vaults/kv-platform`, 'scope'), 'staging', 'restricted', "name contains 'uat'", "name contains 'key'"],
    ['Kubernetes secrets of a namespace', ds('k8s:nw-data-prod:treasury:secrets', 'k8s-resource', { service: 'secrets' }), 'prod', 'restricted', "name contains 'prod'", "name contains 'secrets'"],
    ['Kubernetes configmaps: nothing to say about them', ds('k8s:nw-data-prod:batch-jobs:configmaps', 'k8s-resource', { service: 'configmaps' }), 'prod', 'unknown', "name contains 'prod'", ''],
    ['camelCase DynamoDB table', ds('arn:aws:dynamodb:eu-central-1:604917283345:table/CustomerProfilesProd', 'table'), 'prod', 'confidential', "name contains 'prod'", "name contains 'customer'"],
    ['a table name with a dot', ds('arn:aws:dynamodb:eu-central-1:604917283345:table/onboarding-prod.kyc_checks', 'table'), 'prod', 'restricted', "name contains 'prod'", "name contains 'kyc'"],
    ['a prefix wildcard', ds('arn:aws:s3:::nw-analytics-prod-*', 'bucket', { wildcard: true }), 'prod', 'internal', "name contains 'prod'", "name contains 'analytics'"],
    ['an IAM database user: random cluster id, ledger user', ds('arn:aws:rds-db:eu-central-1:604917283345:dbuser:cluster-7KQ2XW5RVH3MJNDPLT4EYB6GCA/ledger_recon', 'database'), 'unknown', 'restricted', '', "name contains 'ledger'"],
    ['support tickets (a phrase)', ds('zendesk-support-tickets-archive', 'bucket', { provider: 'gcp' }), 'unknown', 'confidential', '', "name contains 'support tickets'"],
    ['the demo treasury bucket', ds('arn:aws:s3:::nw-treasury-prod', 'bucket'), 'prod', 'confidential', "name contains 'prod'", "name contains 'treasury'"],
    ['www', ds('arn:aws:s3:::www.northwindpay.example', 'bucket'), 'unknown', 'public', '', "name contains 'www'"],
    ['the most sensitive word wins', ds('arn:aws:s3:::nw-kyc-public-uploads', 'bucket'), 'unknown', 'restricted', '', "name contains 'kyc'"],
    ['Terraform state holds secrets', ds('arn:aws:s3:::nw-terraform-state-finance', 'bucket'), 'unknown', 'restricted', '', "name contains 'terraform state'"],
    // Traps: a word inside another word is not that word.
    ['trap: product is not prod, catalog is not log', ds('arn:aws:s3:::nw-product-catalog', 'bucket'), 'unknown', 'unknown', '', ''],
    ['trap: capital and planning are not pan', ds('arn:aws:dynamodb:eu-central-1:604917283345:table/capital-planning', 'table'), 'unknown', 'unknown', '', ''],
    ['trap: developer is not dev; assets are public', ds('arn:aws:s3:::developer-portal-assets', 'bucket'), 'unknown', 'public', '', "name contains 'assets'"],
    ['trap: delivery is not live, latest is not test', ds('arn:aws:sqs:eu-central-1:604917283345:latest-delivery-events', 'queue'), 'unknown', 'unknown', '', ''],
    ['trap: non-prod is not prod', ds('arn:aws:s3:::nw-data-non-prod', 'bucket'), 'dev', 'unknown', "name contains 'non prod'", ''],
    ['trap: pre-prod is staging, not prod', ds('arn:aws:s3:::ledger-pre-prod', 'bucket'), 'staging', 'restricted', "name contains 'pre prod'", "name contains 'ledger'"],
    ['trap: prod01 is prod (digits split off)', ds('arn:aws:rds:eu-central-1:604917283345:db:fraud-prod01', 'database'), 'prod', 'confidential', "name contains 'prod'", "name contains 'fraud'"],
    ['nothing matches', ds('arn:aws:sqs:eu-central-1:604917283345:orders-queue', 'queue'), 'unknown', 'unknown', '', ''],
  ];
  it.each(cases)('%s', (_, source, environment, sensitivity, environmentBecause, sensitivityBecause) => {
    const result = classifyDataSource(source, rules);
    expect([result.environment, result.sensitivity]).toEqual([environment, sensitivity]);
    if (environmentBecause) expect(result.because.environment).toContain(environmentBecause);
    else expect(result.because.environment).toBe('');
    if (sensitivityBecause) expect(result.because.sensitivity).toContain(sensitivityBecause);
    else expect(result.because.sensitivity).toBe('');
  });

  it('reads tags first: an owner’s tag beats what the name suggests, whatever the key case', () => {
    const tagged = classifyDataSource(ds('arn:aws:s3:::nw-kyc-exports-dev', 'bucket', { tags: { Environment: 'Production', 'data-classification': 'public' } }), rules);
    expect(tagged).toEqual({
      environment: 'prod',
      sensitivity: 'public',
      because: { environment: 'tag Environment=Production (data-source.environment.tag-prod)', sensitivity: 'tag data-classification=public (data-source.sensitivity.tag-public)' },
    });
    const gcpLabels = classifyDataSource(ds('projects/nw-payments-prod/datasets/settlements', 'dataset', { tags: { env: 'dev', sensitivity: 'confidential' } }), rules);
    expect([gcpLabels.environment, gcpLabels.sensitivity]).toEqual(['dev', 'confidential']);
    // A tag with an unknown value decides nothing: the name still does.
    const unknownValue = classifyDataSource(ds('arn:aws:s3:::payments-staging', 'bucket', { tags: { env: 'blue' } }), rules);
    expect([unknownValue.environment, unknownValue.sensitivity]).toEqual(['staging', 'restricted']);
  });

  it('makes secrets, KMS keys and service-wide grants restricted whatever their name; parameters only by default', () => {
    const secret = classifyDataSource(ds('arn:aws:secretsmanager:eu-central-1:604917283345:secret:prod/website/cdn-token-AbCdEf', 'secret'), rules);
    expect(secret).toMatchObject({ environment: 'prod', sensitivity: 'restricted', because: { sensitivity: 'kind secret (data-source.sensitivity.secrets-and-keys)' } });
    const key = classifyDataSource(ds('arn:aws:kms:eu-central-1:604917283345:key/3f6c2a91-7d4e-4b8a-9c15-2e8f0d6b4a73', 'key'), rules);
    expect([key.environment, key.sensitivity]).toEqual(['unknown', 'restricted']);
    const everyBucket = classifyDataSource(ds('arn:aws:s3:::*', 'service-wide', { wildcard: true, name: 'every S3 bucket' }), rules);
    expect(everyBucket).toMatchObject({ sensitivity: 'restricted', because: { sensitivity: 'kind service-wide (data-source.sensitivity.service-wide)' } });
    const publicParameter = classifyDataSource(ds('arn:aws:ssm:eu-central-1:604917283345:parameter/prod/website/public-url', 'parameter'), rules);
    expect([publicParameter.environment, publicParameter.sensitivity]).toEqual(['prod', 'public']);
    const plainParameter = classifyDataSource(ds('arn:aws:ssm:eu-central-1:604917283345:parameter/prod/forecaster/model-name', 'parameter'), rules);
    expect(plainParameter).toMatchObject({ sensitivity: 'restricted', because: { sensitivity: 'kind parameter (data-source.sensitivity.parameters)' } });
  });

  it('ignores the ARN resource type and the random suffix of a Secrets Manager ARN', () => {
    // Without stripping, "-Prod12" (the suffix AWS adds) would read as "prod".
    const secret = classifyDataSource(ds('arn:aws:secretsmanager:eu-central-1:604917283345:secret:reporting/db-Prod12', 'secret', { name: 'reporting/db' }), rules);
    expect(secret.environment).toBe('unknown');
    // "table/" is a resource type, not a table named "table".
    expect(classifyDataSource(ds('arn:aws:dynamodb:eu-central-1:604917283345:table/orders', 'table', { name: 'orders' }), rules).sensitivity).toBe('unknown');
  });

  it('splits names at separators, camelCase and digits', () => {
    expect(nameTokens('arn:aws:s3:::nw-kyc_documents.prod/x')).toEqual(['arn', 'aws', 's', '3', 'nw', 'kyc', 'documents', 'prod', 'x']);
    expect(nameTokens('Microsoft.KeyVault/KMSKey prod01')).toEqual(['microsoft', 'key', 'vault', 'kms', 'key', 'prod', '01']);
  });
});

describe('loadDataSourceRules', () => {
  const rule = { id: 'x.environment.y', description: 'd', order: 1, match: { words: ['prod'] }, set: { environment: 'prod' } };

  it('returns the rules in order, the file’s order breaking ties', () => {
    const loaded = loadDataSourceRules({ rules: [{ ...rule, id: 'a.b.late', order: 5 }, { ...rule, id: 'a.b.first', order: 1 }, { ...rule, id: 'a.b.second', order: 1 }] });
    expect(loaded.map((r) => r.id)).toEqual(['a.b.first', 'a.b.second', 'a.b.late']);
    expect(rules.map((r) => r.order)).toEqual([...rules.map((r) => r.order)].sort((a, b) => a - b));
  });

  it('runs a key pattern and a provider filter', () => {
    const custom = loadDataSourceRules({ rules: [{ ...rule, match: { pattern: '^projects/[^/]+-live/', providers: ['gcp'] } }] });
    expect(classifyDataSource(ds('projects/nw-web-live/buckets/x', 'bucket'), custom)).toMatchObject({ environment: 'prod', because: { environment: 'key matches /^projects\\/[^/]+-live\\// (x.environment.y)' } });
    expect(classifyDataSource(ds('projects/nw-web-live/buckets/x', 'bucket', { provider: 'azure' }), custom).environment).toBe('unknown');
  });

  it.each([
    ['not an object', null, 'expected object'],
    ['a bad regular expression', { rules: [{ ...rule, match: { tag: { key: 'env(', value: 'prod' } } }] }, 'not a valid regular expression'],
    ['a duplicate id', { rules: [rule, rule] }, 'duplicate rule id x.environment.y'],
    ['nothing to set', { rules: [{ ...rule, set: {} }] }, 'set needs environment or sensitivity'],
    ['nothing to match', { rules: [{ ...rule, match: {} }] }, 'match needs at least one of'],
    ['an unknown kind', { rules: [{ ...rule, match: { kinds: ['blob'] } }] }, 'kinds'],
    ['setting unknown', { rules: [{ ...rule, set: { sensitivity: 'unknown' } }] }, 'sensitivity'],
    ['upper-case words', { rules: [{ ...rule, match: { words: ['Prod'] } }] }, 'lower-case words'],
    ['a misspelt field', { rules: [{ ...rule, match: { word: ['prod'] } }] }, 'word'],
  ])('rejects %s with a clear message', (_, json, message) => {
    expect(() => loadDataSourceRules(json)).toThrow(/^invalid data source rules: /);
    expect(() => loadDataSourceRules(json)).toThrow(message);
  });
});
