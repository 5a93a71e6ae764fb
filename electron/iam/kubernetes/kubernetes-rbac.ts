import type { IamFacts, PrincipalKind, RiskClass, StatementRef } from '../../../shared/iam';
import { RISK_CLASSES } from '../../../shared/iam';
import type { RatedAction } from '../iam-facts-collector';
import { IamFactsCollector, statementRef } from '../iam-facts-collector';
import type { JsonRecord } from '../iam-json-input';
import { appendAll, clipText, IamJsonInput, jsonPath, ownField } from '../iam-json-input';
import type { PolicyRule } from './kubernetes-rules';
import { allows, coversCore, DATA_RESOURCES, DEFAULT_CLUSTER_ROLES, isClusterAdminRule, RBAC_RESOURCES, verbAccess, WORKLOAD_RESOURCES } from './kubernetes-rules';

/** Recognised without loading this reader (iam-detector.ts); re-exported where the reader's tests look for it. */
export { looksLikeKubernetesRbac } from '../iam-export-shapes';
import { RBAC_KINDS } from '../iam-export-shapes';


interface RoleObject {
  kind: 'Role' | 'ClusterRole';
  namespace: string;
  name: string;
  labels: Map<string, string>;
  rules: PolicyRule[] | null;
  /** matchLabels of each clusterRoleSelector, when the ClusterRole aggregates others. */
  selectors: Map<string, string>[];
}

interface Subject {
  kind: string;
  name: string;
  namespace?: string;
}

interface BindingObject {
  index: number;
  path: string;
  kind: 'RoleBinding' | 'ClusterRoleBinding';
  namespace: string;
  name: string;
  roleRef: { kind: string; name: string };
  subjects: Subject[];
  raw: JsonRecord;
}

function textList(input: IamJsonInput, record: JsonRecord, key: string, path: string): string[] {
  return input.optionalList(record, key, path).map((item, i) => input.textItem(item, jsonPath(jsonPath(path, key), i)));
}

function labelMap(input: IamJsonInput, record: JsonRecord | undefined, key: string, path: string): Map<string, string> {
  const labels = new Map<string, string>();
  const value = record ? input.optionalRecord(record, key, path) : undefined;
  if (!value) return labels;
  for (const name of Object.keys(value)) {
    const text = value[name];
    if (typeof text === 'string') labels.set(name, text);
  }
  return labels;
}

function readRules(input: IamJsonInput, record: JsonRecord, path: string): PolicyRule[] {
  return input.optionalList(record, 'rules', path).map((raw, index) => {
    const rulePath = jsonPath(jsonPath(path, 'rules'), index);
    const rule = input.record(raw, rulePath);
    return {
      apiGroups: textList(input, rule, 'apiGroups', rulePath),
      resources: textList(input, rule, 'resources', rulePath),
      verbs: textList(input, rule, 'verbs', rulePath),
      resourceNames: textList(input, rule, 'resourceNames', rulePath),
      nonResourceURLs: textList(input, rule, 'nonResourceURLs', rulePath),
    };
  });
}

function readObjects(input: IamJsonInput, json: unknown, facts: IamFactsCollector): { roles: RoleObject[]; bindings: BindingObject[] } {
  const top = input.record(json, '');
  const single = RBAC_KINDS.has(String(ownField(top, 'kind')));
  const items = single ? [top] : input.list(ownField(top, 'items'), 'items');
  const roles: RoleObject[] = [];
  const bindings: BindingObject[] = [];
  items.forEach((raw, index) => {
    const path = single ? '' : jsonPath('items', index);
    const item = input.record(raw, path);
    const kind = input.requiredText(item, 'kind', path);
    if (!RBAC_KINDS.has(kind)) {
      facts.warn(`${path}: a ${clipText(kind, 60)} is not an RBAC object; it was skipped.`);
      return;
    }
    const metadata = input.record(ownField(item, 'metadata'), jsonPath(path, 'metadata'));
    const metadataPath = jsonPath(path, 'metadata');
    const name = input.requiredText(metadata, 'name', metadataPath);
    const namespace = input.optionalText(metadata, 'namespace', metadataPath) ?? '';
    if (kind === 'Role' || kind === 'ClusterRole') {
      const rulesValue = ownField(item, 'rules');
      const aggregation = input.optionalRecord(item, 'aggregationRule', path);
      const selectors = aggregation
        ? input.optionalList(aggregation, 'clusterRoleSelectors', jsonPath(path, 'aggregationRule')).map((selector, s) => {
            const selectorPath = jsonPath(jsonPath(jsonPath(path, 'aggregationRule'), 'clusterRoleSelectors'), s);
            return labelMap(input, input.record(selector, selectorPath), 'matchLabels', selectorPath);
          })
        : [];
      roles.push({ kind, namespace, name, labels: labelMap(input, metadata, 'labels', metadataPath), rules: rulesValue === null || rulesValue === undefined ? null : readRules(input, item, path), selectors });
      return;
    }
    const roleRefPath = jsonPath(path, 'roleRef');
    const roleRef = input.record(ownField(item, 'roleRef'), roleRefPath);
    const subjects = input.optionalList(item, 'subjects', path).map((rawSubject, s) => {
      const subjectPath = jsonPath(jsonPath(path, 'subjects'), s);
      const subject = input.record(rawSubject, subjectPath);
      return { kind: input.requiredText(subject, 'kind', subjectPath), name: input.requiredText(subject, 'name', subjectPath), namespace: input.optionalText(subject, 'namespace', subjectPath) };
    });
    bindings.push({
      index,
      path,
      kind: kind as BindingObject['kind'],
      namespace,
      name,
      roleRef: { kind: input.requiredText(roleRef, 'kind', roleRefPath), name: input.requiredText(roleRef, 'name', roleRefPath) },
      subjects,
      raw: { kind, metadata: { name, namespace }, roleRef: ownField(item, 'roleRef'), subjects: ownField(item, 'subjects') ?? null },
    });
  });
  return { roles, bindings };
}

/** A ClusterRole that aggregates others and was exported without its filled-in rules gets them from the matching ClusterRoles. */
function aggregatedRules(role: RoleObject, clusterRoles: RoleObject[]): PolicyRule[] {
  const rules: PolicyRule[] = [];
  for (const other of clusterRoles) {
    if (other === role || !other.rules) continue;
    const matches = role.selectors.some((selector) => selector.size > 0 && [...selector].every(([key, value]) => other.labels.get(key) === value));
    if (matches) appendAll(rules, other.rules);
  }
  return rules;
}

interface SubjectPrincipal {
  key: string;
  kind: PrincipalKind;
  isPublic: boolean;
}

const PUBLIC_SUBJECTS = new Set(['User:system:anonymous', 'Group:system:unauthenticated', 'Group:system:authenticated']);

/** Facts of a cluster's RBAC: who is bound to what, and which secrets, config maps, volumes and exec they reach. */
export function readKubernetesRbac(fileName: string, json: unknown, opts?: { scope?: string }): IamFacts {
  const input = new IamJsonInput(fileName, 'Export it again with kubectl get roles,clusterroles,rolebindings,clusterrolebindings -A -o json');
  const cluster = opts?.scope?.trim() ?? '';
  const facts = new IamFactsCollector('kubernetes', 'kubernetes-rbac', cluster);
  const { roles, bindings } = readObjects(input, json, facts);
  const clusterRoles = roles.filter((role) => role.kind === 'ClusterRole');
  const roleIndex = new Map<string, RoleObject>();
  for (const role of roles) roleIndex.set(role.kind === 'Role' ? `Role:${role.namespace}/${role.name}` : `ClusterRole:${role.name}`, role);

  const rulesOf = (binding: BindingObject): PolicyRule[] | null => {
    const { kind, name } = binding.roleRef;
    const role = roleIndex.get(kind === 'Role' ? `Role:${binding.namespace}/${name}` : `ClusterRole:${name}`);
    if (role) {
      if (role.rules && role.rules.length > 0) return role.rules;
      if (role.selectors.length > 0) return aggregatedRules(role, clusterRoles);
      if (kind === 'ClusterRole' && DEFAULT_CLUSTER_ROLES.has(name)) return DEFAULT_CLUSTER_ROLES.get(name)!;
      return role.rules ?? [];
    }
    if (kind === 'ClusterRole' && DEFAULT_CLUSTER_ROLES.has(name)) return DEFAULT_CLUSTER_ROLES.get(name)!;
    facts.warn(`${binding.path}.roleRef: ${clipText(kind, 40)} ${clipText(name, 200)} is not in this file${kind === 'Role' ? ` (namespace ${clipText(binding.namespace, 100)})` : ''}; what it allows is unknown. Export the roles with the bindings.`);
    return null;
  };

  const principalOf = (subject: Subject, binding: BindingObject): SubjectPrincipal => {
    const isPublic = PUBLIC_SUBJECTS.has(`${subject.kind}:${subject.name}`);
    if (subject.kind === 'ServiceAccount') {
      const namespace = subject.namespace ?? (binding.kind === 'RoleBinding' ? binding.namespace : '');
      if (!namespace) facts.warn(`${binding.path}: service account ${clipText(subject.name, 200)} has no namespace.`);
      const key = `k8s:${cluster}:${namespace}:ServiceAccount:${subject.name}`;
      facts.addPrincipal({ key, kind: 'k8s-service-account', name: `${namespace}/${subject.name}`, scope: cluster, attributes: { namespace } });
      return { key, kind: 'k8s-service-account', isPublic };
    }
    if (subject.kind !== 'User' && subject.kind !== 'Group') facts.warn(`${binding.path}: subject kind ${clipText(subject.kind, 60)} is not User, Group or ServiceAccount; read as a user.`);
    const kind: PrincipalKind = isPublic ? 'public' : subject.kind === 'Group' ? 'group' : 'user';
    const key = `k8s:${cluster}::${subject.kind === 'Group' ? 'Group' : 'User'}:${subject.name}`;
    facts.addPrincipal({ key, kind, name: subject.name, scope: cluster, attributes: subject.name.startsWith('system:') ? { builtIn: 'true' } : {} });
    return { key, kind, isPublic };
  };

  for (const binding of bindings) {
    const rules = rulesOf(binding);
    const namespace = binding.kind === 'RoleBinding' ? binding.namespace : '*';
    const where = namespace === '*' ? 'every namespace' : `namespace ${clipText(namespace, 100)}`;
    const via = statementRef(
      `${binding.kind} ${binding.namespace ? `${binding.namespace}/` : ''}${binding.name}`,
      `k8s:${cluster}:${binding.kind}:${binding.namespace}/${binding.name}`,
      `${binding.roleRef.kind} ${binding.roleRef.name}`,
      { ...binding.raw, rules: rules ?? 'not in the file' },
    );
    if (binding.subjects.length === 0) facts.warn(`${binding.path}: ${binding.kind} ${clipText(binding.name, 200)} has no subjects; it grants nothing.`);
    for (const subject of binding.subjects) {
      const principal = principalOf(subject, binding);
      if (principal.isPublic) {
        facts.addRisk({ principalKey: principal.key, riskClass: 'resource-exposure', detail: `${binding.roleRef.kind} ${binding.roleRef.name} in ${where} is bound to ${subject.name}`, conditional: false, via });
      }
      if (rules) applyRules(facts, cluster, namespace, where, rules, principal, via);
    }
  }

  return facts.finish({
    roles: roles.filter((role) => role.kind === 'Role').length,
    clusterRoles: clusterRoles.length,
    roleBindings: bindings.filter((binding) => binding.kind === 'RoleBinding').length,
    clusterRoleBindings: bindings.filter((binding) => binding.kind === 'ClusterRoleBinding').length,
    subjects: facts.principalCount,
    dataSources: facts.dataSourceCount,
  });
}

function applyRules(facts: IamFactsCollector, cluster: string, namespace: string, where: string, rules: PolicyRule[], principal: SubjectPrincipal, via: StatementRef): void {
  const risk = (riskClass: RiskClass, detail: string): void => facts.addRisk({ principalKey: principal.key, riskClass, detail, conditional: false, via });
  const coreRules = rules.filter(coversCore);

  if (rules.some(isClusterAdminRule)) {
    const key = `k8s:${cluster}:${namespace}:*`;
    facts.addDataSource({ key, service: '*', kind: 'k8s-resource', name: namespace === '*' ? 'every resource in the cluster' : `every resource in ${where}`, scope: cluster, wildcard: true });
    facts.addGrant({ principalKey: principal.key, dataSourceKey: key, actions: [{ action: '* *', access: 'permissions-management' }], riskClasses: RISK_CLASSES, conditional: false, via });
    for (const riskClass of RISK_CLASSES) risk(riskClass, `${namespace === '*' ? 'cluster admin' : `admin of ${where}`}: every verb on every resource`);
    return;
  }

  for (const rule of coreRules) {
    // `*` stays one wildcard data source ("every resource in namespace x") rather than a list of guesses.
    const resources = rule.resources.includes('*') ? ['*'] : rule.resources.filter((resource) => DATA_RESOURCES.has(resource));
    for (const resource of resources) {
      if (resource === 'persistentvolumes' && namespace !== '*') continue;
      const verbs = rule.verbs;
      const is = (...names: string[]): boolean => resource === '*' || names.includes(resource);
      const uses = (...names: string[]): boolean => verbs.includes('*') || verbs.some((verb) => names.includes(verb));
      const actions: RatedAction[] = verbs.map((verb) => ({ action: `${verb} ${resource}`, access: verbAccess(verb, resource) }));
      const risks = new Set<RiskClass>(principal.isPublic ? ['resource-exposure'] : []);
      const readsAll = uses('list', 'watch') || (namespace === '*' && uses('get'));
      if (is('secrets') && uses('get', 'list', 'watch')) {
        risks.add('credentials-exposure');
        if (readsAll && rule.resourceNames.length === 0) risks.add('data-exfiltration');
      }
      if (is('pods/exec', 'pods/attach') && uses('create', 'get')) {
        risks.add('privilege-escalation');
        risks.add('credentials-exposure');
        risk('privilege-escalation', `pods/exec or pods/attach in ${where}: runs code in pods, as their service accounts`);
      }
      if (is('serviceaccounts/token') && uses('create')) {
        risks.add('credentials-exposure');
        risks.add('privilege-escalation');
        risk('credentials-exposure', `create serviceaccounts/token in ${where}: mints tokens for service accounts`);
        trustServiceAccounts(facts, cluster, namespace, rule.resourceNames, principal, via);
      }
      if (namespace === '*' && actions.some(({ access }) => access === 'write' || access === 'permissions-management')) risks.add('infrastructure-modification');
      const names = rule.resourceNames.length > 0 ? rule.resourceNames : [null];
      for (const name of names) {
        const key = name === null ? `k8s:${cluster}:${namespace}:${resource}` : `k8s:${cluster}:${namespace}:${resource}/${name}`;
        const noun = resource === '*' ? 'every resource' : name === null ? resource : `${resource} ${clipText(name, 200)}`;
        facts.addDataSource({ key, service: resource, kind: 'k8s-resource', name: `${noun} in ${where}`, scope: cluster, wildcard: name === null });
        facts.addGrant({ principalKey: principal.key, dataSourceKey: key, actions, riskClasses: risks, conditional: false, via });
      }
    }
  }

  for (const rule of rules) {
    if (allows(rule, ['escalate', 'bind'], 'roles') || allows(rule, ['escalate', 'bind'], 'clusterroles')) {
      risk('privilege-escalation', `escalate/bind on roles in ${where}: can grant permissions it does not hold`);
    }
    for (const resource of RBAC_RESOURCES) {
      if (rule.resources.includes(resource) && rule.verbs.some((verb) => ['create', 'update', 'patch', '*'].includes(verb))) {
        risk('privilege-escalation', `${rule.verbs.join(',')} ${resource} in ${where}: can change who may do what`);
      }
    }
    for (const target of ['users', 'groups', 'serviceaccounts']) {
      if (allows(rule, ['impersonate'], target) && (coversCore(rule) || target !== 'serviceaccounts')) {
        risk('privilege-escalation', `impersonate ${target} in ${where}`);
        if (target === 'serviceaccounts') trustServiceAccounts(facts, cluster, namespace, rule.resourceNames, principal, via);
        else trustUsersOrGroups(facts, cluster, target === 'users' ? 'User' : 'Group', rule.resourceNames, principal, via);
      }
    }
    if (coversCore(rule) || rule.apiGroups.includes('apps') || rule.apiGroups.includes('batch')) {
      const creates = rule.verbs.some((verb) => verb === 'create' || verb === '*');
      if (creates && rule.resources.some((resource) => WORKLOAD_RESOURCES.has(resource) || resource === '*')) {
        risk('privilege-escalation', `create pods or workloads in ${where}: can run a pod as any service account there`);
        if (namespace === '*') risk('infrastructure-modification', 'create pods or workloads in every namespace');
      }
    }
  }
}

function trustServiceAccounts(facts: IamFactsCollector, cluster: string, namespace: string, names: string[], principal: SubjectPrincipal, via: StatementRef): void {
  for (const name of names.length > 0 ? names : ['*']) {
    const key = `k8s:${cluster}:${namespace}:ServiceAccount:${name}`;
    if (name === '*' || namespace === '*') {
      facts.addPrincipal({ key, kind: 'k8s-service-account', name: name === '*' ? `every service account in ${namespace === '*' ? 'every namespace' : `namespace ${namespace}`}` : `${name} (any namespace)`, scope: cluster, attributes: { wildcard: 'true' } });
    } else {
      facts.addPrincipal({ key, kind: 'k8s-service-account', name: `${namespace}/${name}`, scope: cluster, attributes: { namespace } });
    }
    facts.addTrust({ principalKey: key, trustedKey: principal.key, trustedKind: principal.kind, openToAnyone: principal.isPublic, foreignAccount: false, conditional: false, via });
  }
}

function trustUsersOrGroups(facts: IamFactsCollector, cluster: string, kind: 'User' | 'Group', names: string[], principal: SubjectPrincipal, via: StatementRef): void {
  for (const name of names.length > 0 ? names : ['*']) {
    const key = `k8s:${cluster}::${kind}:${name}`;
    facts.addPrincipal({ key, kind: kind === 'User' ? 'user' : 'group', name: name === '*' ? `every ${kind.toLowerCase()}` : name, scope: cluster, attributes: name === '*' ? { wildcard: 'true' } : {} });
    facts.addTrust({ principalKey: key, trustedKey: principal.key, trustedKind: principal.kind, openToAnyone: principal.isPublic, foreignAccount: false, conditional: false, via });
  }
}
