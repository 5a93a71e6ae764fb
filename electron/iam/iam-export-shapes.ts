import { isJsonRecord, ownField } from './iam-json-input';

/**
 * The shapes of the cloud IAM exports, recognised from their content: every file an import is
 * given meets these tests, so they live apart from the readers (policy evaluators, role tables),
 * which are loaded only for a file of their format.
 */

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const LISTS = ['UserDetailList', 'GroupDetailList', 'RoleDetailList', 'Policies'] as const;
/** How a credential report's CSV begins. */
export const HEADER_START = 'user,arn,user_creation_time';
export const RBAC_KINDS = new Set(['Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding']);

/** Content detection: the four lists get-account-authorization-details returns (a --filter export has some of them). */
export function looksLikeAwsAuthorizationDetails(json: unknown): boolean {
  return isPlainObject(json) && LISTS.some((list) => Array.isArray(json[list])) && LISTS.every((list) => json[list] === undefined || Array.isArray(json[list]));
}

/** The CSV itself, or the raw `aws iam get-credential-report` JSON that carries it base64-encoded. */
export function looksLikeAwsCredentialReport(text: string): boolean {
  const start = text.replace(/^\ufeff/, '').trimStart();
  if (start.startsWith(HEADER_START)) return true;
  return start.startsWith('{') && /"Content"\s*:/.test(start.slice(0, 200_000)) && /"ReportFormat"\s*:\s*"text\/csv"/.test(start);
}

/** `az role assignment list --all -o json`: a list of {principalId, roleDefinitionName|Id, scope}. */
export function looksLikeAzureRoleAssignments(json: unknown): boolean {
  if (!Array.isArray(json) || json.length === 0) return false;
  const first: unknown = json[0];
  return (
    isJsonRecord(first) &&
    typeof ownField(first, 'principalId') === 'string' &&
    typeof ownField(first, 'scope') === 'string' &&
    (typeof ownField(first, 'roleDefinitionName') === 'string' || typeof ownField(first, 'roleDefinitionId') === 'string')
  );
}

export function resultsOf(json: unknown): unknown[] | null {
  if (Array.isArray(json)) return json;
  if (isJsonRecord(json)) {
    const results = ownField(json, 'results');
    if (Array.isArray(results)) return results;
  }
  return null;
}

export function looksLikeGcpAssetIamPolicies(json: unknown): boolean {
  const results = resultsOf(json);
  if (!results || results.length === 0) return isJsonRecord(json) && Array.isArray(ownField(json, 'results'));
  const first = results[0];
  return isJsonRecord(first) && typeof ownField(first, 'resource') === 'string' && isJsonRecord(ownField(first, 'policy'));
}

/** `gcloud projects get-iam-policy P --format=json`: bindings plus etag/version, and nothing of other providers. */
export function looksLikeGcpIamPolicy(json: unknown): boolean {
  if (!isJsonRecord(json)) return false;
  if (ownField(json, 'results') !== undefined || ownField(json, 'items') !== undefined || ownField(json, 'kind') !== undefined) return false;
  const bindings = ownField(json, 'bindings');
  if (Array.isArray(bindings)) {
    const first: unknown = bindings[0];
    return bindings.length === 0 ? typeof ownField(json, 'etag') === 'string' : isJsonRecord(first) && typeof ownField(first, 'role') === 'string';
  }
  return bindings === undefined && typeof ownField(json, 'etag') === 'string' && (ownField(json, 'version') !== undefined || ownField(json, 'auditConfigs') !== undefined);
}

/** `gcloud iam service-accounts keys list --iam-account=SA --format=json`: names end in /keys/<id>. */
export function looksLikeGcpServiceAccountKeys(json: unknown): boolean {
  if (!Array.isArray(json) || json.length === 0) return false;
  const first: unknown = json[0];
  if (!isJsonRecord(first)) return false;
  const name = ownField(first, 'name');
  return typeof name === 'string' && name.includes('/serviceAccounts/') && name.includes('/keys/') && typeof ownField(first, 'keyType') === 'string';
}

/** `gcloud iam service-accounts list --format=json`: a list of {email, uniqueId, name: projects/P/serviceAccounts/...}. */
export function looksLikeGcpServiceAccounts(json: unknown): boolean {
  if (!Array.isArray(json) || json.length === 0) return false;
  const first: unknown = json[0];
  if (!isJsonRecord(first)) return false;
  const name = ownField(first, 'name');
  return typeof ownField(first, 'email') === 'string' && typeof name === 'string' && name.includes('/serviceAccounts/') && !name.includes('/keys/');
}

/** `kubectl get roles,clusterroles,rolebindings,clusterrolebindings -A -o json` (a List), or one RBAC object. */
export function looksLikeKubernetesRbac(json: unknown): boolean {
  if (!isJsonRecord(json)) return false;
  const kind = ownField(json, 'kind');
  if (typeof kind === 'string' && RBAC_KINDS.has(kind)) return true;
  const items = ownField(json, 'items');
  const isList = typeof kind === 'string' && kind.endsWith('List');
  if (!isList || !Array.isArray(items)) return false;
  return items.some((item) => isJsonRecord(item) && RBAC_KINDS.has(String(ownField(item, 'kind'))));
}
