import type { IamFacts } from '../../../shared/iam';
import { IamFactsCollector } from '../iam-facts-collector';
import { IamJsonInput, ownField } from '../iam-json-input';
import { applyGcpBindings, customRolesIn, gcpRoleResolver, projectNamedIn, readGcpBindings } from './gcp-policy-bindings';

/** Recognised without loading this reader (iam-detector.ts); re-exported where the reader's tests look for it. */
export { looksLikeGcpIamPolicy } from '../iam-export-shapes';


/**
 * Facts of one project IAM policy. A project-level binding reaches every resource of each service
 * in the project, so its data sources are service-wide ("every Cloud Storage bucket in project p").
 */
export function readGcpIamPolicy(fileName: string, json: unknown, opts?: { scope?: string }): IamFacts {
  const input = new IamJsonInput(fileName, 'Export it again with gcloud projects get-iam-policy PROJECT --format=json');
  const policy = input.record(json, '');
  if (ownField(policy, 'bindings') === undefined && ownField(policy, 'etag') === undefined) {
    throw input.invalid('bindings', 'is missing, and so is etag: this is not the output of gcloud projects get-iam-policy');
  }
  const bindings = readGcpBindings(input, policy, '');
  input.optionalList(policy, 'auditConfigs', '');
  const project = opts?.scope?.trim() || projectNamedIn(bindings);
  const facts = new IamFactsCollector('gcp', 'gcp-iam-policy', project);
  if (!project) facts.warn('The file does not name its project; import it with the project id as scope so its grants join the right project.');
  const label = project ? `project ${project}` : 'the project';
  const { members, roles } = applyGcpBindings(
    {
      facts,
      resolveRole: gcpRoleResolver(customRolesIn(input, policy)),
      policyName: `IAM policy of ${label}`,
      policyKey: `gcp-iam-policy:${project || '?'}`,
      target: { kind: 'container', key: project || '?', label, project },
      resourceService: null,
      serviceAccountKey: null,
    },
    bindings,
    project,
  );
  return facts.finish({
    bindings: bindings.length,
    conditionalBindings: bindings.filter((binding) => binding.condition !== null).length,
    members: members.size,
    roles: roles.size,
    dataSources: facts.dataSourceCount,
  });
}
