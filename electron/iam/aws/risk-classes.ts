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

/** What a list of actions is risky for, given where it applies. */
interface ActionRisks {
  byClass: [RiskClass, CatalogAction[]][];
  comboNames: string[];
}

const risksOfEntry = new WeakMap<PermissionEntry, EntryRisks>();

/** What one entry contributes, computed once: entries are shared by every principal with the same policy. */
function entryRisks(entry: PermissionEntry): EntryRisks {
  let risks = risksOfEntry.get(entry);
  if (risks) return risks;
  const { byClass, comboNames } = actionRisks(entry);
  risks = {
    viaKey: `${entry.via.policyKey}\u0000${entry.via.statement}`,
    groups: byClass.map(([riskClass, actions]) => ({ riskClass, actions, detail: null })),
    comboNames,
  };
  risksOfEntry.set(entry, risks);
  return risks;
}

/**
 * Kept per action list: the same lists (every NotAction statement on "*", thousands of actions)
 * come back for many statements, and classifying them is the costly part of an entry's risks.
 */
const risksOfActions = new WeakMap<readonly CatalogAction[], ActionRisks[]>();

function actionRisks(entry: PermissionEntry): ActionRisks {
  const everything = entry.target.everything;
  const broad = everything || entry.target.dataSource?.wildcard === true;
  const conditional = entry.conditional;
  let byFlags = risksOfActions.get(entry.actions);
  if (!byFlags) risksOfActions.set(entry.actions, (byFlags = []));
  return (byFlags[(everything ? 4 : 0) + (broad ? 2 : 0) + (conditional ? 1 : 0)] ??= classify(entry.actions, everything, broad, conditional));
}

function classify(actions: readonly CatalogAction[], everything: boolean, broad: boolean, conditional: boolean): ActionRisks {
  const byClass = new Map<RiskClass, CatalogAction[]>();
  const add = (riskClass: RiskClass, action: CatalogAction) => {
    let list = byClass.get(riskClass);
    if (!list) byClass.set(riskClass, (list = []));
    list.push(action);
  };
  const comboNames: string[] = [];
  for (const action of actions) {
    const name = action.lower;
    if (IN_COMBINATIONS.has(name)) comboNames.push(name);
    if (SINGLE_ESCALATION.has(name)) add('privilege-escalation', action);
    if (broad && EXFILTRATION.has(name)) add('data-exfiltration', action);
    if (EXPOSURE.has(name) || (everything && action.access === 'permissions-management')) add('resource-exposure', action);
    if (CREDENTIALS.has(name)) add('credentials-exposure', action);
    if (everything && !conditional && modifiesInfrastructure(action)) add('infrastructure-modification', action);
  }
  return { byClass: [...byClass], comboNames };
}

/**
 * What a reviewer flags on a principal, one fact per (risk class, statement), plus the privilege
 * escalation paths that need actions from several statements (iam:PassRole with a compute service).
 */
export function principalRisks(principalKey: string, entries: readonly PermissionEntry[]): PrincipalRiskFact[] {
  const risks = statementRisks(principalKey, entries);
  const comboActions = new Map<string, PermissionEntry>();
  for (const entry of entries) addComboActions(entry, comboActions);
  pushComboRisks(principalKey, comboActions, risks);
  return risks;
}

/**
 * The per-statement part of principalRisks: every admin statement's facts first, then one fact per
 * (risk class, statement) that is not an admin one. Called with the entries of one statement it
 * gives that statement's facts, which do not depend on the principal's other statements.
 */
export function statementRisks(principalKey: string, entries: readonly PermissionEntry[]): PrincipalRiskFact[] {
  const risks: PrincipalRiskFact[] = [];
  type Group = { riskClass: RiskClass; via: StatementRef; parts: { entry: PermissionEntry; group: EntryRisks['groups'][number] }[] };
  const grouped = new Map<string, Group>();
  const seenAdmin = new Set<string>();
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
      detail = only.detail ??= singleDetail(only.actions, merged.parts[0]!.entry.target.resource);
    } else {
      detail = detailOf(new Set(merged.parts.flatMap((p) => p.group.actions)), new Set(merged.parts.map((p) => p.entry.target.resource)));
    }
    risks.push({ principalKey, riskClass: merged.riskClass, detail, conditional: merged.parts.every((p) => p.entry.conditional), via: merged.via });
  }
  return risks;
}

/** Whether an entry names any action of a multi-action escalation path (most do not). */
export function hasComboActions(entry: PermissionEntry): boolean {
  return !entry.admin && entryRisks(entry).comboNames.length > 0;
}

/**
 * Notes which entry gives each escalation action, in entry order: the first unconditional one,
 * else the last conditional one. Admin entries are flagged as admin instead.
 */
export function addComboActions(entry: PermissionEntry, comboActions: Map<string, PermissionEntry>): void {
  if (entry.admin) return;
  for (const name of entryRisks(entry).comboNames) if (!comboActions.has(name) || comboActions.get(name)!.conditional) comboActions.set(name, entry);
}

/** The escalation paths whose every action some entry gives. */
export function pushComboRisks(principalKey: string, comboActions: ReadonlyMap<string, PermissionEntry>, risks: PrincipalRiskFact[]): void {
  if (comboActions.size === 0) return;
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
}

const detailsOfActions = new WeakMap<readonly CatalogAction[], Map<string, string>>();

/** One statement's detail for a risk class: kept per (shared action list, resource). */
function singleDetail(actions: readonly CatalogAction[], resource: string): string {
  let byResource = detailsOfActions.get(actions);
  if (!byResource) detailsOfActions.set(actions, (byResource = new Map()));
  let detail = byResource.get(resource);
  if (detail === undefined) byResource.set(resource, (detail = detailOf(new Set(actions), new Set([resource]))));
  return detail;
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
