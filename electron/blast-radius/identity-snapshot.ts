import { createHash } from 'node:crypto';
import type { AgentRecord } from '../../shared/agent';
import type { CredentialLink, DataSourceSummary } from '../../shared/contract';
import type { AssumeGrantFact, DataSourceFact, Environment, GrantFact, PrincipalFact, Sensitivity, StatementRef, TrustFact } from '../../shared/iam';
import { allAgentRecords } from '../agents/agents-repository';
import { candidatesJoinedToAll, dismissedCandidates } from '../discovery/discovery-repository';
import { classifyDataSource, readBundledDataSourceRules, type DataSourceRule } from '../iam/classify-data-source';
import { indexPrincipals, linksOf, nonAgentHoldersOf, withSharing, type PrincipalIndex } from '../iam/credential-links';
import { allAssumeGrants, allDataSources, allPrincipals, credentialLinkDecisions, dataSourceDecisions, grantsOfPrincipal, identityGraphVersion, rolesTrustingAccountRoots } from '../iam/iam-repository';
import { registryVersion } from '../agents/agents-repository';
import { discoveryVersion } from '../discovery/discovery-repository';
import { countCloudImports } from '../imports/imports-repository';
import { scoped } from '../store/read-scope';
import type { Db } from '../store/workspace-file';

/**
 * What every blast-radius question needs at hand: principals indexed for matching, data sources
 * classified, every agent's links. Loaded once per version of the graph, the registry and the
 * decisions (the benchmark's 5,000-role organisation takes ~100 ms to load; a query then takes a
 * few), and rebuilt as soon as any of them changes.
 */
export interface IdentitySnapshot {
  principals: PrincipalIndex;
  dataSources: Map<string, ClassifiedDataSource>;
  /** Concrete (non-wildcard) data sources, for matching wildcard grants against. */
  concrete: ClassifiedDataSource[];
  agents: Map<string, AgentRecord>;
  links: Map<string, CredentialLink[]>;
  /** Principal key -> agents linked to it. */
  agentsByPrincipal: Map<string, Array<{ agentId: string; link: CredentialLink }>>;
  /** Data sources a wildcard data source covers, computed on first use. */
  coveredBy(wildcard: ClassifiedDataSource): ClassifiedDataSource[];
  /** Roles `principalKey` may assume because they trust its account's root and it is allowed sts:AssumeRole on them. */
  assumableThroughAccount(principalKey: string): AccountAssumption[];
  /** Principals that may assume `roleKey` that way. */
  assumersThroughAccount(roleKey: string): AccountAssumption[];
  /** A principal's grants, read once per snapshot. */
  grantsOf(principalKey: string): GrantFact[];
  /**
   * A number per statement's grant, beside `grantsOf` (same order): the same statement reached
   * through hundreds of principals (a shared managed policy) has one number, so a walk remembers
   * what it joined in an array instead of hashing a key per grant.
   */
  grantIdsOf(principalKey: string): Int32Array;
  /**
   * A small number naming the principal's set of grants: principals with the same number reach
   * the same data the same way (hundreds of admins holding one AdministratorAccess), so a walk
   * that already joined one of them gains nothing from the others.
   */
  grantSetOf(principalKey: string): number;
  importCount: number;
}

/** One principal may assume one role through the role's trust in the account: both statements say so. */
export interface AccountAssumption {
  principalKey: string;
  roleKey: string;
  conditional: boolean;
  via: StatementRef[];
}

export interface ClassifiedDataSource extends DataSourceFact {
  environment: Environment;
  sensitivity: Sensitivity;
  classifiedBy: DataSourceSummary['classifiedBy'];
  because: string;
}

let rulesCache: DataSourceRule[] | null = null;
function dataSourceRules(): DataSourceRule[] {
  rulesCache ??= readBundledDataSourceRules();
  return rulesCache;
}

let rulesVersion: string | null = null;
/** Names the bundled classification rules: what is kept between runs was classified by them, and a new release may change them. */
export function dataSourceRulesVersion(): string {
  rulesVersion ??= createHash('sha256').update(JSON.stringify(dataSourceRules())).digest('hex').slice(0, 16);
  return rulesVersion;
}

const snapshots = new WeakMap<Db, { version: string; snapshot: IdentitySnapshot }>();

function versionOf(db: Db): string {
  return `${identityGraphVersion(db)}|${registryVersion(db)}|${discoveryVersion(db)}`;
}

export function identitySnapshot(db: Db): IdentitySnapshot {
  return scoped(db, 'identity-snapshot', () => currentSnapshot(db));
}

function currentSnapshot(db: Db): IdentitySnapshot {
  const version = versionOf(db);
  const cached = snapshots.get(db);
  if (cached?.version === version) return cached.snapshot;
  const snapshot = loadSnapshot(db);
  snapshots.set(db, { version, snapshot });
  return snapshot;
}

function globToRegExp(pattern: string): RegExp {
  const escaped = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${escaped}$`);
}

function classify(facts: DataSourceFact[], db: Db): ClassifiedDataSource[] {
  const decisions = dataSourceDecisions(db);
  const rules = dataSourceRules();
  return facts.map((fact) => {
    const byRule = classifyDataSource(fact, rules);
    const decided = decisions.get(fact.key);
    const environment = decided?.environment ?? byRule.environment;
    const sensitivity = decided?.sensitivity ?? byRule.sensitivity;
    const byPerson = decided !== undefined && (decided.environment !== null || decided.sensitivity !== null);
    const because = byPerson
      ? `classified by ${decided!.decidedBy} on ${decided!.decidedAt.slice(0, 10)}`
      : [byRule.because.sensitivity, byRule.because.environment].filter(Boolean).join('; ');
    return { ...fact, environment, sensitivity, classifiedBy: byPerson ? 'person' : because ? 'rule' : 'none', because };
  });
}

function loadSnapshot(db: Db): IdentitySnapshot {
  const principalList: PrincipalFact[] = allPrincipals(db);
  const principals = indexPrincipals(principalList);
  const classified = classify(allDataSources(db), db);
  const dataSources = new Map(classified.map((d) => [d.key, d]));
  const concrete = classified.filter((d) => !d.wildcard);
  const agents = new Map(allAgentRecords(db).map((a) => [a.id, a]));
  const joined = candidatesJoinedToAll(db);
  const decisions = credentialLinkDecisions(db);
  const rawLinks = new Map(
    [...agents.values()].map((agent) => [
      agent.id,
      linksOf(
        { agent, discovered: joined.get(agent.id) ?? [] },
        principals,
        decisions.filter((d) => d.agentId === agent.id),
      ),
    ]),
  );
  const holders = new Map<string, Array<{ agentId: string; name: string }>>();
  for (const [agentId, links] of rawLinks) for (const link of links) holders.set(link.principalKey, [...(holders.get(link.principalKey) ?? []), { agentId, name: agents.get(agentId)!.name }]);
  const nonAgents = nonAgentHoldersOf(dismissedCandidates(db), principals);
  const links = new Map([...rawLinks].map(([agentId, l]) => [agentId, withSharing(agentId, l, holders, nonAgents, principals.byKey)]));
  const agentsByPrincipal = new Map<string, Array<{ agentId: string; link: CredentialLink }>>();
  for (const [agentId, list] of links) for (const link of list) agentsByPrincipal.set(link.principalKey, [...(agentsByPrincipal.get(link.principalKey) ?? []), { agentId, link }]);

  const covered = new Map<string, ClassifiedDataSource[]>();
  const coveredBy = (wildcard: ClassifiedDataSource): ClassifiedDataSource[] => {
    let found = covered.get(wildcard.key);
    if (!found) {
      if (wildcard.kind === 'service-wide') {
        found = concrete.filter((d) => d.provider === wildcard.provider && d.service === wildcard.service && (wildcard.scope === '' || d.scope === wildcard.scope));
      } else {
        const pattern = globToRegExp(wildcard.key);
        found = concrete.filter((d) => d.provider === wildcard.provider && pattern.test(d.key));
      }
      covered.set(wildcard.key, found);
    }
    return found;
  };
  const importCount = countCloudImports(db);
  const { assumableThroughAccount, assumersThroughAccount } = accountAssumptions(allAssumeGrants(db), rolesTrustingAccountRoots(db), principals);
  const grants = new Map<string, { facts: GrantFact[]; ids: Int32Array }>();
  const grantIds = new Map<string, number>();
  const grantsWithIds = (principalKey: string) => {
    let found = grants.get(principalKey);
    if (!found) {
      const facts = grantsOfPrincipal(db, principalKey);
      const ids = Int32Array.from(facts, (g) => {
        const key = `${g.via.policyKey}#${g.via.statement}|${g.dataSourceKey}|${g.access}|${g.conditional ? 1 : 0}`;
        let id = grantIds.get(key);
        if (id === undefined) grantIds.set(key, (id = grantIds.size));
        return id;
      });
      grants.set(principalKey, (found = { facts, ids }));
    }
    return found;
  };
  const grantSets = new Map<string, number>();
  const setIds = new Map<string, number>();
  const grantSetOf = (principalKey: string): number => {
    let id = grantSets.get(principalKey);
    if (id === undefined) {
      const signature = [...grantsWithIds(principalKey).ids].sort((a, b) => a - b).join(',');
      id = setIds.get(signature);
      if (id === undefined) setIds.set(signature, (id = setIds.size));
      grantSets.set(principalKey, id);
    }
    return id;
  };
  return {
    principals,
    dataSources,
    concrete,
    agents,
    links,
    agentsByPrincipal,
    coveredBy,
    assumableThroughAccount,
    assumersThroughAccount,
    grantsOf: (principalKey) => grantsWithIds(principalKey).facts,
    grantIdsOf: (principalKey) => grantsWithIds(principalKey).ids,
    grantSetOf,
    importCount,
  };
}

const ACCOUNT_ROOT = /^arn:aws[\w-]*:iam::(\d{12}):root$/;

/**
 * Joins sts:AssumeRole allowances with roles trusting an account's root, on demand and cached:
 * a principal of account A may assume role R when R's trust names A's root and one of the
 * principal's allowances covers R's ARN.
 */
function accountAssumptions(grants: AssumeGrantFact[], rootTrusts: TrustFact[], principals: PrincipalIndex) {
  const grantsByPrincipal = new Map<string, AssumeGrantFact[]>();
  for (const g of grants) grantsByPrincipal.set(g.principalKey, [...(grantsByPrincipal.get(g.principalKey) ?? []), g]);
  const rolesByAccount = new Map<string, TrustFact[]>();
  for (const t of rootTrusts) {
    const account = ACCOUNT_ROOT.exec(t.trustedKey)?.[1];
    if (account) rolesByAccount.set(account, [...(rolesByAccount.get(account) ?? []), t]);
  }
  const patterns = new Map<string, RegExp>();
  const covers = (pattern: string, arn: string) => {
    let re = patterns.get(pattern);
    if (!re) patterns.set(pattern, (re = globToRegExp(pattern)));
    return re.test(arn);
  };
  const accountOf = (key: string) => principals.byKey.get(key)?.scope || /^arn:aws[\w-]*:iam::(\d{12}):/.exec(key)?.[1] || '';
  const assumption = (grant: AssumeGrantFact, trust: TrustFact): AccountAssumption => ({
    principalKey: grant.principalKey,
    roleKey: trust.principalKey,
    conditional: grant.conditional || trust.conditional,
    via: [trust.via, grant.via],
  });
  const forward = new Map<string, AccountAssumption[]>();
  const assumableThroughAccount = (principalKey: string): AccountAssumption[] => {
    let found = forward.get(principalKey);
    if (!found) {
      found = [];
      const own = grantsByPrincipal.get(principalKey) ?? [];
      for (const trust of own.length ? (rolesByAccount.get(accountOf(principalKey)) ?? []) : []) {
        if (trust.principalKey === principalKey) continue;
        const grant = own.find((g) => covers(g.resource, trust.principalKey));
        if (grant) found.push(assumption(grant, trust));
      }
      forward.set(principalKey, found);
    }
    return found;
  };
  const reverse = new Map<string, AccountAssumption[]>();
  const assumersThroughAccount = (roleKey: string): AccountAssumption[] => {
    let found = reverse.get(roleKey);
    if (!found) {
      found = [];
      const account = accountOf(roleKey);
      const trust = (rolesByAccount.get(account) ?? []).find((t) => t.principalKey === roleKey);
      if (trust) {
        for (const [principalKey, own] of grantsByPrincipal) {
          if (principalKey === roleKey || accountOf(principalKey) !== account) continue;
          const grant = own.find((g) => covers(g.resource, roleKey));
          if (grant) found.push(assumption(grant, trust));
        }
      }
      reverse.set(roleKey, found);
    }
    return found;
  };
  return { assumableThroughAccount, assumersThroughAccount };
}
