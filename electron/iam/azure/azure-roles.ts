import type { AccessLevel } from '../../../shared/iam';
import { accessRank } from '../../../shared/iam';
import azureRoleReference from '../../../resources/iam/azure-roles.json';

export interface AzureRoleDefinition {
  id: string;
  name: string;
  actions: string[];
  notActions: string[];
  dataActions: string[];
  notDataActions: string[];
  trimmed: boolean;
}

const ROLES: AzureRoleDefinition[] = azureRoleReference.roles.map((role) => ({ ...role, trimmed: 'trimmed' in role && role.trimmed === true }));
const ROLES_BY_ID = new Map(ROLES.map((role) => [role.id.toLowerCase(), role]));
const ROLES_BY_NAME = new Map(ROLES.map((role) => [role.name.toLowerCase(), role]));

export const AZURE_ROLE_REFERENCE_AS_OF = azureRoleReference.asOf;

/** A built-in role by its definition id (the GUID at the end of roleDefinitionId), else by name. */
export function builtInAzureRole(roleDefinitionId: string | undefined, roleDefinitionName: string | undefined): AzureRoleDefinition | undefined {
  const guid = roleDefinitionId?.slice(roleDefinitionId.lastIndexOf('/') + 1).toLowerCase();
  return (guid ? ROLES_BY_ID.get(guid) : undefined) ?? (roleDefinitionName ? ROLES_BY_NAME.get(roleDefinitionName.toLowerCase()) : undefined);
}

const lower = (text: string): string => text.toLowerCase();

/** Contributor's `*` stops at Microsoft.Authorization writes; Owner's does not. */
export function canManageAccess(role: AzureRoleDefinition): boolean {
  const denied = role.notActions.map(lower);
  if (denied.includes('microsoft.authorization/*/write') || denied.includes('microsoft.authorization/*')) return false;
  return role.actions.map(lower).some((action) => action === '*' || action === 'microsoft.authorization/*' || action === 'microsoft.authorization/roleassignments/write');
}

const READ_LIKE_ACTIONS = /(listkeys|readonlykeys|listclusteradmincredential|listclusterusercredential|listcredential|getsecret|decrypt|unwrap|search|completions|embeddings|generateuserdelegationkey)(\/action)?$/;

/** The access one control- or data-plane action gives. */
export function azureActionAccess(action: string): AccessLevel {
  const text = lower(action);
  if (text === '*') return 'permissions-management';
  if (text.startsWith('microsoft.authorization/') && !text.endsWith('/read')) return 'permissions-management';
  if (text.endsWith('/readmetadata/action')) return 'list';
  if (text.endsWith('/read')) return 'read';
  if (text.endsWith('/action') || text.endsWith('/*/action')) return READ_LIKE_ACTIONS.test(text) ? 'read' : 'write';
  return 'write';
}

export function azureRoleAccess(role: AzureRoleDefinition): AccessLevel {
  let best: AccessLevel = 'list';
  for (const action of [...role.actions, ...role.dataActions]) {
    let access = azureActionAccess(action);
    if (action === '*' && !canManageAccess(role)) access = 'write';
    if (accessRank(access) > accessRank(best)) best = access;
  }
  return best;
}

/** For a custom or unknown role: what its name says. */
export function accessFromAzureRoleName(name: string): AccessLevel | null {
  const text = name.toLowerCase();
  if (/(owner|administrator|admin\b)/.test(text)) return 'permissions-management';
  if (/(contributor|writer|officer|operator|editor|sender)/.test(text)) return 'write';
  if (/(reader|viewer|user|receiver)/.test(text)) return 'read';
  return null;
}

/** Actions that read data itself (blob contents, secret values, decrypted keys, table rows, queue messages). */
export function readsAzureData(action: string): boolean {
  const text = lower(action);
  return (
    text === '*' ||
    /blobs\/(read|\*)$/.test(text) ||
    /secrets\/(getsecret\/action|\*)$/.test(text) ||
    text === 'microsoft.keyvault/vaults/*' ||
    /keys\/(decrypt|unwrap)\/action$/.test(text) ||
    /entities\/(read|\*)$/.test(text) ||
    /messages\/(read|\*|process\/action)$/.test(text) ||
    /openai\/(files\/\*\/action|\*)$/.test(text) ||
    /(listkeys|readonlykeys)\/action$/.test(text)
  );
}

/** Actions that hand out a secret or credential (account keys, kubeconfigs, secret values). */
export function exposesAzureCredentials(action: string): boolean {
  const text = lower(action);
  return (
    text === '*' ||
    /(listkeys|readonlykeys|regeneratekey|listclusteradmincredential|listclusterusercredential|listcredential)\/action$/.test(text) ||
    /secrets\/(getsecret\/action|\*)$/.test(text) ||
    text === 'microsoft.keyvault/vaults/*' ||
    text === 'microsoft.storage/storageaccounts/*' ||
    text === 'microsoft.documentdb/databaseaccounts/*' ||
    text === 'microsoft.web/sites/*'
  );
}

/** Actions that run code where a managed identity (or cluster admin) lives: escalation beyond the role itself. */
export function runsCodeAsAnotherIdentity(action: string): boolean {
  const text = lower(action);
  return (
    text === '*' ||
    text === 'microsoft.compute/virtualmachines/*' ||
    text.endsWith('virtualmachines/runcommand/action') ||
    text === 'microsoft.web/sites/*' ||
    text.endsWith('managedclusters/runcommand/action') ||
    text.endsWith('listclusteradmincredential/action')
  );
}
