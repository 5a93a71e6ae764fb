import type { StatementRef } from '../../../shared/iam';
import { expandActions, type ActionExpansion, type CatalogAction } from './action-catalogue';
import { arnServicesOf, describeResource, type ResourceTarget } from './aws-resources';
import type { PolicyDocument, PolicyStatement } from './policy-document';
import { actionPattern, resourceCovers } from './wildcard';
import { appendAll } from '../iam-json-input';

/** A policy as it applies to a principal: attached managed, inline, a group's, or a boundary. */
export interface PolicySource {
  /** What a person calls it: "ReadOnlyAccess", "inline policy deploy of role ci". */
  policy: string;
  /** A managed policy's ARN, or "inline:<principal key>:<policy name>". */
  policyKey: string;
  document: PolicyDocument;
}

/** Some actions allowed on one resource (pattern) by one statement, after Deny and boundary. */
export interface PermissionEntry {
  via: StatementRef;
  conditional: boolean;
  target: ResourceTarget;
  actions: readonly CatalogAction[];
  /** The statement allows "*" on "*" and nothing took any of it away. */
  admin: boolean;
}

interface StatementInfo {
  id: number;
  statement: PolicyStatement;
  via: StatementRef;
  conditional: boolean;
  matchesAction(action: CatalogAction): boolean;
  /** Allow statements: what they allow before any Deny or boundary. */
  baseEntries: PermissionEntry[] | null;
}

/**
 * Effective identity-based permissions, offline: the union of Allow statements minus Deny
 * (a conditional Deny keeps the allow and marks it conditional), limited by a permissions
 * boundary. Policies shared by many principals are evaluated once per (statement, boundary,
 * Deny set), which is what makes an organisation of thousands of roles cheap.
 */
export class PermissionEvaluator {
  private readonly infos = new WeakMap<PolicyStatement, StatementInfo>();
  private readonly filtered = new Map<string, PermissionEntry[]>();
  private readonly applicable = new WeakMap<ActionExpansion, Map<string, CatalogAction[]>>();
  private nextId = 1;

  constructor(private readonly account: string) {}

  evaluate(policies: readonly PolicySource[], boundary: PolicySource | null): PermissionEntry[] {
    const allows: StatementInfo[] = [];
    const denies: StatementInfo[] = [];
    for (const policy of policies) {
      for (const statement of policy.document.statements) {
        const info = this.infoOf(policy, statement);
        (statement.effect === 'Allow' ? allows : denies).push(info);
      }
    }
    let boundaryAllows: StatementInfo[] | null = null;
    if (boundary) {
      boundaryAllows = [];
      for (const statement of boundary.document.statements) {
        const info = this.infoOf(boundary, statement);
        (statement.effect === 'Allow' ? boundaryAllows : denies).push(info);
      }
    }
    const denyKey = denies.map((d) => d.id).join(',');
    const boundaryKey = boundary ? boundary.policyKey : '';
    const entries: PermissionEntry[] = [];
    for (const allow of allows) {
      const base = allow.baseEntries!;
      if (denies.length === 0 && !boundaryAllows) {
        appendAll(entries, base);
        continue;
      }
      const key = `${allow.id}|${boundaryKey}|${denyKey}`;
      let result = this.filtered.get(key);
      if (!result) {
        result = base;
        for (const deny of denies) result = result.flatMap((entry) => this.applyDeny(entry, deny));
        if (boundaryAllows) result = this.applyBoundary(result, boundaryAllows);
        this.filtered.set(key, result);
      }
      appendAll(entries, result);
    }
    return entries;
  }

  private infoOf(policy: PolicySource, statement: PolicyStatement): StatementInfo {
    const known = this.infos.get(statement);
    if (known) return known;
    const via: StatementRef = {
      policy: policy.policy,
      policyKey: policy.policyKey,
      statement: statement.sid ?? `#${statement.position}`,
      text: statement.text,
    };
    const patterns = (statement.actions ?? statement.notActions ?? []).map(actionPattern);
    const negated = statement.actions === null && statement.notActions !== null;
    const verdicts = new Map<CatalogAction, boolean>();
    const info: StatementInfo = {
      id: this.nextId++,
      statement,
      via,
      conditional: statement.condition !== null,
      matchesAction(action) {
        let verdict = verdicts.get(action);
        if (verdict === undefined) {
          const hit = patterns.some((p) => p.test(action.name));
          verdict = negated ? !hit : hit;
          verdicts.set(action, verdict);
        }
        return verdict;
      },
      baseEntries: null,
    };
    if (statement.effect === 'Allow') info.baseEntries = this.baseEntries(info);
    this.infos.set(statement, info);
    return info;
  }

  private baseEntries(info: StatementInfo): PermissionEntry[] {
    const { statement } = info;
    if (!statement.actions && !statement.notActions) return [];
    const expansion = statement.actions ? expandActions(statement.actions, false) : expandActions(statement.notActions!, true);
    // NotResource allows everything but a few resources: read as "*", the reach that matters.
    const resources = statement.resources ?? (statement.notResources ? ['*'] : []);
    const starAction = statement.actions?.includes('*') ?? false;
    const entries: PermissionEntry[] = [];
    for (const resource of resources) {
      const target = describeResource(resource, this.account);
      const actions = this.applicableActions(expansion, target);
      if (actions.length === 0) continue;
      entries.push({ via: info.via, conditional: info.conditional, target, actions, admin: starAction && target.everything && !statement.notResources });
    }
    return entries;
  }

  /** The actions of an expansion that can act on a resource: its service's, of a resource type it names. */
  private applicableActions(expansion: ActionExpansion, target: ResourceTarget): CatalogAction[] {
    let byResource = this.applicable.get(expansion);
    if (!byResource) this.applicable.set(expansion, (byResource = new Map()));
    let actions = byResource.get(target.resource);
    if (actions) return actions;
    actions = [];
    for (const [service, list] of expansion.byService) {
      if (target.everything) {
        actions.push(...list);
        continue;
      }
      if (!target.service || !arnServicesOf(service).includes(target.service)) continue;
      const types = target.resourceTypes;
      for (const action of list) {
        if (types === null ? action.resourceTypes.length > 0 : action.resourceTypes.some((t) => types.includes(t))) actions.push(action);
      }
    }
    for (const action of expansion.unmatched) {
      if (target.everything || (target.service && (action.service === '*' || arnServicesOf(action.service).includes(target.service)))) actions.push(action);
    }
    byResource.set(target.resource, actions);
    return actions;
  }

  private retarget(entry: PermissionEntry, resource: string, actions: readonly CatalogAction[], conditional: boolean): PermissionEntry | null {
    if (resource === entry.target.resource) return { ...entry, actions, conditional, admin: entry.admin && actions.length === entry.actions.length };
    const target = describeResource(resource, this.account);
    const narrowed = actions.filter((action) => this.applicableActions(expandActions([action.name], false), target).length > 0);
    return narrowed.length ? { via: entry.via, conditional, target, actions: narrowed, admin: false } : null;
  }

  private applyDeny(entry: PermissionEntry, deny: StatementInfo): PermissionEntry[] {
    const hit = entry.actions.filter((action) => deny.matchesAction(action));
    if (hit.length === 0) return [entry];
    const { resources, notResources } = deny.statement;
    const resource = entry.target.resource;
    let stillAllowedOn: string[];
    if (resources) {
      // A Deny on part of what the entry reaches (Allow "*", Deny one bucket) leaves the entry as it is.
      if (!resources.some((pattern) => resourceCovers(pattern, resource))) return [entry];
      stillAllowedOn = [];
    } else if (notResources) {
      if (notResources.some((pattern) => resourceCovers(pattern, resource))) return [entry];
      stillAllowedOn = notResources.filter((pattern) => resourceCovers(resource, pattern));
    } else {
      return [entry];
    }
    const kept = entry.actions.filter((action) => !hit.includes(action));
    const out: PermissionEntry[] = [];
    if (kept.length) out.push({ ...entry, actions: kept, admin: false });
    if (deny.conditional) {
      // Denied only under a condition: still allowed otherwise, so keep it and say it depends.
      out.push({ ...entry, actions: hit, conditional: true, admin: false });
      return out;
    }
    for (const narrower of stillAllowedOn) {
      const narrowed = this.retarget(entry, narrower, hit, entry.conditional);
      if (narrowed) out.push(narrowed);
    }
    return out;
  }

  private applyBoundary(entries: PermissionEntry[], boundaryAllows: StatementInfo[]): PermissionEntry[] {
    const out: PermissionEntry[] = [];
    for (const entry of entries) {
      for (const allow of boundaryAllows) {
        const hit = entry.actions.filter((action) => allow.matchesAction(action));
        if (hit.length === 0) continue;
        const conditional = entry.conditional || allow.conditional;
        const resource = entry.target.resource;
        const within = allow.statement.resources;
        if (!within) {
          const kept = this.retarget(entry, resource, hit, conditional);
          if (kept) out.push(kept);
          continue;
        }
        for (const pattern of within) {
          // The intersection of two patterns: the narrower one, when one covers the other.
          const narrower = resourceCovers(pattern, resource) ? resource : resourceCovers(resource, pattern) ? pattern : null;
          if (!narrower) continue;
          const kept = this.retarget(entry, narrower, hit, conditional);
          if (kept) out.push(kept);
        }
      }
    }
    return out;
  }
}
