import { BackendError } from '../../../shared/errors';
import type { DataSourceFact, GrantFact, IamFacts, MembershipFact, PrincipalFact, PrincipalRiskFact, TrustFact } from '../../../shared/iam';
import { appendAll } from '../iam-json-input';
import { accountOfArn } from './aws-resources';
import { PermissionEvaluator, type PermissionEntry, type PolicySource } from './evaluate-permissions';
import { describe, isPlainObject, readPolicyDocument, type PolicyDocument } from './policy-document';
import { PrincipalFactsBuilder } from './principal-facts';
import { assumeGrantsOf, readTrustPolicy } from './trust-policy';

/** Recognised without loading this reader (iam-detector.ts); re-exported where the reader's tests look for it. */
export { looksLikeAwsAuthorizationDetails } from '../iam-export-shapes';
import { looksLikeAwsAuthorizationDetails } from '../iam-export-shapes';

export interface ImportProgress {
  onProgress?(done: number, total: number): void;
  throwIfCancelled?(): void;
}


type Obj = Record<string, unknown>;

/** Field readers that name the JSON path of whatever is wrong. */
class Reader {
  constructor(readonly fileName: string) {}

  fail(path: string, what: string): never {
    throw new BackendError('import-invalid', `${this.fileName}: ${path}: ${what}. Re-export it with "aws iam get-account-authorization-details --output json" or fix that entry.`);
  }
  object(value: unknown, path: string): Obj {
    return isPlainObject(value) ? value : this.fail(path, `is ${describe(value)}, expected an object`);
  }
  list(obj: Obj, key: string, path: string): unknown[] {
    const value = obj[key];
    if (value === undefined || value === null) return [];
    return Array.isArray(value) ? value : this.fail(`${path}.${key}`, `is ${describe(value)}, expected a list`);
  }
  text(obj: Obj, key: string, path: string): string;
  text(obj: Obj, key: string, path: string, optional: true): string | null;
  text(obj: Obj, key: string, path: string, optional?: true): string | null {
    const value = obj[key];
    if (value === undefined || value === null) return optional ? null : this.fail(path, `has no ${key}`);
    return typeof value === 'string' ? value : this.fail(`${path}.${key}`, `is ${describe(value)}, expected text`);
  }
  /** AWS writes "2023-03-09T10:41:45Z" (CLI) or "2023-03-09 10:41:45+00:00" (boto3 / older CLI). */
  date(obj: Obj, key: string, path: string): string | null {
    const value = this.text(obj, key, path, true);
    if (value === null || value === '') return null;
    const time = Date.parse(value.replace(' ', 'T'));
    return Number.isNaN(time) ? this.fail(`${path}.${key}`, `is ${describe(value)}, expected a date like 2023-03-09T10:41:45Z`) : new Date(time).toISOString();
  }
  tags(obj: Obj, path: string): Record<string, string> {
    const tags: Record<string, string> = {};
    this.list(obj, 'Tags', path).forEach((tag, i) => {
      const t = this.object(tag, `${path}.Tags[${i}]`);
      tags[this.text(t, 'Key', `${path}.Tags[${i}]`)] = this.text(t, 'Value', `${path}.Tags[${i}]`, true) ?? '';
    });
    return tags;
  }
  attachedPolicyArns(obj: Obj, path: string): string[] {
    return this.list(obj, 'AttachedManagedPolicies', path).map((p, i) => this.text(this.object(p, `${path}.AttachedManagedPolicies[${i}]`), 'PolicyArn', `${path}.AttachedManagedPolicies[${i}]`));
  }
}

interface ManagedPolicy {
  arn: string;
  name: string;
  source: PolicySource | null;
}

/** Reads `aws iam get-account-authorization-details` output into principals, trusts, grants and risks. */
export function readAwsAuthorizationDetails(fileName: string, json: unknown, opts: ImportProgress = {}): IamFacts {
  const r = new Reader(fileName);
  if (!looksLikeAwsAuthorizationDetails(json)) {
    r.fail('the top level', `is ${describe(json)} without UserDetailList, GroupDetailList, RoleDetailList or Policies lists, so it is not the output of "aws iam get-account-authorization-details"`);
  }
  const root = json as Obj;
  const warnings: string[] = [];
  const counts = { users: 0, groups: 0, roles: 0, policies: 0, inlinePolicies: 0, statements: 0, dataSources: 0, grants: 0, trusts: 0, accessKeys: 0 };
  const users = r.list(root, 'UserDetailList', '').map((u, i) => r.object(u, `UserDetailList[${i}]`));
  const groups = r.list(root, 'GroupDetailList', '').map((g, i) => r.object(g, `GroupDetailList[${i}]`));
  const roles = r.list(root, 'RoleDetailList', '').map((x, i) => r.object(x, `RoleDetailList[${i}]`));
  const policies = r.list(root, 'Policies', '').map((p, i) => r.object(p, `Policies[${i}]`));

  const account = accountOf(r, [
    ...users.map((u, i) => [u, `UserDetailList[${i}]`] as const),
    ...roles.map((x, i) => [x, `RoleDetailList[${i}]`] as const),
    ...groups.map((g, i) => [g, `GroupDetailList[${i}]`] as const),
    ...policies.map((p, i) => [p, `Policies[${i}]`] as const),
  ]);
  const accounts = new Set(account ? [account] : []);

  const managed = new Map<string, ManagedPolicy>();
  policies.forEach((p, i) => {
    const path = `Policies[${i}]`;
    const arn = r.text(p, 'Arn', path);
    const name = r.text(p, 'PolicyName', path, true) ?? arn.slice(arn.lastIndexOf('/') + 1);
    const document = defaultVersionDocument(r, p, path, warnings);
    if (document) counts.statements += document.statements.length;
    managed.set(arn, { arn, name, source: document ? { policy: name, policyKey: arn, document } : null });
  });
  counts.policies = policies.length;

  const missingPolicies = new Map<string, number>();
  const managedSources = (arns: string[]): PolicySource[] => {
    const out: PolicySource[] = [];
    for (const arn of arns) {
      const policy = managed.get(arn);
      if (policy?.source) out.push(policy.source);
      else if (!policy) missingPolicies.set(arn, (missingPolicies.get(arn) ?? 0) + 1);
    }
    return out;
  };
  const inlineSources = (obj: Obj, listKey: string, path: string, principalKey: string, owner: string): PolicySource[] =>
    r.list(obj, listKey, path).map((p, i) => {
      const where = `${path}.${listKey}[${i}]`;
      const entry = r.object(p, where);
      const name = r.text(entry, 'PolicyName', where);
      const document = readPolicyDocument(fileName, `${where}.PolicyDocument`, entry.PolicyDocument);
      counts.inlinePolicies++;
      counts.statements += document.statements.length;
      return { policy: `inline policy ${name} of ${owner}`, policyKey: `inline:${principalKey}:${name}`, document };
    });
  const boundaryOf = (obj: Obj, path: string, owner: string): PolicySource | null => {
    const boundary = obj.PermissionsBoundary;
    if (boundary === undefined || boundary === null) return null;
    const arn = r.text(r.object(boundary, `${path}.PermissionsBoundary`), 'PermissionsBoundaryArn', `${path}.PermissionsBoundary`);
    const policy = managed.get(arn);
    if (policy?.source) return { ...policy.source, policy: `${policy.name} (permissions boundary)` };
    warnings.push(`The permissions boundary ${arn} of ${owner} is not in the export, so its limits are not applied; re-export without --filter to include it.`);
    return null;
  };

  const principals = new Map<string, PrincipalFact>();
  const memberships: MembershipFact[] = [];
  const evaluations: { principal: PrincipalFact; policies: PolicySource[]; boundary: PolicySource | null }[] = [];

  const groupsByName = new Map<string, { key: string; policies: PolicySource[] }>();
  groups.forEach((g, i) => {
    const path = `GroupDetailList[${i}]`;
    const arn = r.text(g, 'Arn', path);
    const name = r.text(g, 'GroupName', path);
    const principal = principalFact(arn, 'group', name, account, r.date(g, 'CreateDate', path), null, {}, pathAttribute(r, g, path));
    const policiesOfGroup = [...inlineSources(g, 'GroupPolicyList', path, arn, `group ${name}`), ...managedSources(r.attachedPolicyArns(g, path))];
    groupsByName.set(name, { key: arn, policies: policiesOfGroup });
    principals.set(arn, principal);
    evaluations.push({ principal, policies: policiesOfGroup, boundary: null });
  });
  counts.groups = groups.length;

  users.forEach((u, i) => {
    const path = `UserDetailList[${i}]`;
    const arn = r.text(u, 'Arn', path);
    const name = r.text(u, 'UserName', path);
    const groupNames = r.list(u, 'GroupList', path).map((g, j) => (typeof g === 'string' ? g : r.fail(`${path}.GroupList[${j}]`, `is ${describe(g)}, expected a group name`)));
    const attributes = pathAttribute(r, u, path);
    if (groupNames.length) attributes.groups = groupNames.join(', ');
    const boundary = boundaryOf(u, path, `user ${name}`);
    if (boundary) attributes['permissions boundary'] = boundary.policyKey;
    const principal = principalFact(arn, 'user', name, account, r.date(u, 'CreateDate', path), null, r.tags(u, path), attributes);
    const policiesOfUser = [...inlineSources(u, 'UserPolicyList', path, arn, `user ${name}`), ...managedSources(r.attachedPolicyArns(u, path))];
    for (const groupName of groupNames) {
      const group = groupsByName.get(groupName);
      if (!group) {
        warnings.push(`User ${name} is in group ${groupName}, which is not in the export; that group's policies are not counted.`);
        continue;
      }
      memberships.push({ memberKey: arn, groupKey: group.key });
      appendAll(policiesOfUser, group.policies);
    }
    principals.set(arn, principal);
    evaluations.push({ principal, policies: policiesOfUser, boundary });
  });
  counts.users = users.length;

  const trusts: TrustFact[] = [];
  const risks: PrincipalRiskFact[] = [];
  const namedInTrusts: PrincipalFact[] = [];
  roles.forEach((x, i) => {
    const path = `RoleDetailList[${i}]`;
    const arn = r.text(x, 'Arn', path);
    const name = r.text(x, 'RoleName', path);
    const attributes = pathAttribute(r, x, path);
    const profiles = r.list(x, 'InstanceProfileList', path).map((p, j) => r.text(r.object(p, `${path}.InstanceProfileList[${j}]`), 'InstanceProfileName', `${path}.InstanceProfileList[${j}]`, true));
    if (profiles.length) attributes['instance profiles'] = profiles.filter(Boolean).join(', ');
    const boundary = boundaryOf(x, path, `role ${name}`);
    if (boundary) attributes['permissions boundary'] = boundary.policyKey;
    let lastUsedAt: string | null = null;
    if (x.RoleLastUsed !== undefined && x.RoleLastUsed !== null) {
      const lastUsed = r.object(x.RoleLastUsed, `${path}.RoleLastUsed`);
      lastUsedAt = r.date(lastUsed, 'LastUsedDate', `${path}.RoleLastUsed`);
      const region = r.text(lastUsed, 'Region', `${path}.RoleLastUsed`, true);
      if (region) attributes['last used in'] = region;
    }
    const principal = principalFact(arn, 'role', name, account, r.date(x, 'CreateDate', path), lastUsedAt, r.tags(x, path), attributes);
    if (x.AssumeRolePolicyDocument !== undefined && x.AssumeRolePolicyDocument !== null) {
      const trust = readTrustPolicy(arn, name, readPolicyDocument(fileName, `${path}.AssumeRolePolicyDocument`, x.AssumeRolePolicyDocument), accounts);
      appendAll(trusts, trust.trusts);
      appendAll(risks, trust.risks);
      appendAll(namedInTrusts, trust.named);
    }
    const policiesOfRole = [...inlineSources(x, 'RolePolicyList', path, arn, `role ${name}`), ...managedSources(r.attachedPolicyArns(x, path))];
    principals.set(arn, principal);
    evaluations.push({ principal, policies: policiesOfRole, boundary });
  });
  counts.roles = roles.length;

  for (const [arn, principalsUsing] of missingPolicies) {
    const kind = arn.startsWith('arn:aws:iam::aws:policy/') ? 'AWS managed policy' : 'Managed policy';
    warnings.push(
      `${kind} ${arn} is attached to ${principalsUsing} principal${principalsUsing === 1 ? '' : 's'} but is not in the export's Policies (an export with --filter may leave it out); its permissions are not counted. Re-export with "aws iam get-account-authorization-details" and no --filter to include it.`,
    );
  }

  const evaluator = new PermissionEvaluator(account);
  const dataSources = new Map<string, DataSourceFact>();
  const grants: GrantFact[] = [];
  const facts = new PrincipalFactsBuilder(account, { grants, risks, dataSources });
  const assumers: { principal: PrincipalFact; statements: readonly (readonly PermissionEntry[])[] }[] = [];
  const total = evaluations.length;
  evaluations.forEach(({ principal, policies: sources, boundary }, index) => {
    if (index % 100 === 0) {
      opts.throwIfCancelled?.();
      opts.onProgress?.(index, total);
    }
    const statements = evaluator.evaluateByStatement(sources, boundary);
    facts.add(principal.key, statements);
    if (principal.kind !== 'group') assumers.push({ principal, statements });
  });
  opts.onProgress?.(total, total);

  const assumeGrants = assumeGrantsOf(assumers);
  for (const trusted of namedInTrusts) if (!principals.has(trusted.key)) principals.set(trusted.key, trusted);

  counts.dataSources = dataSources.size;
  counts.grants = grants.length;
  counts.trusts = trusts.length;
  return {
    provider: 'aws',
    format: 'aws-authorization-details',
    scope: account,
    principals: [...principals.values()],
    memberships,
    trusts,
    credentials: [],
    dataSources: [...dataSources.values()],
    grants,
    assumeGrants,
    risks,
    counts,
    warnings,
  };
}

function principalFact(
  key: string,
  kind: PrincipalFact['kind'],
  name: string,
  scope: string,
  createdAt: string | null,
  lastUsedAt: string | null,
  tags: Record<string, string>,
  attributes: Record<string, string>,
): PrincipalFact {
  return { key, provider: 'aws', kind, name, scope: accountOfArn(key) ?? scope, createdAt, lastUsedAt, tags, attributes };
}

function pathAttribute(r: Reader, obj: Obj, path: string): Record<string, string> {
  const iamPath = r.text(obj, 'Path', path, true);
  return iamPath && iamPath !== '/' ? { path: iamPath } : {};
}

/** The account the export describes: the one its users, roles and groups live in. */
function accountOf(r: Reader, items: readonly (readonly [Obj, string])[]): string {
  for (const [item, path] of items) {
    const account = accountOfArn(r.text(item, 'Arn', path));
    if (account) return account;
  }
  return '';
}

/** A managed policy's default version: IsDefaultVersion, else DefaultVersionId, else its only version. */
function defaultVersionDocument(r: Reader, policy: Obj, path: string, warnings: string[]): PolicyDocument | null {
  const versions = r.list(policy, 'PolicyVersionList', path).map((v, i) => r.object(v, `${path}.PolicyVersionList[${i}]`));
  const defaultId = r.text(policy, 'DefaultVersionId', path, true);
  let index = versions.findIndex((v) => v.IsDefaultVersion === true);
  if (index < 0 && defaultId) index = versions.findIndex((v) => v.VersionId === defaultId);
  if (index < 0 && versions.length === 1) index = 0;
  const arn = r.text(policy, 'Arn', path);
  if (index < 0) {
    warnings.push(`Managed policy ${arn} has no default version in the export; its permissions are not counted.`);
    return null;
  }
  return readPolicyDocument(r.fileName, `${path}.PolicyVersionList[${index}].Document`, versions[index]!.Document);
}
