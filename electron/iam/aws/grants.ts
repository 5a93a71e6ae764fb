import { highestAccess, type AccessLevel, type DataSourceFact, type GrantFact, type RiskClass, type StatementRef } from '../../../shared/iam';
import type { CatalogAction } from './action-catalogue';
import { dataServiceOf, serviceWideDataSource } from './aws-resources';
import type { PermissionEntry } from './evaluate-permissions';
import { bySeverity, grantRiskClasses } from './risk-classes';

const MAX_GRANT_ACTIONS = 50;

interface GrantPart {
  dataSource: DataSourceFact;
  actions: readonly CatalogAction[];
  /** (data source, statement): what grants merge on. */
  mergeKey: string;
}

interface Summary {
  access: AccessLevel;
  actions: string[];
  riskClasses: RiskClass[];
}

/** One grant per (data source, statement): a statement naming a bucket and its objects is one grant. */
export function grantsOf(principalKey: string, entries: readonly PermissionEntry[], account: string, dataSources: Map<string, DataSourceFact>): GrantFact[] {
  const merged = new Map<string, { dataSource: DataSourceFact; via: StatementRef; parts: GrantPart[]; conditional: boolean; admin: boolean }>();
  for (const entry of entries) {
    for (const part of partsOf(entry, account)) {
      let grant = merged.get(part.mergeKey);
      if (!grant) merged.set(part.mergeKey, (grant = { dataSource: part.dataSource, via: entry.via, parts: [], conditional: false, admin: false }));
      grant.parts.push(part);
      grant.conditional ||= entry.conditional;
      grant.admin ||= entry.admin;
    }
  }
  const grants: GrantFact[] = [];
  for (const grant of merged.values()) {
    if (!dataSources.has(grant.dataSource.key)) dataSources.set(grant.dataSource.key, grant.dataSource);
    // Most grants come from one part, shared by every principal with that policy: summarise it once.
    const summary = grant.parts.length === 1 ? partSummary(grant.parts[0]!, grant.conditional, grant.admin) : mergedSummary(grant.parts, grant.conditional, grant.admin);
    grants.push({ principalKey, dataSourceKey: grant.dataSource.key, ...summary, actions: summary.actions, conditional: grant.conditional, via: grant.via });
  }
  return grants;
}

const summaries = new WeakMap<GrantPart, Summary>();
/**
 * Action lists are shared by every statement with the same Action list and Resource (and every
 * NotAction statement on "*" splits into the same per-service lists), so a summary, which sorts
 * up to a thousand actions, is kept per list and what else it depends on.
 */
const summariesOfActions = new WeakMap<readonly CatalogAction[], Summary[]>();

function partSummary(part: GrantPart, conditional: boolean, admin: boolean): Summary {
  let summary = summaries.get(part);
  if (!summary) {
    let byFlags = summariesOfActions.get(part.actions);
    if (!byFlags) summariesOfActions.set(part.actions, (byFlags = []));
    const flags = (part.dataSource.wildcard ? 4 : 0) + (conditional ? 2 : 0) + (admin ? 1 : 0);
    summary = byFlags[flags] ??= summarise(part.actions, part.dataSource, conditional, admin);
    summaries.set(part, summary);
  }
  return summary;
}

const mergedSummaries = new Map<string, Summary>();

/** A merged grant's summary depends on its parts' action lists (shared, see applicableActions), not on the parts. */
function mergedSummary(parts: readonly GrantPart[], conditional: boolean, admin: boolean): Summary {
  const key = `${parts.map((p) => actionListId(p.actions)).join(',')}|${parts[0]!.dataSource.wildcard}|${conditional}|${admin}`;
  let summary = mergedSummaries.get(key);
  if (!summary) {
    summary = summarise(parts.flatMap((p) => p.actions), parts[0]!.dataSource, conditional, admin);
    if (mergedSummaries.size > 200_000) mergedSummaries.clear();
    mergedSummaries.set(key, summary);
  }
  return summary;
}

function summarise(actions: readonly CatalogAction[], dataSource: DataSourceFact, conditional: boolean, admin: boolean): Summary {
  const sorted = [...new Set(actions)].sort(bySeverity);
  return {
    access: highestAccess(sorted.map((a) => a.access))!,
    actions: sorted.slice(0, MAX_GRANT_ACTIONS).map((a) => a.name),
    riskClasses: grantRiskClasses(sorted, dataSource, conditional, admin),
  };
}

const actionListIds = new WeakMap<readonly CatalogAction[], number>();
let nextActionListId = 1;

function actionListId(actions: readonly CatalogAction[]): number {
  let id = actionListIds.get(actions);
  if (id === undefined) actionListIds.set(actions, (id = nextActionListId++));
  return id;
}

const partsCache = new WeakMap<PermissionEntry, GrantPart[]>();

function partsOf(entry: PermissionEntry, account: string): GrantPart[] {
  let parts = partsCache.get(entry);
  if (parts) return parts;
  parts = [];
  if (entry.target.everything) {
    for (const [service, actions] of byDataService(entry.actions)) parts.push(part(serviceWideDataSource(service, account), actions, entry));
  } else if (entry.target.dataSource) {
    parts.push(part(entry.target.dataSource, entry.actions, entry));
  }
  partsCache.set(entry, parts);
  return parts;
}

function part(dataSource: DataSourceFact, actions: readonly CatalogAction[], entry: PermissionEntry): GrantPart {
  return { dataSource, actions, mergeKey: `${dataSource.key}\u0000${entry.via.policyKey}\u0000${entry.via.statement}` };
}

const dataServiceSplits = new WeakMap<readonly CatalogAction[], Map<string, CatalogAction[]>>();

/** The actions on data services, per data service; once per shared action list (the same lists come back, so their summaries can be shared too). */
function byDataService(actions: readonly CatalogAction[]): Map<string, CatalogAction[]> {
  let byService = dataServiceSplits.get(actions);
  if (byService) return byService;
  byService = new Map();
  for (const action of actions) {
    const service = dataServiceOf(action.service);
    if (!service) continue;
    let list = byService.get(service);
    if (!list) byService.set(service, (list = []));
    list.push(action);
  }
  dataServiceSplits.set(actions, byService);
  return byService;
}
