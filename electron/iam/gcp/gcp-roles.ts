import type { AccessLevel, DataSourceKind } from '../../../shared/iam';
import gcpRoleReference from '../../../resources/iam/gcp-roles.json';

export interface GcpRoleDefinition {
  name: string;
  title: string;
  permissions: string[];
  /** The bundled list keeps the data- and identity-relevant permissions only. */
  trimmed: boolean;
}

const PREDEFINED_ROLES = new Map<string, GcpRoleDefinition>(
  Object.entries(gcpRoleReference.roles).map(([name, role]) => [
    name,
    { name, title: role.title, permissions: role.includedPermissions, trimmed: 'trimmed' in role && role.trimmed === true },
  ]),
);

export const GCP_ROLE_REFERENCE_AS_OF = gcpRoleReference.asOf;

export function predefinedGcpRole(name: string): GcpRoleDefinition | undefined {
  return PREDEFINED_ROLES.get(name);
}

/** Services whose permissions reach data, with how a person names their resources. */
export const GCP_DATA_SERVICES = new Map<string, { label: string; kind: DataSourceKind }>([
  ['storage', { label: 'Cloud Storage bucket', kind: 'bucket' }],
  ['bigquery', { label: 'BigQuery dataset', kind: 'dataset' }],
  ['secretmanager', { label: 'Secret Manager secret', kind: 'secret' }],
  ['cloudsql', { label: 'Cloud SQL instance', kind: 'database' }],
  ['spanner', { label: 'Spanner database', kind: 'database' }],
  ['pubsub', { label: 'Pub/Sub topic and subscription', kind: 'topic' }],
  ['datastore', { label: 'Firestore / Datastore database', kind: 'database' }],
  ['cloudkms', { label: 'Cloud KMS key', kind: 'key' }],
  ['logging', { label: 'Cloud Logging log', kind: 'dataset' }],
  ['aiplatform', { label: 'Vertex AI dataset and model', kind: 'dataset' }],
  ['container', { label: 'GKE cluster object (secrets, pods)', kind: 'k8s-resource' }],
]);

/** Permissions that hand out the identity of a service account: whoever holds them can act as it. */
export const IMPERSONATION_PERMISSIONS = new Set([
  'iam.serviceAccounts.actAs',
  'iam.serviceAccounts.getAccessToken',
  'iam.serviceAccounts.getOpenIdToken',
  'iam.serviceAccounts.implicitDelegation',
  'iam.serviceAccounts.signBlob',
  'iam.serviceAccounts.signJwt',
  'iam.serviceAccountKeys.create',
]);

/** Permissions that return the data itself (not only its metadata). */
const CONTENT_READ_PERMISSIONS = new Set([
  'storage.objects.get',
  'bigquery.tables.getData',
  'bigquery.tables.export',
  'bigquery.models.getData',
  'bigquery.models.export',
  'secretmanager.versions.access',
  'cloudsql.instances.connect',
  'cloudsql.instances.login',
  'cloudsql.instances.export',
  'spanner.databases.read',
  'spanner.databases.select',
  'pubsub.subscriptions.consume',
  'datastore.entities.get',
  'datastore.databases.export',
  'cloudkms.cryptoKeyVersions.useToDecrypt',
  'logging.privateLogEntries.list',
  'logging.views.access',
  'container.secrets.get',
  'container.secrets.list',
  'container.pods.exec',
]);

export function readsContent(permission: string): boolean {
  return CONTENT_READ_PERMISSIONS.has(permission);
}

// createSnapshot is checked on the source table (the copy needs tables.create where it lands): a read.
const READ_VERBS = new Set([
  'createSnapshot',
  'get', 'getData', 'getMetadata', 'getIamPolicy', 'access', 'read', 'select', 'consume', 'export', 'connect', 'login',
  'useToDecrypt', 'sourceCodeGet', 'getDdl', 'beginReadOnlyTransaction', 'getCredentials', 'predict', 'seek', 'useReadOnly', 'exec',
]);
const TAGGING_VERBS = new Set(['createTagBinding', 'deleteTagBinding', 'setLabels', 'setTags']);

/** The access one permission gives, from its verb (service.resource.verb). */
export function gcpPermissionAccess(permission: string): AccessLevel {
  const verb = permission.slice(permission.lastIndexOf('.') + 1);
  if (verb === 'setIamPolicy' || permission === 'iam.roles.create' || permission === 'iam.roles.update') return 'permissions-management';
  if (TAGGING_VERBS.has(verb)) return 'tagging';
  if (verb.startsWith('list') || verb === 'search' || verb.startsWith('search')) return permission === 'logging.privateLogEntries.list' || permission === 'container.secrets.list' ? 'read' : 'list';
  if (READ_VERBS.has(verb)) return 'read';
  return 'write';
}

/** For a role whose permissions are unknown: what its name says (Admin/Owner, Editor/Writer/Developer, Viewer/Reader). */
export function accessFromGcpRoleName(role: string): AccessLevel | null {
  const last = role.slice(role.lastIndexOf('/') + 1).toLowerCase();
  if (/(admin|owner)/.test(last)) return 'permissions-management';
  if (/(editor|writer|developer|user|creator|publisher|contributor|manager|operator)/.test(last)) return 'write';
  if (/(viewer|reader|accessor|subscriber|browser|decrypter)/.test(last)) return 'read';
  return null;
}
