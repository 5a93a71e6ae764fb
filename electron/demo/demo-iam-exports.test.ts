import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resourcesDir } from '../resources-dir';

/*
 * The demo IAM exports are hand-made data: these checks keep them internally consistent (every
 * reference resolves) and consistent with the demo registry and source, so an importer bug is
 * never mistaken for a data bug. They read the files with JSON.parse and a plain CSV split on
 * purpose: no importer code is trusted here.
 */

const dir = join(resourcesDir(), 'demo', 'iam');
const ACCOUNT = '604917283345';

interface AttachedPolicy {
  PolicyName: string;
  PolicyArn: string;
}
interface InlinePolicy {
  PolicyName: string;
  PolicyDocument: unknown;
}
interface Statement {
  Sid?: string;
  Effect: 'Allow' | 'Deny';
  Principal?: unknown;
  Action?: string | string[];
  NotAction?: string | string[];
  Resource?: string | string[];
  Condition?: Record<string, unknown>;
}
interface PolicyDocument {
  Version: string;
  Statement: Statement[];
}
interface AuthorizationDetails {
  UserDetailList: Array<{ UserName: string; Arn: string; Path: string; CreateDate: string; GroupList: string[]; AttachedManagedPolicies: AttachedPolicy[]; UserPolicyList?: InlinePolicy[] }>;
  GroupDetailList: Array<{ GroupName: string; Arn: string; GroupPolicyList: InlinePolicy[]; AttachedManagedPolicies: AttachedPolicy[] }>;
  RoleDetailList: Array<{
    RoleName: string;
    Arn: string;
    Path: string;
    CreateDate: string;
    AssumeRolePolicyDocument: PolicyDocument;
    RolePolicyList: InlinePolicy[];
    AttachedManagedPolicies: AttachedPolicy[];
    PermissionsBoundary?: { PermissionsBoundaryType: string; PermissionsBoundaryArn: string };
    RoleLastUsed: { LastUsedDate?: string; Region?: string };
  }>;
  Policies: Array<{ PolicyName: string; Arn: string; DefaultVersionId: string; AttachmentCount: number; PermissionsBoundaryUsageCount: number; PolicyVersionList: Array<{ Document: unknown; VersionId: string; IsDefaultVersion: boolean }> }>;
  IsTruncated: boolean;
  Marker?: string;
}

const details = JSON.parse(readFileSync(join(dir, 'aws-prod-authorization-details.json'), 'utf8')) as AuthorizationDetails;
const roleByName = new Map(details.RoleDetailList.map((r) => [r.RoleName, r]));
const userByName = new Map(details.UserDetailList.map((u) => [u.UserName, u]));
const policyByArn = new Map(details.Policies.map((p) => [p.Arn, p]));

/** Real exports give objects; the raw API gives URL-encoded text. */
function documentOf(raw: unknown): PolicyDocument {
  if (typeof raw !== 'string') return raw as PolicyDocument;
  return JSON.parse(raw.trimStart().startsWith('{') ? raw : decodeURIComponent(raw)) as PolicyDocument;
}
function list(value: string | string[] | undefined): string[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}
function defaultDocument(arn: string): PolicyDocument {
  const policy = policyByArn.get(arn);
  const version = policy?.PolicyVersionList.find((v) => v.IsDefaultVersion);
  if (!policy || !version) throw new Error(`no default version of ${arn}`);
  return documentOf(version.Document);
}
/** Every statement a role or user gets: inline, attached managed (default version), and its groups'. */
function statementsOf(kind: 'role' | 'user', name: string): Statement[] {
  const principal = kind === 'role' ? roleByName.get(name) : userByName.get(name);
  if (!principal) throw new Error(`no ${kind} ${name}`);
  const inline = 'RolePolicyList' in principal ? principal.RolePolicyList : (principal.UserPolicyList ?? []);
  const groups = 'GroupList' in principal ? principal.GroupList.map((g) => details.GroupDetailList.find((d) => d.GroupName === g)!) : [];
  return [
    ...inline.flatMap((p) => documentOf(p.PolicyDocument).Statement),
    ...principal.AttachedManagedPolicies.flatMap((a) => defaultDocument(a.PolicyArn).Statement),
    ...groups.flatMap((g) => [...g.GroupPolicyList.flatMap((p) => documentOf(p.PolicyDocument).Statement), ...g.AttachedManagedPolicies.flatMap((a) => defaultDocument(a.PolicyArn).Statement)]),
  ];
}
function allows(statements: Statement[], action: string, resource: string): boolean {
  return statements.some((s) => s.Effect === 'Allow' && list(s.Action).includes(action) && list(s.Resource).some((r) => r === resource || r === '*'));
}

describe('the demo AWS authorization details', () => {
  it('has the shape get-account-authorization-details prints, complete (not truncated)', () => {
    expect(Object.keys(details).sort()).toEqual(['GroupDetailList', 'IsTruncated', 'Policies', 'RoleDetailList', 'UserDetailList']);
    expect(details.IsTruncated).toBe(false);
    expect(details.Marker).toBeUndefined();
    for (const p of [...details.UserDetailList, ...details.RoleDetailList]) expect(p.Arn).toMatch(new RegExp(`^arn:aws:iam::${ACCOUNT}:(user|role)${p.Path}`));
    expect(readFileSync(join(dir, 'aws-prod-authorization-details.json')).length).toBeLessThan(60_000);
  });

  it('resolves every reference: group names, attached and boundary policy ARNs, default versions, attachment counts', () => {
    const groupNames = new Set(details.GroupDetailList.map((g) => g.GroupName));
    for (const user of details.UserDetailList) for (const group of user.GroupList) expect(groupNames, `${user.UserName} -> ${group}`).toContain(group);
    const holders = [...details.UserDetailList, ...details.GroupDetailList, ...details.RoleDetailList];
    for (const holder of holders) {
      for (const attached of holder.AttachedManagedPolicies) {
        expect(attached.PolicyArn).toMatch(new RegExp(`^arn:aws:iam::(aws|${ACCOUNT}):policy/`));
        expect(policyByArn.get(attached.PolicyArn)?.PolicyName, attached.PolicyArn).toBe(attached.PolicyName);
      }
    }
    for (const role of details.RoleDetailList) if (role.PermissionsBoundary) expect(policyByArn.has(role.PermissionsBoundary.PermissionsBoundaryArn)).toBe(true);
    for (const policy of details.Policies) {
      const defaults = policy.PolicyVersionList.filter((v) => v.IsDefaultVersion);
      expect(defaults.map((v) => v.VersionId), policy.PolicyName).toEqual([policy.DefaultVersionId]);
      const attachments = holders.filter((h) => h.AttachedManagedPolicies.some((a) => a.PolicyArn === policy.Arn)).length;
      const boundaries = details.RoleDetailList.filter((r) => r.PermissionsBoundary?.PermissionsBoundaryArn === policy.Arn).length;
      expect([policy.AttachmentCount, policy.PermissionsBoundaryUsageCount], policy.PolicyName).toEqual([attachments, boundaries]);
      expect(attachments + boundaries, `${policy.PolicyName} is listed but used by nobody`).toBeGreaterThan(0);
    }
    expect(policyByArn.get('arn:aws:iam::aws:policy/AdministratorAccess')).toBeDefined();
  });

  it('has every policy document parseable, including the URL-encoded one, and the variations importers must handle', () => {
    const raw = [
      ...details.UserDetailList.flatMap((u) => u.UserPolicyList ?? []).map((p) => p.PolicyDocument),
      ...details.GroupDetailList.flatMap((g) => g.GroupPolicyList).map((p) => p.PolicyDocument),
      ...details.RoleDetailList.flatMap((r) => [r.AssumeRolePolicyDocument, ...r.RolePolicyList.map((p) => p.PolicyDocument)]),
      ...details.Policies.flatMap((p) => p.PolicyVersionList.map((v) => v.Document)),
    ];
    expect(raw.filter((d) => typeof d === 'string')).toHaveLength(1);
    const statements = raw.flatMap((d) => documentOf(d).Statement);
    for (const s of statements) expect(s.Effect).toMatch(/^(Allow|Deny)$/);
    expect(statements.some((s) => s.NotAction !== undefined)).toBe(true);
    expect(statements.some((s) => s.Effect === 'Deny' && list(s.Action).some((a) => a.endsWith('*')))).toBe(true);
    expect(statements.some((s) => s.Condition !== undefined)).toBe(true);
    const dates = [...details.UserDetailList, ...details.RoleDetailList].map((p) => p.CreateDate);
    expect(dates.some((d) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(d))).toBe(true);
    expect(dates.some((d) => /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\+00:00$/.test(d))).toBe(true);
  });

  it('has the roles and users the demo agents name, with the access the registry says they have', () => {
    const registry = JSON.parse(readFileSync(join(resourcesDir(), 'demo', 'agents.json'), 'utf8')) as { agents: Array<{ credentials: string[] }> };
    const named = registry.agents.flatMap((a) => a.credentials).flatMap((c) => [...c.matchAll(/^IAM (role|user) ([\w.-]+)/g)].map((m) => [m[1] as 'role' | 'user', m[2]!] as const));
    expect(named.map(([, name]) => name).sort()).toEqual(['cost-optimiser', 'kyc-reviewer-lambda', 'recon-batch', 'treasury-forecast']);
    for (const [kind, name] of named) expect(kind === 'role' ? roleByName.has(name) : userByName.has(name), `${kind} ${name}`).toBe(true);

    // The IRSA annotation in the demo source names a role of this account.
    const serviceAccount = readFileSync(join(resourcesDir(), 'demo', 'source', 'treasury-forecast', 'k8s', 'serviceaccount.yaml'), 'utf8');
    const irsa = /eks\.amazonaws\.com\/role-arn: (\S+)/.exec(serviceAccount)?.[1];
    expect(details.RoleDetailList.map((r) => r.Arn)).toContain(irsa);

    expect(allows(statementsOf('role', 'kyc-reviewer-lambda'), 's3:GetObject', 'arn:aws:s3:::nw-kyc-documents/*')).toBe(true);
    expect(allows(statementsOf('role', 'kyc-reviewer-lambda'), 'dynamodb:PutItem', `arn:aws:dynamodb:eu-central-1:${ACCOUNT}:table/onboarding-prod.kyc_checks`)).toBe(true);
    expect(allows(statementsOf('role', 'recon-batch'), 's3:GetObject', 'arn:aws:s3:::nw-bank-statements/*')).toBe(true);
    expect(statementsOf('role', 'recon-batch').some((s) => list(s.Action).includes('secretsmanager:GetSecretValue') && list(s.Resource).some((r) => r.includes(':secret:prod/ledger-prod/')))).toBe(true);
    expect(allows(statementsOf('role', 'cost-optimiser'), '*', '*')).toBe(true);
    expect(allows(statementsOf('role', 'dispute-evidence-collector'), 's3:PutObject', 'arn:aws:s3:::nw-dispute-evidence/*')).toBe(true);
    expect(allows(statementsOf('user', 'treasury-forecast'), 's3:GetObject', 'arn:aws:s3:::nw-treasury-prod/*')).toBe(true);
    const deployCi = statementsOf('role', 'deploy-ci');
    expect(deployCi.some((s) => list(s.Action).includes('iam:PassRole')) && deployCi.some((s) => list(s.Action).includes('lambda:CreateFunction'))).toBe(true);
  });

  it('has the trust policies worth flagging: a foreign account and "*" with an ExternalId', () => {
    const trustOf = (name: string) => roleByName.get(name)!.AssumeRolePolicyDocument.Statement[0]!;
    expect(trustOf('vendor-audit').Principal).toEqual({ AWS: 'arn:aws:iam::731462085519:root' });
    expect(trustOf('partner-reporting')).toMatchObject({ Principal: { AWS: '*' }, Condition: { StringEquals: { 'sts:ExternalId': expect.any(String) } } });
  });
});

describe('the demo credential report', () => {
  const lines = readFileSync(join(dir, 'aws-prod-credential-report.csv'), 'utf8').trimEnd().split('\n');
  const header = lines[0]!.split(',');
  // Values never contain commas in a credential report, so a plain split is a faithful parse.
  const rows = lines.slice(1).map((line) => Object.fromEntries(line.split(',').map((value, i) => [header[i]!, value])) as Record<string, string>);

  it('has the real header, the root row and the placeholder values', () => {
    expect(lines[0]).toBe(
      'user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated',
    );
    for (const line of lines) expect(line.split(',')).toHaveLength(header.length);
    expect(rows[0]).toMatchObject({ user: '<root_account>', arn: `arn:aws:iam::${ACCOUNT}:root`, password_enabled: 'not_supported' });
    const values = new Set(rows.flatMap((r) => Object.values(r)));
    for (const placeholder of ['N/A', 'not_supported', 'no_information']) expect(values).toContain(placeholder);
  });

  it('lists exactly the users of the authorization details, with the same ARNs', () => {
    const users = rows.filter((r) => r.user !== '<root_account>');
    expect(users.map((r) => r.user).sort()).toEqual([...userByName.keys()].sort());
    for (const r of users) expect(r.arn).toBe(userByName.get(r.user!)!.Arn);
  });

  it('shows the treasury forecaster key unrotated for over 400 days and still used by s3', () => {
    const row = rows.find((r) => r.user === 'treasury-forecast')!;
    const age = (Date.parse(row.access_key_1_last_used_date!) - Date.parse(row.access_key_1_last_rotated!)) / 86_400_000;
    expect(row).toMatchObject({ access_key_1_active: 'true', access_key_1_last_used_service: 's3', password_enabled: 'false' });
    expect(age).toBeGreaterThan(400);
  });
});

describe('the demo Kubernetes RBAC export', () => {
  interface Subject {
    kind: string;
    name: string;
    namespace?: string;
  }
  interface Item {
    apiVersion: string;
    kind: 'Role' | 'ClusterRole' | 'RoleBinding' | 'ClusterRoleBinding';
    metadata: { name: string; namespace?: string };
    rules?: Array<{ apiGroups?: string[]; resources?: string[]; verbs: string[]; resourceNames?: string[] }> | null;
    aggregationRule?: unknown;
    roleRef?: { apiGroup: string; kind: 'Role' | 'ClusterRole'; name: string };
    subjects?: Subject[] | null;
  }
  const rbac = JSON.parse(readFileSync(join(dir, 'kubernetes-rbac.json'), 'utf8')) as { apiVersion: string; kind: string; items: Item[]; metadata: unknown };
  const bindings = rbac.items.filter((i) => i.kind.endsWith('Binding'));

  it('has the kubectl List shape and every roleRef resolves in its namespace', () => {
    expect(rbac).toMatchObject({ apiVersion: 'v1', kind: 'List', metadata: { resourceVersion: '' } });
    for (const item of rbac.items) {
      expect(item.apiVersion).toBe('rbac.authorization.k8s.io/v1');
      expect(item.metadata.namespace === undefined, `${item.kind} ${item.metadata.name}`).toBe(item.kind.startsWith('Cluster'));
    }
    for (const b of bindings) {
      const target = rbac.items.find((i) => i.kind === b.roleRef!.kind && i.metadata.name === b.roleRef!.name && (i.kind === 'ClusterRole' || i.metadata.namespace === b.metadata.namespace));
      expect(target, `${b.kind} ${b.metadata.namespace}/${b.metadata.name}`).toBeDefined();
    }
  });

  it('binds the demo workloads: the treasury forecaster reads its secret, the cost optimiser is cluster-admin, and has the odd cases', () => {
    const subjectsOf = (name: string) => bindings.filter((b) => b.roleRef!.name === name).flatMap((b) => b.subjects ?? []);
    expect(subjectsOf('treasury-secrets-reader')).toContainEqual({ kind: 'ServiceAccount', name: 'treasury-forecaster', namespace: 'treasury' });
    expect(subjectsOf('cluster-admin')).toContainEqual({ kind: 'ServiceAccount', name: 'cost-optimiser', namespace: 'platform-ops' });
    expect(rbac.items.find((i) => i.kind === 'Role' && i.metadata.name === 'treasury-secrets-reader')!.rules![0]).toMatchObject({ resources: ['secrets'], resourceNames: ['treasury-db'] });
    expect(rbac.items.some((i) => i.kind === 'ClusterRole' && i.rules === null && i.aggregationRule !== undefined)).toBe(true);
    expect(bindings.some((b) => b.subjects === null)).toBe(true);

    // The CronJob of the demo source runs as the ServiceAccount this export binds.
    const cronJob = readFileSync(join(resourcesDir(), 'demo', 'source', 'treasury-forecast', 'k8s', 'cronjob.yaml'), 'utf8');
    expect(cronJob).toMatch(/serviceAccountName: treasury-forecaster/);
    expect(cronJob).toMatch(/namespace: treasury/);
  });
});
