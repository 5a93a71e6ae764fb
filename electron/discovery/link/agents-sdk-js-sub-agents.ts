import type { DiscoveredAgent, TriggerFinding } from '../../../shared/discovery';
import { linkAgents } from './agent-links';
import { recordDelegated } from './held-tools';
import { capabilitiesHeld, type AgentGraph, type AgentNode } from './agent-nodes';
import type { MakeItem } from './browser-agents';
import type { CodeIndex } from './resolve-code';

/**
 * A server-side unit (a route handler, a worker) that runs an OpenAI Agents SDK agent is the
 * item of the root agent it runs; the agents that root hands off to (or calls as tools) are
 * 'sub-agent' items of their own, at the file that defines each, linked to it. As for the Python
 * frameworks (sub-agents.ts), a sub-agent holds the tools it is given and their capabilities,
 * and the unit keeps its root agent's own (held-tools.ts). A sub-agent runs in the unit's
 * process, so it spends tokens with the unit's credentials.
 */
export function splitSubAgents(units: readonly DiscoveredAgent[], index: CodeIndex, graph: AgentGraph, make: MakeItem): DiscoveredAgent[] {
  if (graph.isEmpty) return [];
  const created = new Map<AgentNode, DiscoveredAgent>();
  for (const unit of units) {
    if (unit.unit.kind === 'browser-agent' || unit.unit.kind === 'sub-agent' || unit.classification !== 'agent') continue;
    const files = unit.codeFiles.flatMap((path) => index.get(path) ?? []);
    const roots = graph.rootsOf(files);
    if (roots.length === 0) continue;
    // The file that defines the root agent starts it as much as the server file that runs it.
    for (const root of roots) if (!unit.entryPoints.includes(root.path)) unit.entryPoints.push(root.path);
    const reached = graph.reachable(roots).filter((node) => !roots.includes(node));
    if (reached.length === 0) continue;
    const itemOf = new Map<AgentNode, DiscoveredAgent>(roots.map((root) => [root, unit]));
    for (const node of reached) {
      const item = created.get(node) ?? subAgentItem(node, unit, roots, index, graph, make);
      if (!item) continue;
      created.set(node, item);
      itemOf.set(node, item);
      recordDelegated(unit, node.definition.evidence);
    }
    for (const edge of graph.edges) {
      const from = itemOf.get(edge.from);
      const to = itemOf.get(edge.to);
      if (from && to) linkAgents(from, to, edge.relation, edge.evidence);
    }
  }
  return [...created.values()];
}

function subAgentItem(node: AgentNode, unit: DiscoveredAgent, roots: AgentNode[], index: CodeIndex, graph: AgentGraph, make: MakeItem): DiscoveredAgent | null {
  const own = graph.ownFiles(node).flatMap((path) => index.get(path) ?? []);
  const parent = roots.map((root) => root.definition.name).join(', ');
  const trigger: TriggerFinding = { kind: 'chained', schedule: null, description: `Run by ${parent}`, evidence: node.definition.evidence };
  const item = make('sub-agent', node.definition.name, node.path, [node.path], trigger, own);
  if (!item) return null;
  item.tools = graph.toolsOf(node);
  item.capabilities = capabilitiesHeld(own.flatMap((file) => file.capabilities), item.tools);
  item.classification = 'agent';
  // Its model calls go out with the unit's keys.
  const names = new Set(item.credentials.map((credential) => `${credential.kind}:${credential.name}`));
  item.credentials.push(...unit.credentials.filter((credential) => !names.has(`${credential.kind}:${credential.name}`)));
  return item;
}

