import type { IamFacts } from '../../../shared/iam';
import { IamFactsCollector } from '../iam-facts-collector';
import type { JsonRecord } from '../iam-json-input';
import { clipText, IamJsonInput, isJsonRecord, jsonPath, ownField } from '../iam-json-input';
import type { GcpPolicyTarget } from './gcp-policy-bindings';
import { applyGcpBindings, customRolesIn, gcpRoleResolver, gcpServiceOfAssetType, readGcpBindings } from './gcp-policy-bindings';
import { resultsOf } from '../iam-export-shapes';

/** Recognised without loading this reader (iam-detector.ts); re-exported where the reader's tests look for it. */
export { looksLikeGcpAssetIamPolicies } from '../iam-export-shapes';


/**
 * `gcloud asset search-all-iam-policies --format=json`: gcloud prints the results as a list; the
 * API (and --format=json of some versions) wraps them in {results:[...]}. Both are accepted.
 */

const PROJECT_IN_RESOURCE = /\/projects\/([^/]+)(?:\/|$)/;

function targetOf(resource: string, assetType: string, project: string): { target: GcpPolicyTarget; service: string | null; serviceAccountKey: string | null } {
  const last = resource.slice(resource.lastIndexOf('/') + 1);
  if (assetType === 'cloudresourcemanager.googleapis.com/Project') {
    return { target: { kind: 'container', key: last, label: `project ${last}`, project: last }, service: null, serviceAccountKey: null };
  }
  if (assetType === 'cloudresourcemanager.googleapis.com/Folder' || assetType === 'cloudresourcemanager.googleapis.com/Organization') {
    const noun = assetType.endsWith('Folder') ? 'folder' : 'organization';
    return { target: { kind: 'container', key: `${noun}s/${last}`, label: `${noun} ${last}`, project: '' }, service: null, serviceAccountKey: null };
  }
  const target: GcpPolicyTarget = { kind: 'resource', resource, assetType, project };
  if (assetType === 'iam.googleapis.com/ServiceAccount') return { target, service: null, serviceAccountKey: `serviceAccount:${last}` };
  return { target, service: gcpServiceOfAssetType(assetType), serviceAccountKey: null };
}

/** Resource-level bindings (buckets, datasets, secrets, topics, service accounts) and the project/folder policies the search also returns. */
export function readGcpAssetIamPolicies(fileName: string, json: unknown, opts?: { scope?: string }): IamFacts {
  const input = new IamJsonInput(fileName, 'Export it again with gcloud asset search-all-iam-policies --scope=projects/PROJECT --format=json');
  const rawResults = resultsOf(json);
  if (!rawResults) throw input.invalid('results', 'expected a list of IAM policy search results');
  const basePath = Array.isArray(json) ? '' : 'results';
  const parsed = rawResults.map((raw, index) => {
    const path = basePath ? jsonPath(basePath, index) : `[${index}]`;
    const result = input.record(raw, path);
    const resource = input.requiredText(result, 'resource', path);
    const assetType = input.optionalText(result, 'assetType', path) ?? '';
    const projectField = input.optionalText(result, 'project', path) ?? '';
    const policy = input.record(ownField(result, 'policy') ?? {}, jsonPath(path, 'policy'));
    const bindings = readGcpBindings(input, policy, jsonPath(path, 'policy'));
    const project = PROJECT_IN_RESOURCE.exec(resource.length > 2000 ? '' : resource)?.[1] ?? (projectField.startsWith('projects/') ? projectField.slice('projects/'.length) : projectField);
    return { index, resource, assetType, project, policy, bindings };
  });
  const projects = new Set(parsed.map((result) => result.project).filter(Boolean));
  const scope = opts?.scope?.trim() || (projects.size === 1 ? [...projects][0]! : '');
  const facts = new IamFactsCollector('gcp', 'gcp-asset-iam-policies', scope);
  const customRoles = isJsonRecord(json) ? customRolesIn(input, json as JsonRecord) : new Map<string, string[]>();
  const members = new Set<string>();
  const roles = new Set<string>();
  let bindingCount = 0;
  for (const result of parsed) {
    if (!result.assetType) facts.warn(`${basePath}[${result.index}]: no assetType; ${clipText(result.resource, 200)} is read as a resource without data.`);
    const { target, service, serviceAccountKey } = targetOf(result.resource, result.assetType, result.project || scope);
    const seen = applyGcpBindings(
      {
        facts,
        resolveRole: gcpRoleResolver(customRoles),
        policyName: `IAM policy of ${clipText(result.resource, 300)}`,
        policyKey: `gcp-asset-iam-policy:${result.resource}`,
        target,
        resourceService: service,
        serviceAccountKey,
      },
      result.bindings,
      result.project || scope,
    );
    bindingCount += result.bindings.length;
    for (const member of seen.members) members.add(member);
    for (const role of seen.roles) roles.add(role);
  }
  return facts.finish({ policies: parsed.length, bindings: bindingCount, members: members.size, roles: roles.size, dataSources: facts.dataSourceCount });
}
