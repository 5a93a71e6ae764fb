import { highestAccess, type AccessLevel, type DataSourceFact, type GrantFact, type RiskClass, type StatementRef } from '../../../shared/iam';
import type { CatalogAction } from './action-catalogue';
import { dataServiceOf, serviceWideDataSource } from './aws-resources';
import type { PermissionEntry } from './evaluate-permissions';
import { bySeverity, grantRiskClasses } from './risk-classes';

const MAX_GRANT_ACTIONS = 50;

interface GrantPart {
  id: number;
  dataSource: DataSourceFact;
  actions: readonly CatalogAction[];
  /** (data source, statement): what grants merge on. */
  mergeKey: string;
}
let nextPartId = 1;

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

function partSummary(part: GrantPart, conditional: boolean, admin: boolean): Summary {
  let summary = summaries.get(part);
  if (!summary) summaries.set(part, (summary = summarise(part.actions, part.dataSource, conditional, admin)));
  return summary;
}

const mergedSummaries = new Map<string, Summary>();

function mergedSummary(parts: readonly GrantPart[], conditional: boolean, admin: boolean): Summary {
  const key = `${parts.map((p) => p.id).join(',')}|${conditional}|${admin}`;
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

const partsCache = new WeakMap<PermissionEntry, GrantPart[]>();

function partsOf(entry: PermissionEntry, account: string): GrantPart[] {
  let parts = partsCache.get(entry);
  if (parts) return parts;
  parts = [];
  if (entry.target.everything) {
    const byService = new Map<string, CatalogAction[]>();
    for (const action of entry.actions) {
      const service = dataServiceOf(action.service);
      if (!service) continue;
      let list = byService.get(service);
      if (!list) byService.set(service, (list = []));
      list.push(action);
    }
    for (const [service, actions] of byService) parts.push(part(serviceWideDataSource(service, account), actions, entry));
  } else if (entry.target.dataSource) {
    parts.push(part(entry.target.dataSource, entry.actions, entry));
  }
  partsCache.set(entry, parts);
  return parts;
}

function part(dataSource: DataSourceFact, actions: readonly CatalogAction[], entry: PermissionEntry): GrantPart {
  return { id: nextPartId++, dataSource, actions, mergeKey: `${dataSource.key}\u0000${entry.via.policyKey}\u0000${entry.via.statement}` };
}
