import { describe, expect, it } from 'vitest';
// The generator lives with the benchmarks; its test lives here because vitest runs electron/**.
import { generateAwsOrganisation } from '../../bench/generate-iam-org';

interface Statement {
  Effect: 'Allow' | 'Deny';
  Action?: string | string[];
  NotAction?: string[];
  Resource?: string | string[];
  Principal?: Record<string, string>;
  Condition?: unknown;
}
interface Document {
  Statement: Statement[];
}
interface Attached {
  PolicyArn: string;
}
interface Export {
  UserDetailList: Array<{ UserName: string; GroupList: string[]; AttachedManagedPolicies: Attached[]; UserPolicyList?: Array<{ PolicyDocument: Document }> }>;
  GroupDetailList: Array<{ GroupName: string; GroupPolicyList: Array<{ PolicyDocument: Document }>; AttachedManagedPolicies: Attached[] }>;
  RoleDetailList: Array<{ Arn: string; AssumeRolePolicyDocument: Document; RolePolicyList: Array<{ PolicyDocument: Document }>; AttachedManagedPolicies: Attached[] }>;
  Policies: Array<{ Arn: string; DefaultVersionId: string; AttachmentCount: number; PolicyVersionList: Array<{ VersionId: string; IsDefaultVersion: boolean; Document: Document }> }>;
  IsTruncated: boolean;
}

const list = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const DATA_ARN = /^arn:aws:(s3|dynamodb|secretsmanager|sqs|rds):/;

/** The statements the generator counts: inline ones, and each managed policy's default version once. */
function countedStatements(doc: Export): Statement[] {
  return [
    ...doc.RoleDetailList.flatMap((r) => r.RolePolicyList.flatMap((p) => p.PolicyDocument.Statement)),
    ...doc.UserDetailList.flatMap((u) => (u.UserPolicyList ?? []).flatMap((p) => p.PolicyDocument.Statement)),
    ...doc.GroupDetailList.flatMap((g) => g.GroupPolicyList.flatMap((p) => p.PolicyDocument.Statement)),
    ...doc.Policies.flatMap((p) => p.PolicyVersionList.filter((v) => v.IsDefaultVersion).flatMap((v) => v.Document.Statement)),
  ];
}

/** Concrete data source ARNs a statement names: bucket object paths name their bucket, wildcards nothing. */
function concreteDataSources(statements: Statement[]): Set<string> {
  const found = new Set<string>();
  for (const s of statements) {
    for (const resource of list(s.Resource)) {
      if (!DATA_ARN.test(resource)) continue;
      const base = resource.startsWith('arn:aws:s3:::') ? resource.replace(/\/.*$/, '') : resource;
      if (!base.includes('*')) found.add(base);
    }
  }
  return found;
}

describe('generateAwsOrganisation', () => {
  const size = { roles: 50, statements: 400, dataSources: 60, seed: 7 };
  const org = generateAwsOrganisation(size);
  const doc = JSON.parse(org.json) as Export;

  it('is deterministic from the seed', () => {
    expect(generateAwsOrganisation(size).json).toBe(org.json);
    expect(generateAwsOrganisation({ ...size, seed: 8 }).json).not.toBe(org.json);
  });

  it('has exactly the roles, statements and data sources asked for', () => {
    expect(doc.IsTruncated).toBe(false);
    expect(doc.RoleDetailList.map((r) => r.Arn)).toEqual(org.roleArns);
    expect(new Set(org.roleArns).size).toBe(size.roles);
    expect(countedStatements(doc)).toHaveLength(size.statements);
    expect(new Set(org.dataSourceArns).size).toBe(size.dataSources);
    expect([...concreteDataSources(countedStatements(doc))].sort()).toEqual([...org.dataSourceArns].sort());
  });

  it('holds for a size where statements barely cover the data sources', () => {
    const tight = generateAwsOrganisation({ roles: 5, statements: 12, dataSources: 40, seed: 3 });
    const tightDoc = JSON.parse(tight.json) as Export;
    expect(countedStatements(tightDoc)).toHaveLength(12);
    expect([...concreteDataSources(countedStatements(tightDoc))].sort()).toEqual([...tight.dataSourceArns].sort());
  });

  it('resolves every reference and has the mix an importer must handle', () => {
    const policies = new Map(doc.Policies.map((p) => [p.Arn, p]));
    const groups = new Set(doc.GroupDetailList.map((g) => g.GroupName));
    const holders = [...doc.RoleDetailList, ...doc.UserDetailList, ...doc.GroupDetailList];
    for (const holder of holders) for (const a of holder.AttachedManagedPolicies) expect(policies.has(a.PolicyArn), a.PolicyArn).toBe(true);
    for (const user of doc.UserDetailList) for (const g of user.GroupList) expect(groups).toContain(g);
    for (const p of doc.Policies) {
      expect(p.PolicyVersionList.filter((v) => v.IsDefaultVersion).map((v) => v.VersionId)).toEqual([p.DefaultVersionId]);
      expect(p.AttachmentCount).toBe(holders.filter((h) => h.AttachedManagedPolicies.some((a) => a.PolicyArn === p.Arn)).length);
    }
    expect(Math.max(...doc.Policies.filter((p) => !p.Arn.includes(':aws:policy/')).map((p) => p.AttachmentCount))).toBeGreaterThan(2);
    expect(policies.get('arn:aws:iam::aws:policy/AdministratorAccess')!.AttachmentCount).toBeGreaterThan(1);

    const statements = countedStatements(doc);
    expect(statements.some((s) => s.Effect === 'Deny')).toBe(true);
    expect(statements.some((s) => s.Condition !== undefined)).toBe(true);
    expect(statements.some((s) => s.NotAction !== undefined)).toBe(true);
    expect(statements.some((s) => list(s.Action).some((a) => /:\w*\*$/.test(a)))).toBe(true);
    expect(statements.some((s) => list(s.Resource).some((r) => /^arn:aws:[a-z]+:.*-\*/.test(r)))).toBe(true);
    const trusted = doc.RoleDetailList.flatMap((r) => r.AssumeRolePolicyDocument.Statement.map((s) => Object.keys(s.Principal ?? {})[0]));
    expect(new Set(trusted)).toEqual(new Set(['Service', 'AWS', 'Federated']));
  });
});
