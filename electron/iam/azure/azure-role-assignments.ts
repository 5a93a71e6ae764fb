import type { AccessLevel, IamFacts, PrincipalKind, RiskClass } from '../../../shared/iam';
import type { RatedAction } from '../iam-facts-collector';
import { IamFactsCollector, statementRef } from '../iam-facts-collector';
import { clipText, IamJsonInput } from '../iam-json-input';
import type { AzureRoleDefinition } from './azure-roles';
import {
  accessFromAzureRoleName,
  azureActionAccess,
  azureRoleAccess,
  builtInAzureRole,
  canManageAccess,
  exposesAzureCredentials,
  readsAzureData,
  runsCodeAsAnotherIdentity,
} from './azure-roles';
import { parseAzureScope } from './azure-scope';

/** Recognised without loading this reader (iam-detector.ts); re-exported where the reader's tests look for it. */
export { looksLikeAzureRoleAssignments } from '../iam-export-shapes';


const PRINCIPAL_KINDS = new Map<string, PrincipalKind>([
  ['user', 'user'],
  ['group', 'group'],
  ['foreigngroup', 'group'],
  ['serviceprincipal', 'service-principal'],
  ['msi', 'service-principal'],
  ['device', 'user'],
  ['unknown', 'user'],
]);

interface Assignment {
  index: number;
  principalId: string;
  principalName?: string;
  principalType: string;
  roleDefinitionName?: string;
  roleDefinitionId?: string;
  scope: string;
  condition?: string;
  conditionVersion?: string;
  createdOn?: string;
  id?: string;
  name?: string;
  raw: Record<string, unknown>;
}

function readAssignments(input: IamJsonInput, json: unknown): Assignment[] {
  return input.list(json, '').map((raw, index) => {
    const path = `[${index}]`;
    const record = input.record(raw, path);
    const roleDefinitionName = input.optionalText(record, 'roleDefinitionName', path);
    const roleDefinitionId = input.optionalText(record, 'roleDefinitionId', path);
    if (!roleDefinitionName && !roleDefinitionId) throw input.invalid(`${path}.roleDefinitionName`, 'is missing (and so is roleDefinitionId)');
    return {
      index,
      principalId: input.requiredText(record, 'principalId', path),
      principalName: input.optionalText(record, 'principalName', path),
      principalType: input.optionalText(record, 'principalType', path) ?? 'Unknown',
      roleDefinitionName,
      roleDefinitionId,
      scope: input.requiredText(record, 'scope', path),
      condition: input.optionalText(record, 'condition', path),
      conditionVersion: input.optionalText(record, 'conditionVersion', path),
      createdOn: input.optionalText(record, 'createdOn', path),
      id: input.optionalText(record, 'id', path),
      name: input.optionalText(record, 'name', path),
      raw: record,
    };
  });
}

function mostCommon(values: string[]): string {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  let best = '';
  for (const [value, count] of counts) if (count > (counts.get(best) ?? 0)) best = value;
  return best;
}

/** Facts of every role assignment az lists: one grant per assignment, on the scope it is made at. */
export function readAzureRoleAssignments(fileName: string, json: unknown, opts?: { scope?: string }): IamFacts {
  const input = new IamJsonInput(fileName, 'Export it again with az role assignment list --all -o json');
  const assignments = readAssignments(input, json);
  const scopes = assignments.map((assignment) => ({ assignment, scope: parseAzureScope(assignment.scope) }));
  const fileScope = opts?.scope?.trim() || mostCommon(scopes.map(({ scope }) => scope.subscription).filter(Boolean));
  const facts = new IamFactsCollector('azure', 'azure-role-assignments', fileScope);
  const roleNames = new Set<string>();

  for (const { assignment, scope } of scopes) {
    const role = builtInAzureRole(assignment.roleDefinitionId, assignment.roleDefinitionName);
    const roleName = role?.name ?? assignment.roleDefinitionName ?? clipText(assignment.roleDefinitionId!, 200);
    roleNames.add(roleName);
    const kind = PRINCIPAL_KINDS.get(assignment.principalType.toLowerCase());
    if (!kind) facts.warn(`[${assignment.index}].principalType: "${clipText(assignment.principalType, 60)}" is not a principal type az prints; read as a user.`);
    const attributes: Record<string, string> = { principalType: clipText(assignment.principalType, 60) };
    if (assignment.principalType === 'Unknown') attributes['note'] = 'Azure could not resolve this principal; it may have been deleted';
    if (assignment.principalType === 'ForeignGroup') attributes['note'] = 'a group from another tenant';
    if (!assignment.principalName) attributes['principalName'] = 'not in the export';
    facts.addPrincipal({ key: assignment.principalId, kind: kind ?? 'user', name: assignment.principalName || assignment.principalId, scope: fileScope, attributes });

    facts.addDataSource({ key: scope.key, service: scope.service, kind: 'scope', name: scope.name, scope: scope.subscription, wildcard: scope.wildcard });

    const conditional = Boolean(assignment.condition);
    const via = statementRef(
      `role assignment ${roleName} on ${scope.name}`,
      assignment.id ?? `azure-role-assignment:${assignment.principalId}:${assignment.scope}:${roleName}`,
      roleName,
      assignment.raw,
    );
    if (!role) facts.warn(`[${assignment.index}]: role "${clipText(roleName, 200)}" is not in the bundled built-in roles; its access is judged from its name.`);
    const actions: RatedAction[] = role
      ? ratedActions(role)
      : [{ action: roleName, access: accessFromAzureRoleName(roleName) ?? 'read' }];
    const risks = new Set<RiskClass>();
    const all = role ? [...role.actions, ...role.dataActions] : [];
    const broad = scope.wildcard;
    const managesAccess = role ? canManageAccess(role) : actions[0]!.access === 'permissions-management';
    if (managesAccess) {
      risks.add('privilege-escalation');
      risks.add('resource-exposure');
      facts.addRisk({ principalKey: assignment.principalId, riskClass: 'privilege-escalation', detail: `${roleName} on ${scope.name}: can assign any role there, to itself or anyone`, conditional, via });
      facts.addRisk({ principalKey: assignment.principalId, riskClass: 'resource-exposure', detail: `${roleName} on ${scope.name}: can open any resource there to others`, conditional, via });
    }
    if (all.some(exposesAzureCredentials)) {
      risks.add('credentials-exposure');
      facts.addRisk({ principalKey: assignment.principalId, riskClass: 'credentials-exposure', detail: `${roleName} on ${scope.name}: can read keys, secrets or credentials`, conditional, via });
    }
    if (broad && all.some(readsAzureData)) risks.add('data-exfiltration');
    if (all.some(runsCodeAsAnotherIdentity) && !managesAccess) {
      risks.add('privilege-escalation');
      facts.addRisk({ principalKey: assignment.principalId, riskClass: 'privilege-escalation', detail: `${roleName} on ${scope.name}: can run code as the identities of the machines, apps or clusters there`, conditional, via });
    }
    // Granting access is privilege escalation, not infrastructure change; support tickets are neither.
    const changesResources = role
      ? role.actions.some((action) => action === '*' || (azureActionAccess(action) === 'write' && !action.toLowerCase().startsWith('microsoft.support/')))
      : actions[0]!.access === 'write' || actions[0]!.access === 'permissions-management';
    if (broad && changesResources && !conditional) {
      risks.add('infrastructure-modification');
      facts.addRisk({ principalKey: assignment.principalId, riskClass: 'infrastructure-modification', detail: `${roleName} on ${scope.name}`, conditional, via });
    }
    facts.addGrant({ principalKey: assignment.principalId, dataSourceKey: scope.key, actions, riskClasses: risks, conditional, via });
  }

  return facts.finish({
    assignments: assignments.length,
    conditionalAssignments: assignments.filter((assignment) => assignment.condition).length,
    principals: facts.principalCount,
    roles: roleNames.size,
    dataSources: facts.dataSourceCount,
  });
}

function ratedActions(role: AzureRoleDefinition): RatedAction[] {
  const actions: RatedAction[] = [];
  for (const action of [...role.actions, ...role.dataActions]) {
    let access: AccessLevel = azureActionAccess(action);
    if (action === '*' && !canManageAccess(role)) access = 'write';
    actions.push({ action, access });
  }
  if (actions.length === 0) actions.push({ action: role.name, access: azureRoleAccess(role) });
  return actions;
}
