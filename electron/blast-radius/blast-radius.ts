import type { BlastPath, BlastRadius, GraphEdge, GraphNode } from '../../shared/blast-radius';
import type { BlastRadiusSummary, CredentialLink } from '../../shared/contract';
import { BackendError } from '../../shared/errors';
import { ACCESS_LEVELS, accessRank, highestAccess, type AccessLevel, type GrantFact, type PrincipalFact, type RiskClass, type StatementRef } from '../../shared/iam';
import { assumableBy, grantsOnDataSource, groupsOf, membersOf, trustsOf } from '../iam/iam-repository';
import type { Db } from '../store/workspace-file';
import { identitySnapshot, type ClassifiedDataSource, type IdentitySnapshot } from './identity-snapshot';

/**
 * Blast radius: what an agent can reach through the cloud identities it holds, and the reverse,
 * who can reach a data source. Principals are walked through group membership and the roles
 * they may assume (chains included, up to MAX_HOPS), then joined to their grants; a grant on a
 * wildcard ("every S3 bucket in the account", "arn:aws:s3:::nw-*") reaches every imported data
 * source it covers. Computed from facts and decisions on every call, never stored.
 */

const MAX_HOPS = 6;
const MAX_VIA = 10;

/** How a principal was reached from the one a credential authenticates as. */
interface Hop {
  key: string;
  /** Principal keys from the start to this one. */
  chain: string[];
  /** The step into each principal of the chain after the first. */
  steps: Array<{ from: string; step: Step }>;
  conditional: boolean;
  via: StatementRef[];
}

interface Route {
  hop: Hop;
  ds: ClassifiedDataSource;
  grants: GrantFact[];
  path: BlastPath;
}

/** accessRank as a table: the hot loop compares millions of accesses. */
const RANK = Object.fromEntries(ACCESS_LEVELS.map((level, i) => [level, i])) as Record<AccessLevel, number>;

type Step = { to: string; kind: 'member-of' | 'can-assume'; conditional: boolean; via: StatementRef[] };

/**
 * Where one can go from each principal, kept per snapshot: the steps depend on the imported facts
 * alone, and in an organisation where admins may assume every role each agent's walk asks for
 * the same thousands of principals.
 */
const stepsCache = new WeakMap<IdentitySnapshot, Map<string, Step[]>>();

function forwardSteps(db: Db, snapshot: IdentitySnapshot, key: string): Step[] {
  let known = stepsCache.get(snapshot);
  if (!known) stepsCache.set(snapshot, (known = new Map()));
  let steps = known.get(key);
  if (!steps) known.set(key, (steps = stepsFrom(db, snapshot, key)));
  return steps;
}

function stepsFrom(db: Db, snapshot: IdentitySnapshot, key: string): Step[] {
  return [
    ...groupsOf(db, key).map((to): Step => ({ to, kind: 'member-of', conditional: false, via: [] })),
    ...assumableBy(db, key)
      .filter((t) => t.trustedKind !== 'root')
      .map((t): Step => ({ to: t.principalKey, kind: 'can-assume', conditional: t.conditional, via: [t.via] })),
    ...snapshot.assumableThroughAccount(key).map((a): Step => ({ to: a.roleKey, kind: 'can-assume', conditional: a.conditional, via: a.via })),
  ];
}

/**
 * Breadth first, shortest chain to each principal; `steps` says where one can go from a principal.
 * `onEdge` hears only the step that first reaches a principal: in an organisation where every admin
 * may assume every role trusting the account, drawing every step was 600,000 edges for 3,000 nodes.
 */
function walk(start: string | string[], steps: (key: string) => Step[], onEdge: (from: string, step: Step) => void): Hop[] {
  const starts = typeof start === 'string' ? [start] : start;
  const reached = new Map<string, Hop>(starts.map((key) => [key, { key, chain: [key], steps: [], conditional: false, via: [] }]));
  let frontier = [...reached.values()];
  for (let hop = 0; hop < MAX_HOPS && frontier.length > 0; hop++) {
    const next: Hop[] = [];
    for (const from of frontier) {
      for (const step of steps(from.key)) {
        if (reached.has(step.to)) continue;
        onEdge(from.key, step);
        const hopTo: Hop = { key: step.to, chain: [...from.chain, step.to], steps: [...from.steps, { from: from.key, step }], conditional: from.conditional || step.conditional, via: [...from.via, ...step.via] };
        reached.set(step.to, hopTo);
        next.push(hopTo);
      }
    }
    frontier = next;
  }
  return [...reached.values()];
}

const SENSITIVITY_RANK = { restricted: 4, confidential: 3, internal: 2, public: 1, unknown: 2.5 } as const;
const ENVIRONMENT_RANK = { prod: 3, unknown: 2, staging: 1, dev: 0 } as const;

/** What the worst-first order reads of a path: the summary ranks its ways before building them. */
type Ranked = Pick<BlastPath, 'sensitivity' | 'environment' | 'access' | 'conditional' | 'dataSourceName' | 'agentName'>;

/** Worst first: restricted production data with write access at the top. */
export function compareWorstFirst(a: Ranked, b: Ranked): number {
  return (
    SENSITIVITY_RANK[b.sensitivity] - SENSITIVITY_RANK[a.sensitivity] ||
    ENVIRONMENT_RANK[b.environment] - ENVIRONMENT_RANK[a.environment] ||
    accessRank(b.access) - accessRank(a.access) ||
    Number(a.conditional) - Number(b.conditional) ||
    a.dataSourceName.localeCompare(b.dataSourceName) ||
    a.agentName.localeCompare(b.agentName)
  );
}

/** Accumulates nodes, edges and paths, merging repeats (the same grant edge from two statements). */
class GraphBuilder {
  readonly nodes = new Map<string, GraphNode>();
  readonly edges = new Map<string, GraphEdge>();
  /**
   * The best path per (agent, credential) and data source, with how it runs (the chain of
   * principals and the grants at its end, drawn by `drawPaths`). Keyed in two levels so the hot
   * loop looks a data source up without building a key: an admin's walk offers millions of ways.
   */
  private readonly routes = new Map<string, Map<string, Route>>();

  private readonly trusts = new Map<string, ReturnType<typeof trustsOf>>();

  constructor(
    private readonly db: Db,
    private readonly snapshot: IdentitySnapshot,
  ) {}

  private trustsOf(key: string): ReturnType<typeof trustsOf> {
    let trusts = this.trusts.get(key);
    if (!trusts) this.trusts.set(key, (trusts = trustsOf(this.db, key)));
    return trusts;
  }

  agent(agentId: string): string {
    const agent = this.snapshot.agents.get(agentId)!;
    const id = `agent:${agentId}`;
    if (!this.nodes.has(id)) {
      this.nodes.set(id, { id, kind: 'agent', label: agent.name, detail: [agent.environment, agent.owner?.name].filter(Boolean).join(' · ') || 'agent', provider: null, scope: '', group: 'agents', flags: [] });
    }
    return id;
  }

  credential(agentId: string, link: CredentialLink): string {
    const id = `credential:${agentId}:${link.credential}`;
    if (!this.nodes.has(id)) {
      const shared = link.sharedWith.length > 0;
      this.nodes.set(id, {
        id,
        kind: 'credential',
        label: link.credential.length > 80 ? `${link.credential.slice(0, 79)}…` : link.credential,
        detail: `${link.how === 'person' ? 'linked by a person' : `named by ${link.how}`}${shared ? ` · shared with ${link.sharedWith.map((s) => s.name).join(', ')}` : ''}`,
        provider: link.provider,
        scope: link.scope,
        group: 'credentials',
        flags: shared ? ['shared-credential'] : [],
      });
    }
    this.edge(this.agent(agentId), id, 'holds', { reason: link.reason });
    return id;
  }

  principal(key: string): string {
    const id = `principal:${key}`;
    if (!this.nodes.has(id)) {
      const p: PrincipalFact | undefined = this.snapshot.principals.byKey.get(key);
      const flags = new Set<string>();
      for (const t of this.trustsOf(key)) {
        if (t.openToAnyone && !t.conditional) flags.add('public-trust');
        if (t.foreignAccount) flags.add('foreign-trust');
      }
      this.nodes.set(id, {
        id,
        kind: 'principal',
        label: p?.name ?? key,
        detail: p ? `${p.provider.toUpperCase()} ${p.kind}${p.scope ? ` · ${p.scope}` : ''}` : 'not in the imported exports',
        provider: p?.provider ?? null,
        scope: p?.scope ?? '',
        group: p?.kind ?? 'principal',
        ...(p ? { principalKind: p.kind } : {}),
        flags: [...flags],
      });
    }
    return id;
  }

  dataSource(ds: ClassifiedDataSource): string {
    const id = `data-source:${ds.key}`;
    if (!this.nodes.has(id)) {
      const flags = ds.wildcard ? ['wildcard'] : [];
      this.nodes.set(id, {
        id,
        kind: 'data-source',
        label: ds.name,
        detail: `${ds.service} ${ds.kind} · ${ds.environment} · ${ds.sensitivity}`,
        provider: ds.provider,
        scope: ds.scope,
        group: ds.service,
        dataSourceKind: ds.kind,
        environment: ds.environment,
        sensitivity: ds.sensitivity,
        flags,
      });
    }
    return id;
  }

  edge(source: string, target: string, kind: GraphEdge['kind'], extra: { access?: AccessLevel; conditional?: boolean; riskClasses?: RiskClass[]; via?: StatementRef[]; reason?: string } = {}): void {
    const id = `${kind}:${source}->${target}`;
    const seen = this.edges.get(id);
    if (!seen) {
      this.edges.set(id, {
        id,
        source,
        target,
        kind,
        access: extra.access ?? null,
        conditional: extra.conditional ?? false,
        riskClasses: [...new Set(extra.riskClasses ?? [])],
        via: (extra.via ?? []).slice(0, MAX_VIA),
        reason: extra.reason ?? '',
      });
      return;
    }
    if (extra.access && (seen.access === null || accessRank(extra.access) > accessRank(seen.access))) seen.access = extra.access;
    // An edge is conditional only while every statement behind it is.
    seen.conditional = seen.conditional && (extra.conditional ?? false);
    seen.riskClasses = [...new Set([...seen.riskClasses, ...(extra.riskClasses ?? [])])];
    for (const v of extra.via ?? []) if (seen.via.length < MAX_VIA && !seen.via.some((s) => s.policyKey === v.policyKey && s.statement === v.statement)) seen.via.push(v);
  }

  /** The routes of one agent's credential; `path` records into it. */
  routesOf(agentId: string, link: CredentialLink): Map<string, Route> {
    const key = `${agentId}\0${link.credential}`;
    let routes = this.routes.get(key);
    if (!routes) this.routes.set(key, (routes = new Map()));
    return routes;
  }

  get paths(): BlastPath[] {
    return [...this.routes.values()].flatMap((routes) => [...routes.values()].map((r) => r.path));
  }

  /** Keeps the way if it is better than the one kept (or adds to it from the same principal); true when it changed what is kept. */
  path(routes: Map<string, Route>, agentId: string, link: CredentialLink, hop: Hop, grant: GrantFact, ds: ClassifiedDataSource): boolean {
    const conditional = grant.conditional || hop.conditional;
    const route = routes.get(ds.key);
    const seen = route?.path;
    if (!seen || RANK[grant.access] > RANK[seen.access] || (seen.conditional && !conditional)) {
      // Built only for a better way: an admin's walk offers thousands that are not.
      const agent = this.snapshot.agents.get(agentId)!;
      const via = [grant.via, ...hop.via];
      const principals = hop.chain.map((k) => this.snapshot.principals.byKey.get(k)?.name ?? k);
      routes.set(ds.key, { hop, ds, grants: [grant], path: {
        agentId,
        agentName: agent.name,
        credential: link.credential,
        principals,
        dataSourceKey: ds.key,
        dataSourceName: ds.name,
        environment: ds.environment,
        sensitivity: ds.sensitivity,
        access: grant.access,
        conditional,
        riskClasses: [...new Set([...(seen?.riskClasses ?? []), ...grant.riskClasses])],
        via: [...via, ...(seen?.via ?? [])].slice(0, MAX_VIA),
      } });
      return true;
    }
    if (route!.hop === hop) {
      // Another statement of the same principal to the same data: part of the drawn way.
      if (grant.riskClasses.some((r) => !seen.riskClasses.includes(r))) seen.riskClasses = [...new Set([...seen.riskClasses, ...grant.riskClasses])];
      if (seen.via.length < MAX_VIA && !seen.via.includes(grant.via)) seen.via.push(grant.via);
      route!.grants.push(grant);
      return true;
    }
    return false;
  }

  /**
   * Draws the kept paths: the chain of principals of each and the grant at its end. Only the best
   * way to each data source is drawn; an organisation where hundreds of admins reach every
   * bucket would otherwise draw every one of those grants (480,000 edges measured), which no
   * one can read and no window can hold.
   */
  drawPaths(): void {
    for (const { hop, ds, grants } of [...this.routes.values()].flatMap((routes) => [...routes.values()])) {
      for (const { from, step } of hop.steps) this.edge(this.principal(from), this.principal(step.to), step.kind, { conditional: step.conditional, via: step.via });
      const holder = this.principal(hop.key);
      const target = this.dataSource(ds);
      for (const grant of grants) this.edge(holder, target, 'grants', { access: grant.access, conditional: grant.conditional, riskClasses: grant.riskClasses, via: [grant.via] });
    }
  }
}

function summaryOf(paths: Iterable<Pick<BlastPath, 'dataSourceKey' | 'sensitivity' | 'access'>>): BlastRadius['summary'] {
  const best = new Map<string, Pick<BlastPath, 'sensitivity' | 'access'>>();
  for (const p of paths) {
    const seen = best.get(p.dataSourceKey);
    if (!seen || accessRank(p.access) > accessRank(seen.access)) best.set(p.dataSourceKey, p);
  }
  const counts = new Map<string, BlastRadius['summary'][number]>();
  for (const p of best.values()) {
    const key = `${p.sensitivity}/${p.access}`;
    const row = counts.get(key) ?? { sensitivity: p.sensitivity, access: p.access, count: 0 };
    row.count++;
    counts.set(key, row);
  }
  return [...counts.values()].sort((a, b) => SENSITIVITY_RANK[b.sensitivity] - SENSITIVITY_RANK[a.sensitivity] || accessRank(b.access) - accessRank(a.access));
}

function finish(builder: GraphBuilder, focus: BlastRadius['focus'], gaps: string[]): BlastRadius {
  builder.drawPaths();
  const paths = builder.paths.sort(compareWorstFirst);
  return { focus, nodes: [...builder.nodes.values()], edges: [...builder.edges.values()], paths, summary: summaryOf(paths), gaps };
}

/**
 * Hears each way an agent's walk finds from a credential, through a principal's grant, to a data
 * source; true when it changed what is kept. Every sink keeps by the rule of `GraphBuilder.path`:
 * a way replaces the kept one with more access or without its condition, and one from the kept
 * way's own principal adds its statement.
 */
type Offer = (hop: Hop, grant: GrantFact, ds: ClassifiedDataSource) => boolean;

/**
 * The one walk of an agent's reach (credentials -> principals -> grants -> data sources), told to
 * a sink: the graph draws what it hears, the summary keeps only the best way to each data source.
 * `credential` is asked once per credential, before its walk, for where that credential's ways go.
 */
function walkAgentReach(db: Db, snapshot: IdentitySnapshot, agentId: string, credential: (link: CredentialLink) => Offer): void {
  for (const link of snapshot.links.get(agentId) ?? []) {
    const offer = credential(link);
    const hops = walk(link.principalKey, (key) => forwardSteps(db, snapshot, key), () => undefined);
    const joined = new Set<number>();
    // A managed policy attached to hundreds of roles grants the same thing through each: the
    // nearest holder's way is the one kept, so each statement's grant is joined once per walk.
    const joinedGrants = new Set<number>();
    // A wildcard offered again adds nothing while none of the data sources it covers has changed
    // what it keeps since it was last offered with at least this access and condition, from another
    // principal: after that offer each of them kept a way at least as good, none of this principal.
    // An administrator's walk joins thousands of statements on the same few wildcards, each
    // covering hundreds of buckets and tables; `dirty` is told by every change to a covered one.
    const offered = new Map<ClassifiedDataSource, WildcardOffer>();
    const coverers = new Map<ClassifiedDataSource, WildcardOffer[]>();
    const tell = (ds: ClassifiedDataSource, hop: Hop, grant: GrantFact): void => {
      if (!offer(hop, grant, ds)) return;
      const watching = coverers.get(ds);
      if (watching) for (const w of watching) w.dirty = true;
    };
    for (const hop of hops) {
      // Hops come nearest first: a later principal with the same grants adds only a longer way.
      const grantSet = snapshot.grantSetOf(hop.key);
      if (joined.has(grantSet)) continue;
      joined.add(grantSet);
      const grants = snapshot.grantsOf(hop.key);
      const ids = snapshot.grantIdsOf(hop.key);
      for (let g = 0; g < grants.length; g++) {
        if (joinedGrants.has(ids[g]!)) continue;
        joinedGrants.add(ids[g]!);
        const grant = grants[g]!;
        // A grant reaches its own data source and the imported ones its wildcard covers (not
        // copied: `s3:*` on `*` covers every bucket, for every agent).
        const ds = snapshot.dataSources.get(grant.dataSourceKey);
        if (!ds) continue;
        if (!ds.wildcard) {
          tell(ds, hop, grant);
          continue;
        }
        const rank = RANK[grant.access];
        const conditional = grant.conditional || hop.conditional;
        let last = offered.get(ds);
        if (last && !last.dirty && last.hop !== hop && rank <= last.rank && (conditional || !last.conditional)) continue;
        const covered = snapshot.coveredBy(ds);
        if (!last) {
          offered.set(ds, (last = { hop, rank, conditional, dirty: false }));
          for (const c of [ds, ...covered]) coverers.set(c, [...(coverers.get(c) ?? []), last]);
        }
        tell(ds, hop, grant);
        for (const c of covered) tell(c, hop, grant);
        Object.assign(last, { hop, rank, conditional, dirty: false });
      }
    }
  }
}

/** The last offer of a wildcard in one walk, and whether a data source it covers changed since. */
interface WildcardOffer {
  hop: Hop;
  rank: number;
  conditional: boolean;
  dirty: boolean;
}

/** Adds one agent's reach to the graph: its credentials, the principals they become, and the best way to each data source. */
function addAgentReach(db: Db, snapshot: IdentitySnapshot, builder: GraphBuilder, agentId: string): void {
  walkAgentReach(db, snapshot, agentId, (link) => {
    const credentialNode = builder.credential(agentId, link);
    builder.edge(credentialNode, builder.principal(link.principalKey), 'authenticates-as', { reason: link.reason });
    const routes = builder.routesOf(agentId, link);
    return (hop, grant, ds) => builder.path(routes, agentId, link, hop, grant, ds);
  });
}

export function agentGaps(snapshot: IdentitySnapshot, agentId: string, paths: number): string[] {
  const agent = snapshot.agents.get(agentId)!;
  const links = snapshot.links.get(agentId) ?? [];
  if (snapshot.importCount === 0) return ['No cloud IAM export has been imported yet: import the AWS, GCP, Azure or Kubernetes exports of the accounts the agents run in (Import…).'];
  if (links.length === 0) {
    return [`No cloud identity is linked to ${agent.name}: neither its registry credentials nor its discovered code name an imported principal. Link one on the agent page, or import the export of the account it runs in.`];
  }
  if (paths === 0) return links.map((l) => `${l.principalName} has no grant on a data source in the imported exports: its policies may name only services, or resources of accounts not imported.`);
  return [];
}

export function blastRadiusOf(db: Db, agentId: string): BlastRadius {
  const snapshot = identitySnapshot(db);
  const agent = snapshot.agents.get(agentId);
  if (!agent) throw new BackendError('not-found', `No agent with id ${agentId}; it may have been deleted. Pick an agent from the list.`);
  const builder = new GraphBuilder(db, snapshot);
  builder.agent(agentId);
  addAgentReach(db, snapshot, builder, agentId);
  return finish(builder, { kind: 'agent', agentId, name: agent.name }, agentGaps(snapshot, agentId, builder.paths.length));
}

/**
 * The best way found so far from one credential to one data source, as `GraphBuilder.path` keeps
 * it but without building the path: `grants` are the statements of its principal that reach the
 * data (the first made it the best), `prev` the way it displaced, whose statements and risks the
 * path carries on. Only the five worst ways are ever built into paths.
 */
interface Way {
  hop: Hop;
  ds: ClassifiedDataSource;
  grants: GrantFact[];
  access: AccessLevel;
  conditional: boolean;
  prev: Way | undefined;
  /** The ways of an agent in the order the graph lists its paths before sorting: ties keep it. */
  order: number;
  agentName: string;
  credential: string;
}

const rankedOf = (way: Way): Ranked => ({ sensitivity: way.ds.sensitivity, environment: way.ds.environment, access: way.access, conditional: way.conditional, dataSourceName: way.ds.name, agentName: way.agentName });

/** The risks a way's path carries, in the order `GraphBuilder.path` gathers them. */
function riskClassesOfWay(way: Way): RiskClass[] {
  const risks = new Set(way.prev ? riskClassesOfWay(way.prev) : []);
  for (const grant of way.grants) for (const risk of grant.riskClasses) risks.add(risk);
  return [...risks];
}

/** The statements a way's path cites, as `GraphBuilder.path` gathers them. */
function viaOfWay(way: Way): StatementRef[] {
  const [first, ...more] = way.grants;
  const via = [first!.via, ...way.hop.via, ...(way.prev ? viaOfWay(way.prev) : [])].slice(0, MAX_VIA);
  for (const grant of more) if (via.length < MAX_VIA && !via.includes(grant.via)) via.push(grant.via);
  return via;
}

/**
 * Every data source the agent can reach, with its access as the blast radius shows it (per
 * credential the best way by the rule of `GraphBuilder.path`, then the highest across its
 * credentials): the agents manifest's data access. The one walk, told to a sink that keeps only
 * that, so listing 2,000 agents' reach draws no graph and sorts no paths.
 */
export function dataSourcesReachedBy(db: Db, agentId: string): Array<{ key: string; name: string; access: AccessLevel }> {
  const snapshot = identitySnapshot(db);
  const byCredential: Array<Map<string, { hop: Hop; name: string; access: AccessLevel; conditional: boolean }>> = [];
  walkAgentReach(db, snapshot, agentId, () => {
    const ways = new Map<string, { hop: Hop; name: string; access: AccessLevel; conditional: boolean }>();
    byCredential.push(ways);
    return (hop, grant, ds) => {
      const conditional = grant.conditional || hop.conditional;
      const seen = ways.get(ds.key);
      if (!seen || RANK[grant.access] > RANK[seen.access] || (seen.conditional && !conditional)) {
        ways.set(ds.key, { hop, name: ds.name, access: grant.access, conditional });
        return true;
      }
      return seen.hop === hop;
    };
  });
  const highest = new Map<string, { key: string; name: string; access: AccessLevel }>();
  for (const ways of byCredential) {
    for (const [key, way] of ways) {
      const seen = highest.get(key);
      if (!seen || RANK[way.access] > RANK[seen.access]) highest.set(key, { key, name: way.name, access: way.access });
    }
  }
  return [...highest.values()];
}

/**
 * The summary of an agent's blast radius from the same walk as `blastRadiusOf`, without the graph:
 * the first triage overview after an import summarises every agent, and drawing each one's graph
 * and sorting its thousands of paths was most of a minute on a 5,000-role organisation.
 */
export function summaryWalk(db: Db, snapshot: IdentitySnapshot, agentId: string): BlastRadiusSummary {
  const agent = snapshot.agents.get(agentId);
  if (!agent) throw new BackendError('not-found', `No agent with id ${agentId}; it may have been deleted. Pick an agent from the list.`);
  const byCredential: Array<Map<string, Way>> = [];
  walkAgentReach(db, snapshot, agentId, (link) => {
    const ways = new Map<string, Way>();
    byCredential.push(ways);
    return (hop, grant, ds) => {
      // The rule of `GraphBuilder.path`: a way displaces another only with more access, or without its condition.
      const conditional = grant.conditional || hop.conditional;
      const seen = ways.get(ds.key);
      if (!seen || RANK[grant.access] > RANK[seen.access] || (seen.conditional && !conditional)) {
        ways.set(ds.key, { hop, ds, grants: [grant], access: grant.access, conditional, prev: seen, order: 0, agentName: agent.name, credential: link.credential });
        return true;
      }
      if (seen.hop !== hop) return false;
      seen.grants.push(grant);
      return true;
    };
  });
  const all = byCredential.flatMap((ways) => [...ways.values()]);
  all.forEach((way, i) => (way.order = i));
  // Worst first as `finish` sorts the paths; its sort is stable, so ties go to the earlier way.
  const worse = (a: Way, b: Way) => compareWorstFirst(rankedOf(a), rankedOf(b)) || a.order - b.order;
  const worst: Way[] = [];
  for (const way of all) {
    if (worst.length === 5 && worse(way, worst[4]!) >= 0) continue;
    const at = worst.findIndex((w) => worse(way, w) < 0);
    worst.splice(at === -1 ? worst.length : at, 0, way);
    if (worst.length > 5) worst.pop();
  }
  // Risks in the order the sorted paths first name them: by the worst way naming each, then its order there.
  const firstNamed = new Map<RiskClass, { way: Way; index: number }>();
  for (const way of all) {
    riskClassesOfWay(way).forEach((risk, index) => {
      const seen = firstNamed.get(risk);
      if (!seen || worse(way, seen.way) < 0) firstNamed.set(risk, { way, index });
    });
  }
  const riskClasses = [...firstNamed].sort(([, a], [, b]) => worse(a.way, b.way) || a.index - b.index).map(([risk]) => risk);
  return {
    dataSources: new Set(all.map((way) => way.ds.key)).size,
    bySensitivity: summaryOf(all.map((way) => ({ dataSourceKey: way.ds.key, sensitivity: way.ds.sensitivity, access: way.access }))),
    worstPaths: worst.map((way) => pathOfWay(snapshot, agentId, way)),
    riskClasses,
    gaps: agentGaps(snapshot, agentId, all.length),
  };
}

function pathOfWay(snapshot: IdentitySnapshot, agentId: string, way: Way): BlastPath {
  return {
    agentId,
    agentName: way.agentName,
    credential: way.credential,
    principals: way.hop.chain.map((k) => snapshot.principals.byKey.get(k)?.name ?? k),
    dataSourceKey: way.ds.key,
    dataSourceName: way.ds.name,
    environment: way.ds.environment,
    sensitivity: way.ds.sensitivity,
    access: way.access,
    conditional: way.conditional,
    riskClasses: riskClassesOfWay(way),
    via: viaOfWay(way),
  };
}

/** Every principal that can act on `key`: holders of a grant on it or on a wildcard covering it. */
function holdersOf(db: Db, snapshot: IdentitySnapshot, ds: ClassifiedDataSource): GrantFact[] {
  const grants = [...grantsOnDataSource(db, ds.key)];
  if (!ds.wildcard) {
    for (const wildcard of snapshot.dataSources.values()) {
      if (wildcard.wildcard && snapshot.coveredBy(wildcard).includes(ds)) grants.push(...grantsOnDataSource(db, wildcard.key));
    }
  }
  return grants;
}

function reverseSteps(db: Db, snapshot: IdentitySnapshot, key: string): Step[] {
  return [
    ...membersOf(db, key).map((to): Step => ({ to, kind: 'member-of', conditional: false, via: [] })),
    ...trustsOf(db, key)
      .filter((t) => t.trustedKind !== 'root')
      .map((t): Step => ({ to: t.trustedKey, kind: 'can-assume', conditional: t.conditional, via: [t.via] })),
    ...snapshot.assumersThroughAccount(key).map((a): Step => ({ to: a.principalKey, kind: 'can-assume', conditional: a.conditional, via: a.via })),
  ];
}

/** The reverse view: every agent that can reach a data source, and how; principals with no agent are shown too. */
export function whoCanReach(db: Db, dataSourceKey: string): BlastRadius {
  const snapshot = identitySnapshot(db);
  const ds = snapshot.dataSources.get(dataSourceKey);
  if (!ds) throw new BackendError('not-found', `No data source ${dataSourceKey} in the imported exports; it may have gone with a re-import. Pick one from the list.`);
  const builder = new GraphBuilder(db, snapshot);
  const target = builder.dataSource(ds);
  const agents = new Set<string>();
  const best = new Map<string, GrantFact>();
  for (const grant of holdersOf(db, snapshot, ds)) {
    builder.edge(builder.principal(grant.principalKey), target, 'grants', { access: grant.access, conditional: grant.conditional, riskClasses: grant.riskClasses, via: [grant.via] });
    const seen = best.get(grant.principalKey);
    if (!seen || accessRank(grant.access) > accessRank(seen.access) || (seen.conditional && !grant.conditional)) best.set(grant.principalKey, grant);
  }
  // Who can become a holder: members and the principals that may assume it, transitively; one
  // walk from every holder at once (strongest first), so each principal is reached once.
  const holders = [...best.values()].sort((a, b) => accessRank(b.access) - accessRank(a.access) || Number(a.conditional) - Number(b.conditional)).map((g) => g.principalKey);
  for (const reverse of walk(holders, (key) => reverseSteps(db, snapshot, key), () => undefined)) {
    for (const { agentId, link } of snapshot.agentsByPrincipal.get(reverse.key) ?? []) {
      agents.add(agentId);
      builder.credential(agentId, link);
      builder.edge(`credential:${agentId}:${link.credential}`, builder.principal(link.principalKey), 'authenticates-as', { reason: link.reason });
      builder.path(builder.routesOf(agentId, link), agentId, link, forwardHopOf(reverse), best.get(reverse.chain[0]!)!, ds);
    }
  }
  const gaps =
    builder.edges.size === 0
      ? [`No imported principal has a grant on ${ds.name}.`]
      : agents.size === 0
        ? [`Principals can reach ${ds.name}, but none is linked to an agent: link agents to their cloud identities on the agent pages.`]
        : [];
  return finish(builder, { kind: 'data-source', key: ds.key, name: ds.name }, gaps);
}

/** A walk from a holder back to one who can become it, turned round: the way access flows. */
function forwardHopOf(reverse: Hop): Hop {
  const chain = [...reverse.chain].reverse();
  // The reverse step from X reached Y: Y is a member of, or may assume, X.
  const steps = [...reverse.steps].reverse().map(({ from, step }) => ({ from: step.to, step: { ...step, to: from } }));
  return { key: reverse.chain[0]!, chain, steps, conditional: reverse.conditional, via: reverse.via };
}

type Reach = Map<string, { agents: Set<string>; principals: Set<string>; highest: AccessLevel | null }>;

/** Computed once per snapshot: every linked agent's blast radius, seconds on a 5,000-role organisation. */
const reachCache = new WeakMap<IdentitySnapshot, Reach>();

/** Agents, and the principals on their paths, that reach each data source, with the highest access: the data source list. */
export function reachByDataSource(db: Db): Reach {
  const snapshot = identitySnapshot(db);
  const cached = reachCache.get(snapshot);
  if (cached) return cached;
  const reach: Reach = new Map();
  const entry = (key: string) => {
    let e = reach.get(key);
    if (!e) reach.set(key, (e = { agents: new Set(), principals: new Set(), highest: null }));
    return e;
  };
  for (const agentId of snapshot.agents.keys()) {
    if ((snapshot.links.get(agentId) ?? []).length === 0) continue;
    const radius = blastRadiusOf(db, agentId);
    for (const p of radius.paths) {
      const e = entry(p.dataSourceKey);
      e.agents.add(agentId);
      e.highest = highestAccess([...(e.highest ? [e.highest] : []), p.access]);
    }
    for (const edge of radius.edges) if (edge.kind === 'grants') entry(edge.target.slice('data-source:'.length)).principals.add(edge.source);
  }
  reachCache.set(snapshot, reach);
  return reach;
}
