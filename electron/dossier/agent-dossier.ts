import { ensureAttribution } from '../usage/attribution';
import { agentUsage, agentUsages } from '../usage/usage-agents';
import type { AgentDetail, AgentCredentialLinks, AgentDossier, AgentUsage } from '../../shared/contract';
import type { AdvisoryMatch, CandidateDetail, CapabilityFinding, DiscoveredAgent } from '../../shared/discovery';
import { agentDetailOf, allAgentRecords, getAgentDetail } from '../agents/agents-repository';
import { inReadScope, scoped } from '../store/read-scope';
import { blastRadiusSummaryOf } from '../blast-radius/blast-radius-summaries';
import { identitySnapshot, type IdentitySnapshot } from '../blast-radius/identity-snapshot';
import { candidatesJoinedTo, candidatesJoinedToEvery, itemsRunBy, type AdvisoryLookup } from '../discovery/discovery-repository';
import { suggestionsFor } from '../iam/credential-links';
import { credentialLinkDecisions, identityGraphVersion } from '../iam/iam-repository';
import type { Db } from '../store/workspace-file';

/** An agent's cloud identities: its links (automatic and decided) and, for the rest, suggestions with reasons. */
export function credentialLinksOf(db: Db, agentId: string): AgentCredentialLinks {
  getAgentDetail(db, agentId);
  return linksAndSuggestions(db, agentId, candidatesJoinedTo(db, agentId, () => []));
}

/**
 * Kept per version of the identity graph and, within it, per agent while what the suggestions
 * read of it stays the same (its name, credentials, joined code's credentials and links):
 * suggestions compare the agent with every principal (5,000 in the benchmark's organisation), the
 * triage overview asks for every agent on every visit, and editing one agent must not redo all.
 */
const linksKept = new WeakMap<Db, { graphVersion: string; byAgent: Map<string, { key: string; links: AgentCredentialLinks }> }>();

function linksAndSuggestions(db: Db, agentId: string, discovered: DiscoveredAgent[], withSuggestions = true): AgentCredentialLinks {
  const snapshot = identitySnapshot(db);
  if (!withSuggestions) return { links: structuredClone(snapshot.links.get(agentId) ?? []), suggestions: [] };
  const graphVersion = scoped(db, 'identity-graph-version', () => identityGraphVersion(db));
  let kept = linksKept.get(db);
  if (kept?.graphVersion !== graphVersion) linksKept.set(db, (kept = { graphVersion, byAgent: new Map() }));
  const agent = snapshot.agents.get(agentId);
  const key = JSON.stringify([agent?.name, agent?.credentials, discovered.map((d) => [d.name, d.credentials.map((c) => c.name)]), snapshot.links.get(agentId) ?? []]);
  let entry = kept.byAgent.get(agentId);
  if (entry?.key !== key) kept.byAgent.set(agentId, (entry = { key, links: computeLinks(db, snapshot, agentId, discovered) }));
  return structuredClone(entry.links);
}

function computeLinks(db: Db, snapshot: IdentitySnapshot, agentId: string, discovered: DiscoveredAgent[]): AgentCredentialLinks {
  const agent = snapshot.agents.get(agentId)!;
  const links = snapshot.links.get(agentId) ?? [];
  const unlinked = new Set(credentialLinkDecisions(db, agentId).filter((d) => d.decision === 'unlinked').map((d) => d.principalKey));
  const suggestions = suggestionsFor({ agent, discovered }, snapshot.principals, new Set(links.map((l) => l.principalKey)), unlinked);
  return { links, suggestions };
}

function uniqueBy<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const item of items) if (!seen.has(key(item))) seen.set(key(item), item);
  return [...seen.values()];
}

/**
 * Everything known about one agent, read once: the registry record, the discovered units joined
 * to it (code, capabilities, credentials, endpoints, guardrails, packages, advisories), its cloud
 * identities, its blast radius and its usage. The agent page, the CLI, triage and the report read
 * this instead of asking each store on their own.
 */
export function agentDossier(db: Db, agentId: string, advisories: AdvisoryLookup): AgentDossier {
  return inReadScope(db, () => {
    const agent = getAgentDetail(db, agentId);
    ensureAttribution(db);
    return dossierOf(db, agent, agentUsage(db, agentId), candidatesJoinedTo(db, agentId, advisories));
  });
}

/**
 * Every agent's dossier, in one read scope: the shared parts (the identity snapshot, usage keys,
 * attribution) are checked once, and usage is read for all agents in grouped queries; each
 * dossier is the same as `agentDossier` gives for that agent. `suggestions: false` leaves the
 * identities a person might link out (empty): readers that show none of them (the triage overview,
 * the plan, the report) skip comparing every agent with every principal in a new process.
 */
export function everyAgentDossier(db: Db, advisories: AdvisoryLookup, { suggestions = true, onAgent }: EveryAgentOptions = {}): AgentDossier[] {
  return inReadScope(db, () => {
    ensureAttribution(db);
    const usages = agentUsages(db);
    const joined = candidatesJoinedToEvery(db, advisories);
    const records = allAgentRecords(db);
    return records.map((record, i) => {
      const dossier = dossierOf(db, agentDetailOf(record), usages.get(record.id)!, joined.get(record.id) ?? [], suggestions);
      onAgent?.(i + 1, records.length);
      return dossier;
    });
  });
}

export interface EveryAgentOptions {
  suggestions?: boolean;
  /**
   * Called as each agent's dossier is read (`done` of `total`): a long reader (an export of
   * thousands of agents) reports progress from it and may throw there to stop (cancel).
   */
  onAgent?: (done: number, total: number) => void;
}

function dossierOf(db: Db, agent: AgentDetail, usage: AgentUsage, units: CandidateDetail[], withSuggestions = true): AgentDossier {
  const agentId = agent.id;
  // Sub-agents and handoff targets run in the units' process with their credentials: their tools' reach
  // is the agent's too, each said to come through the item that holds it.
  const runs = itemsRunBy(db, units);
  const own = new Set(units.flatMap((u) => u.capabilities.map(evidenceKey)));
  const throughRuns = runs.flatMap(({ item, relation }) =>
    item.capabilities.filter((c) => !own.has(evidenceKey(c))).map((c) => ({ ...c, detail: `${c.detail} (${relation === 'sub-agent' ? 'through sub-agent' : 'through handoff to'} ${item.name})` })),
  );
  return {
    agent,
    sources: units.map((u) => ({ identityKey: u.identityKey, name: u.name, unit: u.unit, sourceRoot: u.sourceRoot, decision: u.decision })),
    llm: units.flatMap((u) => u.llm),
    frameworks: uniqueBy(units.flatMap((u) => u.frameworks), (f) => f.framework),
    capabilities: uniqueBy([...units.flatMap((u) => u.capabilities), ...throughRuns], (c) => `${c.kind}|${c.detail}|${c.evidence.path}:${c.evidence.line}`),
    mcpServers: uniqueBy(units.flatMap((u) => u.mcpServers ?? []), (s) => `${s.evidence.path}#${s.name}`),
    endpoints: uniqueBy(units.flatMap((u) => u.endpoints), (e) => `${e.host}/${e.purpose}`),
    guardrails: units.flatMap((u) => u.guardrails),
    untrustedInputs: uniqueBy([...units, ...runs.map((r) => r.item)].flatMap((u) => u.untrustedInputs ?? []), (i) => `${i.kind}|${i.detail}|${i.evidence.path}:${i.evidence.line}`),
    packages: uniqueBy(units.flatMap((u) => u.packages), (p) => `${p.ecosystem}/${p.name}@${p.version}`),
    advisories: uniqueBy(
      units.flatMap((u) => u.advisories),
      (a: AdvisoryMatch) => `${a.id}/${a.package.name}@${a.package.version}`,
    ),
    codeCredentials: uniqueBy(units.flatMap((u) => u.credentials), (c) => `${c.kind}|${c.name}`),
    credentials: linksAndSuggestions(db, agentId, units, withSuggestions),
    blastRadius: blastRadiusSummaryOf(db, agentId),
    usage,
  };
}

/** The same finding seen from two items: its kind at one place in the code. */
const evidenceKey = (c: CapabilityFinding) => `${c.kind}|${c.evidence.path}:${c.evidence.line}`;
