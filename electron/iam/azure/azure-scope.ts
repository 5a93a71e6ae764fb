import { clipText } from '../iam-json-input';

export type AzureScopeLevel = 'tenant' | 'management-group' | 'subscription' | 'resource-group' | 'resource';

export interface AzureScope {
  level: AzureScopeLevel;
  /** Lower-cased, no trailing slash: Azure ids are case-insensitive and az prints resourceGroups and resourcegroups alike. */
  key: string;
  subscription: string;
  service: string;
  name: string;
  /** A container scope reaches every resource in it. */
  wildcard: boolean;
}

const RESOURCE_TYPE_NAMES = new Map([
  ['microsoft.storage/storageaccounts', 'storage account'],
  ['microsoft.storage/storageaccounts/blobservices/containers', 'blob container'],
  ['microsoft.keyvault/vaults', 'key vault'],
  ['microsoft.sql/servers', 'SQL server'],
  ['microsoft.sql/servers/databases', 'SQL database'],
  ['microsoft.documentdb/databaseaccounts', 'Cosmos DB account'],
  ['microsoft.cognitiveservices/accounts', 'Azure AI services account'],
  ['microsoft.containerservice/managedclusters', 'AKS cluster'],
  ['microsoft.web/sites', 'web app'],
  ['microsoft.compute/virtualmachines', 'virtual machine'],
  ['microsoft.servicebus/namespaces', 'Service Bus namespace'],
  ['microsoft.eventhub/namespaces', 'Event Hubs namespace'],
  ['microsoft.dbforpostgresql/flexibleservers', 'PostgreSQL server'],
  ['microsoft.search/searchservices', 'AI Search service'],
]);

/** Reads an assignment scope: "/", a management group, a subscription, a resource group or a resource id. */
export function parseAzureScope(scope: string): AzureScope {
  const segments = scope.split('/').filter(Boolean);
  const key = segments.length === 0 ? '/' : `/${segments.join('/')}`.toLowerCase();
  const lowerSegments = segments.map((segment) => segment.toLowerCase());
  if (segments.length === 0) return { level: 'tenant', key, subscription: '', service: 'Microsoft.Authorization', name: 'the whole tenant (/)', wildcard: true };
  if (lowerSegments[0] === 'providers' && lowerSegments[1] === 'microsoft.management' && lowerSegments[2] === 'managementgroups' && segments.length === 4) {
    return { level: 'management-group', key, subscription: '', service: 'Microsoft.Management', name: `management group ${clipText(segments[3]!, 200)}`, wildcard: true };
  }
  const subscription = lowerSegments[0] === 'subscriptions' && segments[1] ? segments[1] : '';
  if (subscription && segments.length === 2) return { level: 'subscription', key, subscription, service: 'Microsoft.Resources', name: `subscription ${clipText(subscription, 100)}`, wildcard: true };
  const resourceGroup = subscription && lowerSegments[2] === 'resourcegroups' && segments[3] ? segments[3] : '';
  if (resourceGroup && segments.length === 4) {
    return { level: 'resource-group', key, subscription, service: 'Microsoft.Resources', name: `resource group ${clipText(resourceGroup, 200)} (subscription ${clipText(subscription, 100)})`, wildcard: true };
  }
  const providers = lowerSegments.lastIndexOf('providers');
  const namespace = providers >= 0 && segments[providers + 1] ? segments[providers + 1]! : '';
  const typeParts: string[] = [];
  if (providers >= 0) {
    for (let i = providers + 2; i < segments.length; i += 2) typeParts.push(lowerSegments[i]!);
  }
  const type = `${namespace.toLowerCase()}/${typeParts.join('/')}`;
  const resourceName = segments[segments.length - 1]!;
  const noun = RESOURCE_TYPE_NAMES.get(type) ?? (typeParts.length > 0 ? `${namespace}/${typeParts.join('/')}` : 'resource');
  const where = resourceGroup ? ` in resource group ${clipText(resourceGroup, 200)}` : '';
  return { level: 'resource', key, subscription, service: namespace || 'unknown', name: `${noun} ${clipText(resourceName, 200)}${where}`, wildcard: false };
}
