import type { AgentLink, AgentLinkRelation, DiscoveredAgent, Evidence } from '../../../shared/discovery';

/** The relation the other side of a link carries: a parent's 'sub-agent' is the worker's 'parent'. */
const REVERSE: Record<AgentLinkRelation, AgentLinkRelation> = {
  parent: 'sub-agent',
  'sub-agent': 'parent',
  'handoff-to': 'handoff-from',
  'handoff-from': 'handoff-to',
  'mcp-server': 'mcp-client',
  'mcp-client': 'mcp-server',
  'remote-agent': 'caller',
  caller: 'remote-agent',
};

/**
 * Ties two items of one scan together, on both sides, each link once. `relation` is what `to` is
 * to `from`: linkAgents(supervisor, worker, 'sub-agent', evidence).
 */
export function linkAgents(from: DiscoveredAgent, to: DiscoveredAgent, relation: AgentLinkRelation, evidence: Evidence | null): void {
  if (from.identityKey === to.identityKey) return;
  addLink(from, { identityKey: to.identityKey, name: to.name, relation, evidence });
  addLink(to, { identityKey: from.identityKey, name: from.name, relation: REVERSE[relation], evidence });
}

function addLink(agent: DiscoveredAgent, link: AgentLink): void {
  const links = (agent.links ??= []);
  if (links.some((l) => l.identityKey === link.identityKey && l.relation === link.relation)) return;
  links.push(link);
}

/** Drops links to items that are not in the final list (merged or deduplicated away). */
export function pruneLinks(agents: DiscoveredAgent[]): void {
  const keys = new Set(agents.map((a) => a.identityKey));
  for (const agent of agents) {
    if (!agent.links) continue;
    agent.links = agent.links.filter((l) => keys.has(l.identityKey));
    if (agent.links.length === 0) delete agent.links;
  }
}
