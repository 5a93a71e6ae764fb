import type { AccessLevel, DataSourceKind, PrincipalKind, RiskClass, StatementRef } from '../../../shared/iam';
import type { IamFactsCollector, RatedAction } from '../iam-facts-collector';
import { statementRef } from '../iam-facts-collector';
import type { IamJsonInput, JsonRecord } from '../iam-json-input';
import { clipText, jsonPath, ownField } from '../iam-json-input';
import { accessFromGcpRoleName, gcpPermissionAccess, GCP_DATA_SERVICES, IMPERSONATION_PERMISSIONS, predefinedGcpRole, readsContent } from './gcp-roles';

/** One IAM binding as gcloud prints it, checked. */
export interface GcpBinding {
  index: number;
  path: string;
  role: string;
  members: string[];
  condition: { title?: string; description?: string; expression?: string } | null;
}

/** What a policy is attached to: a container (project, folder, organization) reaches every resource in it. */
export type GcpPolicyTarget =
  | { kind: 'container'; key: string; label: string; project: string }
  | { kind: 'resource'; resource: string; assetType: string; project: string };

export interface GcpMember {
  key: string;
  kind: PrincipalKind;
  name: string;
  isPublic: boolean;
  project: string;
  attributes: Record<string, string>;
}

const SERVICE_ACCOUNT_PROJECT = /@([a-z][a-z0-9-]{4,28}[a-z0-9])\.iam\.gserviceaccount\.com$/;
const ROLE_PROJECT = /^projects\/([^/]+)\/roles\//;

export function readGcpBindings(input: IamJsonInput, policy: JsonRecord, path: string): GcpBinding[] {
  return input.optionalList(policy, 'bindings', path).map((raw, index) => {
    const bindingPath = jsonPath(jsonPath(path, 'bindings'), index);
    const binding = input.record(raw, bindingPath);
    const role = input.requiredText(binding, 'role', bindingPath);
    const members = input.optionalList(binding, 'members', bindingPath).map((member, m) => {
      const memberPath = jsonPath(jsonPath(bindingPath, 'members'), m);
      const text = input.textItem(member, memberPath);
      if (!text.trim()) throw input.invalid(memberPath, 'is empty');
      return text;
    });
    const conditionRecord = input.optionalRecord(binding, 'condition', bindingPath);
    const conditionPath = jsonPath(bindingPath, 'condition');
    const condition = conditionRecord
      ? {
          title: input.optionalText(conditionRecord, 'title', conditionPath),
          description: input.optionalText(conditionRecord, 'description', conditionPath),
          expression: input.optionalText(conditionRecord, 'expression', conditionPath),
        }
      : null;
    return { index, path: bindingPath, role, members, condition };
  });
}

/** The project a policy file is about when the file itself does not say: from custom roles, then service accounts. */
export function projectNamedIn(bindings: GcpBinding[]): string {
  for (const binding of bindings) {
    const match = ROLE_PROJECT.exec(binding.role);
    if (match) return match[1]!;
  }
  for (const binding of bindings) {
    for (const member of binding.members) {
      const match = SERVICE_ACCOUNT_PROJECT.exec(member.length > 400 ? '' : member);
      if (match) return match[1]!;
    }
  }
  return '';
}

export function parseGcpMember(text: string, fallbackProject: string, warn: (message: string) => void): GcpMember {
  const attributes: Record<string, string> = {};
  if (text === 'allUsers' || text === 'allAuthenticatedUsers') {
    return { key: text, kind: 'public', name: text === 'allUsers' ? 'anyone on the internet (allUsers)' : 'any Google account (allAuthenticatedUsers)', isPublic: true, project: '', attributes };
  }
  if (text.startsWith('principal://') || text.startsWith('principalSet://')) {
    attributes['federated'] = 'workforce or workload identity pool';
    return { key: text, kind: text.startsWith('principalSet://') ? 'group' : 'user', name: clipText(text, 300), isPublic: false, project: fallbackProject, attributes };
  }
  let body = text;
  if (body.startsWith('deleted:')) {
    body = body.slice('deleted:'.length);
    attributes['deleted'] = 'true';
    const uid = body.indexOf('?uid=');
    if (uid >= 0) {
      attributes['uid'] = clipText(body.slice(uid + 5), 100);
      body = body.slice(0, uid);
    }
  }
  const colon = body.indexOf(':');
  const prefix = colon >= 0 ? body.slice(0, colon) : '';
  const value = colon >= 0 ? body.slice(colon + 1) : body;
  const saProject = SERVICE_ACCOUNT_PROJECT.exec(value.length > 400 ? '' : value)?.[1];
  switch (prefix) {
    case 'user':
      return { key: text, kind: 'user', name: clipText(value, 300), isPublic: false, project: fallbackProject, attributes };
    case 'group':
      return { key: text, kind: 'group', name: clipText(value, 300), isPublic: false, project: fallbackProject, attributes };
    case 'domain':
      return { key: text, kind: 'domain', name: clipText(value, 300), isPublic: false, project: fallbackProject, attributes };
    case 'serviceAccount':
      return { key: text, kind: 'service-account', name: clipText(value, 300), isPublic: false, project: saProject ?? fallbackProject, attributes };
    case 'projectOwner':
    case 'projectEditor':
    case 'projectViewer':
      attributes['convenience'] = 'every principal with the basic role on the project';
      return { key: text, kind: 'group', name: `${prefix.slice('project'.length).toLowerCase()}s of project ${clipText(value, 100)}`, isPublic: false, project: value, attributes };
    default:
      warn(`Member "${clipText(text, 120)}" has a prefix this importer does not know; it is kept as a user.`);
      return { key: text, kind: 'user', name: clipText(text, 300), isPublic: false, project: fallbackProject, attributes };
  }
}

/** Role name -> permissions; custom roles only when the file (or another file read with it) lists them. */
export type GcpRoleResolver = (role: string) => string[] | null;

export interface GcpApplyContext {
  facts: IamFactsCollector;
  resolveRole: GcpRoleResolver;
  /** "IAM policy of project p", "IAM policy of //storage.googleapis.com/b". */
  policyName: string;
  policyKey: string;
  target: GcpPolicyTarget;
  /** The data service a resource target belongs to (storage for a bucket); null for a container or a resource holding no data. */
  resourceService: string | null;
  /** Set for a service-account resource: bindings on it decide who may impersonate it. */
  serviceAccountKey: string | null;
}

function wildcardServiceAccounts(facts: IamFactsCollector, project: string): string {
  const key = project ? `serviceAccount:*@${project}.iam.gserviceaccount.com` : 'serviceAccount:*';
  facts.addPrincipal({ key, kind: 'service-account', name: project ? `every service account in project ${project}` : 'every service account in the project', scope: project, attributes: { wildcard: 'true' } });
  return key;
}

function targetLabel(target: GcpPolicyTarget): string {
  return target.kind === 'container' ? target.label : target.resource;
}

function serviceDataSourceKey(ctx: GcpApplyContext, service: string): string {
  const { target, facts } = ctx;
  if (target.kind === 'resource') {
    const info = GCP_DATA_SERVICES.get(service)!;
    const kind = RESOURCE_KINDS.get(target.assetType) ?? info.kind;
    const last = target.resource.slice(target.resource.lastIndexOf('/') + 1);
    facts.addDataSource({ key: target.resource, service, kind, name: `${info.label} ${last}`, scope: target.project, wildcard: false });
    return target.resource;
  }
  const info = GCP_DATA_SERVICES.get(service);
  const key = `gcp:${target.key}:${service}:*`;
  facts.addDataSource({
    key,
    service,
    kind: 'service-wide',
    name: info ? `every ${info.label} in ${target.label}` : `every resource in ${target.label}`,
    scope: target.project,
    wildcard: true,
  });
  return key;
}

const RESOURCE_KINDS = new Map<string, DataSourceKind>([
  ['storage.googleapis.com/Bucket', 'bucket'],
  ['bigquery.googleapis.com/Dataset', 'dataset'],
  ['bigquery.googleapis.com/Table', 'table'],
  ['secretmanager.googleapis.com/Secret', 'secret'],
  ['pubsub.googleapis.com/Topic', 'topic'],
  ['pubsub.googleapis.com/Subscription', 'queue'],
  ['cloudkms.googleapis.com/CryptoKey', 'key'],
  ['cloudkms.googleapis.com/KeyRing', 'key'],
  ['spanner.googleapis.com/Database', 'database'],
  ['spanner.googleapis.com/Instance', 'database'],
  ['sqladmin.googleapis.com/Instance', 'database'],
]);

/** The data service a Cloud Asset type belongs to (sqladmin is Cloud SQL), or null when it holds no data. */
export function gcpServiceOfAssetType(assetType: string): string | null {
  const host = assetType.slice(0, assetType.indexOf('.googleapis.com/'));
  const service = host === 'sqladmin' ? 'cloudsql' : host === 'firestore' ? 'datastore' : host;
  return GCP_DATA_SERVICES.has(service) ? service : null;
}

export function applyGcpBindings(ctx: GcpApplyContext, bindings: GcpBinding[], fileScope: string): { members: Set<string>; roles: Set<string> } {
  const members = new Set<string>();
  const roles = new Set<string>();
  const { facts, target } = ctx;
  for (const binding of bindings) {
    roles.add(binding.role);
    const conditional = binding.condition !== null;
    const via: StatementRef = statementRef(ctx.policyName, `${ctx.policyKey}#bindings[${binding.index}]`, binding.role, {
      role: binding.role,
      members: binding.members,
      ...(binding.condition ? { condition: binding.condition } : {}),
    });
    const permissions = ctx.resolveRole(binding.role);
    if (permissions === null) warnUnknownRole(facts, binding);
    for (const memberText of binding.members) {
      members.add(memberText);
      const member = parseGcpMember(memberText, fileScope, (message) => facts.warn(message));
      facts.addPrincipal({ key: member.key, kind: member.kind, name: member.name, scope: member.project, attributes: member.attributes });
      if (permissions === null) applyRoleByName(ctx, binding, member, conditional, via);
      else applyPermissions(ctx, binding.role, permissions, member, conditional, via);
      if (member.isPublic) {
        facts.addRisk({ principalKey: member.key, riskClass: 'resource-exposure', detail: `${binding.role} on ${targetLabel(target)} is granted to ${member.key}`, conditional, via });
      }
    }
  }
  return { members, roles };
}

function warnUnknownRole(facts: IamFactsCollector, binding: GcpBinding): void {
  if (binding.role.startsWith('roles/')) {
    facts.warn(`${binding.path}: predefined role ${clipText(binding.role, 200)} is not in the bundled role list; its access is judged from its name.`);
  } else {
    facts.warn(`${binding.path}: custom role ${clipText(binding.role, 200)} lists no permissions in this file; its access is judged from its name. Export it with gcloud iam roles describe to see what it allows.`);
  }
}

function applyRoleByName(ctx: GcpApplyContext, binding: GcpBinding, member: GcpMember, conditional: boolean, via: StatementRef): void {
  const access: AccessLevel = accessFromGcpRoleName(binding.role) ?? 'read';
  const afterRoles = binding.role.slice(binding.role.lastIndexOf('roles/') + 'roles/'.length);
  const namedService = afterRoles.includes('.') ? afterRoles.slice(0, afterRoles.indexOf('.')) : '';
  if (ctx.target.kind === 'resource' && ctx.resourceService === null) return;
  const service = ctx.resourceService ?? (GCP_DATA_SERVICES.has(namedService) ? namedService : '*');
  const dataSourceKey = serviceDataSourceKey(ctx, service);
  const risks: RiskClass[] = [];
  if (member.isPublic) risks.push('resource-exposure');
  if (access === 'permissions-management' && ctx.target.kind === 'container') risks.push('privilege-escalation');
  ctx.facts.addGrant({ principalKey: member.key, dataSourceKey, actions: [{ action: binding.role, access }], riskClasses: risks, conditional, via });
}

function applyPermissions(ctx: GcpApplyContext, role: string, permissions: string[], member: GcpMember, conditional: boolean, via: StatementRef): void {
  const { facts, target } = ctx;
  const byService = new Map<string, RatedAction[]>();
  for (const permission of permissions) {
    const service = permission.slice(0, permission.indexOf('.'));
    const list = byService.get(service) ?? [];
    list.push({ action: permission, access: gcpPermissionAccess(permission) });
    byService.set(service, list);
  }
  const broad = target.kind === 'container';
  for (const [service, actions] of byService) {
    if (!GCP_DATA_SERVICES.has(service)) continue;
    if (target.kind === 'resource' && service !== ctx.resourceService) continue;
    const risks = new Set<RiskClass>();
    if (member.isPublic) risks.add('resource-exposure');
    for (const { action, access } of actions) {
      if (readsContent(action) && (broad || member.isPublic)) risks.add('data-exfiltration');
      if (action === 'secretmanager.versions.access' || action === 'container.secrets.get' || action === 'container.secrets.list') risks.add('credentials-exposure');
      if (access === 'permissions-management') risks.add('resource-exposure');
      if (access === 'write' && broad && !conditional) risks.add('infrastructure-modification');
    }
    facts.addGrant({ principalKey: member.key, dataSourceKey: serviceDataSourceKey(ctx, service), actions, riskClasses: risks, conditional, via });
  }

  const has = (permission: string): boolean => permissions.includes(permission);
  const where = targetLabel(target);
  if (broad && permissions.some((permission) => permission.startsWith('resourcemanager.') && permission.endsWith('.setIamPolicy'))) {
    facts.addRisk({ principalKey: member.key, riskClass: 'privilege-escalation', detail: `${role} on ${where}: can grant any role, to itself or anyone`, conditional, via });
    facts.addRisk({ principalKey: member.key, riskClass: 'resource-exposure', detail: `${role} on ${where}: can make anything in it public`, conditional, via });
  }
  if (has('iam.roles.create') || has('iam.roles.update')) {
    facts.addRisk({ principalKey: member.key, riskClass: 'privilege-escalation', detail: `${role} on ${where}: can create or widen custom roles`, conditional, via });
  }
  const impersonation = permissions.filter((permission) => IMPERSONATION_PERMISSIONS.has(permission));
  if (impersonation.length > 0 && (broad || ctx.serviceAccountKey !== null)) {
    const assumedKey = ctx.serviceAccountKey ?? wildcardServiceAccounts(facts, target.project);
    const targetProject = SERVICE_ACCOUNT_PROJECT.exec(assumedKey)?.[1] ?? target.project;
    facts.addTrust({
      principalKey: assumedKey,
      trustedKey: member.key,
      trustedKind: member.kind,
      openToAnyone: member.isPublic,
      foreignAccount: member.kind === 'service-account' && member.project !== '' && targetProject !== '' && member.project !== targetProject,
      conditional,
      via,
    });
    const what = ctx.serviceAccountKey ? ctx.serviceAccountKey.slice('serviceAccount:'.length) : `every service account in ${where}`;
    facts.addRisk({ principalKey: member.key, riskClass: 'privilege-escalation', detail: `${impersonation.join(', ')} (${role}): can act as ${what}`, conditional, via });
    if (impersonation.some((permission) => permission !== 'iam.serviceAccounts.actAs')) {
      facts.addRisk({ principalKey: member.key, riskClass: 'credentials-exposure', detail: `${impersonation.filter((p) => p !== 'iam.serviceAccounts.actAs').join(', ')} (${role}): can mint tokens or keys for ${what}`, conditional, via });
    }
  }
  if (broad && !conditional) {
    const infrastructure = permissions.filter((permission) => /^(compute|run|cloudfunctions|container)\./.test(permission) && gcpPermissionAccess(permission) === 'write');
    if (infrastructure.length > 0) {
      facts.addRisk({ principalKey: member.key, riskClass: 'infrastructure-modification', detail: `${role} on ${where}: ${infrastructure.slice(0, 5).join(', ')}`, conditional, via });
    }
  }
}

/** Custom roles a file lists itself (gcloud iam roles describe output placed beside the policy). */
export function customRolesIn(input: IamJsonInput, record: JsonRecord): Map<string, string[]> {
  const roles = new Map<string, string[]>();
  const value = ownField(record, 'roles');
  if (!Array.isArray(value)) return roles;
  value.forEach((raw, index) => {
    const path = jsonPath('roles', index);
    const role = input.record(raw, path);
    const name = input.requiredText(role, 'name', path);
    roles.set(name, input.optionalList(role, 'includedPermissions', path).map((permission, p) => input.textItem(permission, jsonPath(jsonPath(path, 'includedPermissions'), p))));
  });
  return roles;
}

export function gcpRoleResolver(customRoles: Map<string, string[]>): GcpRoleResolver {
  return (role) => customRoles.get(role) ?? predefinedGcpRole(role)?.permissions ?? null;
}
