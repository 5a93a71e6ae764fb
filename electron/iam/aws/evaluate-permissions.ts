import type { StatementRef } from '../../../shared/iam';
import { expandActions, type ActionExpansion, type CatalogAction } from './action-catalogue';
import { arnServicesOf, describeResource, type ResourceTarget } from './aws-resources';
import type { PolicyDocument, PolicyStatement } from './policy-document';
import { actionPattern, hasWildcard, resourceCovers } from './wildcard';

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
  /**
   * The services (lower case) of the actions it names, or null when a pattern may name any
   * service ("*", "*:Get*", NotAction). A Deny and an Allow without a common service cannot
   * meet, which rules out most pairs without matching a single action.
   */
  services: ReadonlySet<string> | null;
}

/**
 * Effective identity-based permissions, offline: the union of Allow statements minus Deny
 * (a conditional Deny keeps the allow and marks it conditional), limited by a permissions
 * boundary. Policies shared by many principals are evaluated once per (statement, boundary,
 * Deny set), which is what makes an organisation of thousands of roles cheap.
 */
export class PermissionEvaluator {
  private readonly infos = new Map<PolicyStatement, StatementInfo>();
  /** Allow id -> (boundary, the Deny statements that changed it) -> its entries. */
  private readonly filtered = new Map<number, Map<string, PermissionEntry[]>>();
  private readonly applicable = new WeakMap<ActionExpansion, Map<string, CatalogAction[]>>();
  private nextId = 1;

  constructor(private readonly account: string) {}

  evaluate(policies: readonly PolicySource[], boundary: PolicySource | null): PermissionEntry[] {
    return this.evaluateByStatement(policies, boundary).flat();
  }

  /**
   * The same entries, one list per Allow statement in policy order (empty ones left out). Each
   * list is cached and returned to every principal whose Deny set and boundary are the same, so
   * callers can summarise it once and reuse the summary: never mutate the lists or the entries.
   */
  evaluateByStatement(policies: readonly PolicySource[], boundary: PolicySource | null): readonly (readonly PermissionEntry[])[] {
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
    const chunks: (readonly PermissionEntry[])[] = [];
    for (const allow of allows) {
      const result = denies.length === 0 && !boundaryAllows ? allow.baseEntries! : this.filteredEntries(allow, boundary, denies, boundaryAllows);
      if (result.length > 0) chunks.push(result);
    }
    return chunks;
  }

  /**
   * An Allow's entries after the Deny statements and boundary. Most Deny statements leave most
   * Allows as they are; the result is then the Allow's own list, and otherwise one list per
   * (boundary, Deny statements that changed it), so principals share lists whatever their other
   * Deny statements (callers cache summaries per list).
   */
  private filteredEntries(allow: StatementInfo, boundary: PolicySource | null, denies: readonly StatementInfo[], boundaryAllows: StatementInfo[] | null): PermissionEntry[] {
    let result = allow.baseEntries!;
    let changedBy = '';
    for (const deny of denies) {
      if (!mayMeet(allow, deny)) continue;
      const next = this.applyDenyToAll(result, deny);
      if (next === result) continue;
      result = next;
      changedBy += `,${deny.id}`;
    }
    if (!boundaryAllows && !changedBy) return result;
    let byLimits = this.filtered.get(allow.id);
    if (!byLimits) this.filtered.set(allow.id, (byLimits = new Map()));
    const key = `${boundary ? boundary.policyKey : ''}|${changedBy}`;
    const known = byLimits.get(key);
    if (known) return known;
    if (boundaryAllows) result = this.applyBoundary(result, boundaryAllows);
    byLimits.set(key, result);
    return result;
  }

  /** `entries` itself when the Deny changes none of them. */
  private applyDenyToAll(entries: PermissionEntry[], deny: StatementInfo): PermissionEntry[] {
    let out: PermissionEntry[] | null = null;
    entries.forEach((entry, i) => {
      const replaced = this.applyDeny(entry, deny);
      if (replaced === null) out?.push(entry);
      else (out ??= entries.slice(0, i)).push(...replaced);
    });
    return out ?? entries;
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
    // Only Deny and boundary statements match actions one by one: most statements never need the map.
    let verdicts: Map<CatalogAction, boolean> | null = null;
    const info: StatementInfo = {
      id: this.nextId++,
      statement,
      via,
      conditional: statement.condition !== null,
      matchesAction(action) {
        let verdict = (verdicts ??= new Map()).get(action);
        if (verdict === undefined) {
          const hit = patterns.some((p) => p.test(action.name));
          verdict = negated ? !hit : hit;
          verdicts.set(action, verdict);
        }
        return verdict;
      },
      baseEntries: null,
      services: null,
    };
    if (statement.effect === 'Allow') {
      info.baseEntries = this.baseEntries(info);
      info.services = allowedServices(statement);
    } else {
      info.services = namedServices(statement);
    }
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

  /**
   * The actions of an expansion that can act on a resource: its service's, of a resource type it
   * names. Kept per kind of resource rather than per resource, so every statement with the same
   * Action list on a bucket's objects (whichever bucket) shares one list, and so do its summaries.
   */
  private applicableActions(expansion: ActionExpansion, target: ResourceTarget): CatalogAction[] {
    let byShape = this.applicable.get(expansion);
    if (!byShape) this.applicable.set(expansion, (byShape = new Map()));
    const shape = shapeOf(target);
    let actions = byShape.get(shape);
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
    byShape.set(shape, actions);
    return actions;
  }

  private retarget(entry: PermissionEntry, resource: string, actions: readonly CatalogAction[], conditional: boolean): PermissionEntry | null {
    if (resource === entry.target.resource) return { ...entry, actions, conditional, admin: entry.admin && actions.length === entry.actions.length };
    const target = describeResource(resource, this.account);
    const narrowed = actions.filter((action) => this.applicableActions(expandActions([action.name], false), target).length > 0);
    return narrowed.length ? { via: entry.via, conditional, target, actions: narrowed, admin: false } : null;
  }

  /** What a Deny leaves of an entry; null when it leaves the entry as it is. */
  private applyDeny(entry: PermissionEntry, deny: StatementInfo): PermissionEntry[] | null {
    // Resources first: they are one test, while matching the actions of an entry on "*" is thousands.
    const { resources, notResources } = deny.statement;
    const resource = entry.target.resource;
    let stillAllowedOn: string[];
    if (resources) {
      // A Deny on part of what the entry reaches (Allow "*", Deny one bucket) leaves the entry as it is.
      if (!resources.some((pattern) => resourceCovers(pattern, resource))) return null;
      stillAllowedOn = [];
    } else if (notResources) {
      if (notResources.some((pattern) => resourceCovers(pattern, resource))) return null;
      stillAllowedOn = notResources.filter((pattern) => resourceCovers(resource, pattern));
    } else {
      return null;
    }
    const hit = entry.actions.filter((action) => deny.matchesAction(action));
    if (hit.length === 0) return null;
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

/** Whether a Deny may take anything from an Allow: false when they name no common service. */
function mayMeet(allow: StatementInfo, deny: StatementInfo): boolean {
  if (!allow.services || !deny.services) return true;
  for (const service of deny.services) if (allow.services.has(service)) return true;
  return false;
}

const servicesOfExpansion = new WeakMap<ActionExpansion, ReadonlySet<string>>();

/** The services of the actions an Allow's Action / NotAction list expands to (once per distinct list). */
function allowedServices(statement: PolicyStatement): ReadonlySet<string> | null {
  if (!statement.actions && !statement.notActions) return null;
  const expansion = statement.actions ? expandActions(statement.actions, false) : expandActions(statement.notActions!, true);
  let services = servicesOfExpansion.get(expansion);
  if (!services) {
    services = new Set([...expansion.byService.keys(), ...expansion.unmatched.map((action) => action.service)]);
    servicesOfExpansion.set(expansion, services);
  }
  return services;
}

/**
 * The services a Deny's Action patterns can match: the part before ":" when it has no wildcard
 * (actions are named "<service>:<verb>", compared case-insensitively); null for NotAction or a
 * pattern that may match any service.
 */
function namedServices(statement: PolicyStatement): ReadonlySet<string> | null {
  if (!statement.actions) return statement.notActions ? null : new Set();
  const services = new Set<string>();
  for (const pattern of statement.actions) {
    const colon = pattern.indexOf(':');
    const service = colon > 0 ? pattern.slice(0, colon) : '';
    if (!service || hasWildcard(service)) return null;
    services.add(service.toLowerCase());
  }
  return services;
}

const shapes = new WeakMap<ResourceTarget, string>();

/** What applicableActions depends on: everything, or the service and resource types. */
function shapeOf(target: ResourceTarget): string {
  let shape = shapes.get(target);
  if (shape === undefined) {
    shape = target.everything ? '*' : `${target.service ?? ''}\u0000${target.resourceTypes === null ? '\u0001' : target.resourceTypes.join(',')}`;
    shapes.set(target, shape);
  }
  return shape;
}
