import riskyActions from '../../../resources/iam/aws-risky-actions.json';
import { accessRank, RISK_CLASSES, type DataSourceFact, type PrincipalRiskFact, type RiskClass, type StatementRef } from '../../../shared/iam';
import type { CatalogAction } from './action-catalogue';
import type { PermissionEntry } from './evaluate-permissions';

interface RiskyActionsFile {
  privilegeEscalation: { name: string; actions: string[] }[];
  dataExfiltration: string[];
  credentialsExposure: string[];
  resourceExposure: string[];
}
const risky = riskyActions as RiskyActionsFile;
const lower = (names: string[]) => new Set(names.map((n) => n.toLowerCase()));

const EXFILTRATION = lower(risky.dataExfiltration);
const CREDENTIALS = lower(risky.credentialsExposure);
const EXPOSURE = lower(risky.resourceExposure);
const SINGLE_ESCALATION = lower(risky.privilegeEscalation.filter((m) => m.actions.length === 1).map((m) => m.actions[0]!));
const COMBINATIONS = risky.privilegeEscalation.filter((m) => m.actions.length > 1).map((m) => ({ name: m.name, actions: m.actions.map((a) => a.toLowerCase()) }));
const IN_COMBINATIONS = new Set(COMBINATIONS.flatMap((m) => m.actions));

const MAX_NAMED_ACTIONS = 5;

const severities = new Map<CatalogAction, number>();

/** Higher is more severe: access level first, then whether a risk list names it. Cached: sorting calls it a lot. */
function severityOf(action: CatalogAction): number {
  let severity = severities.get(action);
  if (severity === undefined) {
    const name = action.lower;
    const weight = (SINGLE_ESCALATION.has(name) || IN_COMBINATIONS.has(name) ? 4 : 0) + (EXFILTRATION.has(name) ? 2 : 0) + (CREDENTIALS.has(name) ? 1 : 0);
    severity = accessRank(action.access) * 8 + weight;
    severities.set(action, severity);
  }
  return severity;
}

/** Most severe first, then by name. */
export function bySeverity(a: CatalogAction, b: CatalogAction): number {
  return severityOf(b) - severityOf(a) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
}

/** The risk classes a grant on one data source carries. */
export function grantRiskClasses(actions: readonly CatalogAction[], dataSource: DataSourceFact, conditional: boolean, admin: boolean): RiskClass[] {
  if (admin) return [...RISK_CLASSES];
  const found = new Set<RiskClass>();
  for (const action of actions) {
    const name = action.lower;
    if (dataSource.wildcard && EXFILTRATION.has(name)) found.add('data-exfiltration');
    if (CREDENTIALS.has(name)) found.add('credentials-exposure');
    if (action.access === 'permissions-management' || EXPOSURE.has(name)) found.add('resource-exposure');
    if (dataSource.wildcard && !conditional && modifiesInfrastructure(action)) found.add('infrastructure-modification');
    if (SINGLE_ESCALATION.has(name)) found.add('privilege-escalation');
  }
  return RISK_CLASSES.filter((c) => found.has(c));
}

/** Write-level actions that change resources; reading data through a "Write" action (kms:Decrypt, rds-data) is exfiltration instead. */
function modifiesInfrastructure(action: CatalogAction): boolean {
  if (action.access !== 'write' && action.access !== 'permissions-management') return false;
  const name = action.lower;
  return !EXFILTRATION.has(name) && !CREDENTIALS.has(name);
}

interface EntryRisks {
  viaKey: string;
  groups: { riskClass: RiskClass; actions: CatalogAction[]; detail: string | null }[];
  /** Actions that are part of a multi-action escalation path, lower case. */
  comboNames: string[];
}

const risksOfEntry = new WeakMap<PermissionEntry, EntryRisks>();

/** What one entry contributes, computed once: entries are shared by every principal with the same policy. */
function entryRisks(entry: PermissionEntry): EntryRisks {
  let risks = risksOfEntry.get(entry);
  if (risks) return risks;
  const byClass = new Map<RiskClass, CatalogAction[]>();
  const add = (riskClass: RiskClass, action: CatalogAction) => {
    let list = byClass.get(riskClass);
    if (!list) byClass.set(riskClass, (list = []));
    list.push(action);
  };
  const everything = entry.target.everything;
  const broad = everything || entry.target.dataSource?.wildcard === true;
  const comboNames: string[] = [];
  for (const action of entry.actions) {
    const name = action.lower;
    if (IN_COMBINATIONS.has(name)) comboNames.push(name);
    if (SINGLE_ESCALATION.has(name)) add('privilege-escalation', action);
    if (broad && EXFILTRATION.has(name)) add('data-exfiltration', action);
    if (EXPOSURE.has(name) || (everything && action.access === 'permissions-management')) add('resource-exposure', action);
    if (CREDENTIALS.has(name)) add('credentials-exposure', action);
    if (everything && !entry.conditional && modifiesInfrastructure(action)) add('infrastructure-modification', action);
  }
  risks = {
    viaKey: `${entry.via.policyKey}\u0000${entry.via.statement}`,
    groups: [...byClass].map(([riskClass, actions]) => ({ riskClass, actions, detail: null })),
    comboNames,
  };
  risksOfEntry.set(entry, risks);
  return risks;
}

/**
 * What a reviewer flags on a principal, one fact per (risk class, statement), plus the privilege
 * escalation paths that need actions from several statements (iam:PassRole with a compute service).
 */
export function principalRisks(principalKey: string, entries: readonly PermissionEntry[]): PrincipalRiskFact[] {
  const risks: PrincipalRiskFact[] = [];
  type Group = { riskClass: RiskClass; via: StatementRef; parts: { entry: PermissionEntry; group: EntryRisks['groups'][number] }[] };
  const grouped = new Map<string, Group>();
  const seenAdmin = new Set<string>();
  const comboActions = new Map<string, PermissionEntry>();
  for (const entry of entries) {
    const contribution = entryRisks(entry);
    if (entry.admin) {
      if (seenAdmin.has(contribution.viaKey)) continue;
      seenAdmin.add(contribution.viaKey);
      for (const riskClass of RISK_CLASSES) {
        risks.push({ principalKey, riskClass, detail: 'every action on every resource (Action "*" on Resource "*")', conditional: entry.conditional, via: entry.via });
      }
      continue;
    }
    for (const name of contribution.comboNames) if (!comboActions.has(name) || comboActions.get(name)!.conditional) comboActions.set(name, entry);
    for (const group of contribution.groups) {
      const key = `${group.riskClass}\u0000${contribution.viaKey}`;
      let merged = grouped.get(key);
      if (!merged) grouped.set(key, (merged = { riskClass: group.riskClass, via: entry.via, parts: [] }));
      merged.parts.push({ entry, group });
    }
  }
  for (const [key, merged] of grouped) {
    if (seenAdmin.has(key.slice(key.indexOf('\u0000') + 1))) continue;
    let detail: string;
    if (merged.parts.length === 1) {
      const only = merged.parts[0]!.group;
      detail = only.detail ??= detailOf(new Set(only.actions), new Set([merged.parts[0]!.entry.target.resource]));
    } else {
      detail = detailOf(new Set(merged.parts.flatMap((p) => p.group.actions)), new Set(merged.parts.map((p) => p.entry.target.resource)));
    }
    risks.push({ principalKey, riskClass: merged.riskClass, detail, conditional: merged.parts.every((p) => p.entry.conditional), via: merged.via });
  }
  for (const method of COMBINATIONS) {
    const involved = method.actions.map((a) => comboActions.get(a));
    if (involved.some((e) => !e)) continue;
    const [first, ...others] = involved as PermissionEntry[];
    const firstName = method.actions[0]!;
    const action = first!.actions.find((a) => a.lower === firstName)!;
    const with_ = method.actions.slice(1).map((name, i) => others[i]!.actions.find((a) => a.lower === name)!.name);
    risks.push({
      principalKey,
      riskClass: 'privilege-escalation',
      detail: `${action.name} on ${first!.target.resource} (with ${with_.join(', ')}): ${method.name}`,
      conditional: involved.some((e) => e!.conditional),
      via: first!.via,
    });
  }
  return risks;
}

const details = new Map<string, string>();

/** Many principals share a statement, so the same detail text is built once. */
function detailOf(actions: Set<CatalogAction>, resources: Set<string>): string {
  const sorted = [...actions].sort(bySeverity);
  const resourceList = [...resources];
  const key = `${sorted.map((a) => a.name).join(',')}\u0000${resourceList.join(',')}`;
  let detail = details.get(key);
  if (detail === undefined) {
    detail = `${namesOf(sorted)} on ${namesOf(resourceList)}`;
    if (details.size > 100_000) details.clear();
    details.set(key, detail);
  }
  return detail;
}

function namesOf(items: readonly (CatalogAction | string)[]): string {
  const names = items.slice(0, MAX_NAMED_ACTIONS).map((item) => (typeof item === 'string' ? item : item.name));
  return items.length > MAX_NAMED_ACTIONS ? `${names.join(', ')} and ${items.length - MAX_NAMED_ACTIONS} more` : names.join(', ');
}
