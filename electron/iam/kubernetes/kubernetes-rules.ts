import type { AccessLevel } from '../../../shared/iam';
import kubernetesRoleReference from '../../../resources/iam/kubernetes-roles.json';

export interface PolicyRule {
  apiGroups: string[];
  resources: string[];
  verbs: string[];
  resourceNames: string[];
  nonResourceURLs: string[];
}

/** The default user-facing ClusterRoles a binding may name without the file defining them. */
export const DEFAULT_CLUSTER_ROLES = new Map<string, PolicyRule[]>(
  kubernetesRoleReference.clusterRoles.map((role) => [
    role.name,
    role.rules.map((rule: { apiGroups?: string[]; resources?: string[]; verbs: string[]; nonResourceURLs?: string[] }) => ({
      apiGroups: rule.apiGroups ?? [],
      resources: rule.resources ?? [],
      verbs: rule.verbs,
      resourceNames: [],
      nonResourceURLs: rule.nonResourceURLs ?? [],
    })),
  ]),
);

/** Core-group resources that hold data or run code; where a grant on them lands. */
export const DATA_RESOURCES = new Set(['secrets', 'configmaps', 'persistentvolumeclaims', 'persistentvolumes', 'pods/exec', 'pods/attach', 'serviceaccounts/token']);
export const RBAC_RESOURCES = new Set(['roles', 'clusterroles', 'rolebindings', 'clusterrolebindings']);
export const WORKLOAD_RESOURCES = new Set(['pods', 'deployments', 'daemonsets', 'statefulsets', 'replicasets', 'jobs', 'cronjobs', 'replicationcontrollers']);

export function verbAccess(verb: string, resource: string): AccessLevel {
  switch (verb) {
    case 'get':
    case 'watch':
      return 'read';
    case 'list':
      // Listing secrets returns their values, not only their names.
      return resource === 'secrets' || resource === '*' ? 'read' : 'list';
    case 'escalate':
    case 'bind':
    case 'impersonate':
    case '*':
      return 'permissions-management';
    default:
      return RBAC_RESOURCES.has(resource) ? 'permissions-management' : 'write';
  }
}

/** Every verb on every resource of the core group (or all groups): secrets, pods, service accounts, all of it. */
export function isClusterAdminRule(rule: PolicyRule): boolean {
  return rule.verbs.includes('*') && rule.resources.includes('*') && (rule.apiGroups.includes('*') || rule.apiGroups.includes(''));
}

/** The rule covers resource `resource` in the core API group (where secrets and pods live). */
export function coversCore(rule: PolicyRule): boolean {
  return rule.apiGroups.includes('') || rule.apiGroups.includes('*');
}

export function allows(rule: PolicyRule, verbs: string[], resource: string): boolean {
  return (rule.resources.includes(resource) || rule.resources.includes('*')) && (rule.verbs.includes('*') || verbs.some((verb) => rule.verbs.includes(verb)));
}
