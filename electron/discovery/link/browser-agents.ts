import type { DiscoveredAgent, TriggerFinding, UnitKind } from '../../../shared/discovery';
import type { CodeFindings } from '../findings';
import { linkAgents } from './agent-links';
import { capabilitiesHeld, type AgentGraph, type AgentNode } from './agent-nodes';
import { isTestPath } from './deployment-scope';
import { importClosure, type CodeIndex } from './resolve-code';

/** Builds one item from the files it runs (link-units.ts's candidateOf, with the scan's lockfiles and .env files). */
export type MakeItem = (kind: UnitKind, name: string, path: string, entries: string[], trigger: TriggerFinding, files: CodeFindings[]) => DiscoveredAgent | null;

/** Pages import layouts, providers, hooks and agent configs: deeper than a server's imports. */
const BROWSER_IMPORT_DEPTH = 8;

/**
 * Agents that run in the visitor's browser: every OpenAI Agents SDK agent definition a page,
 * layout, "use client" module or Vite entry reaches is an item of its own ('browser-agent',
 * named by its `name`, at the file that defines it), linked to the agents it hands off to. The
 * page is not an item: it only starts them. What the page's own code adds to every agent it
 * starts (the Realtime session's model, a route minting its key) is added to each of them; each
 * agent keeps only the tools it holds.
 *
 * Files these items run are added to `covered`, so no other item claims them.
 */
export function browserAgents(code: readonly CodeFindings[], index: CodeIndex, graph: AgentGraph, covered: Set<string>, make: MakeItem): DiscoveredAgent[] {
  if (graph.isEmpty) return [];
  const pageFiles = new Map<AgentNode, Set<string>>();
  const startedFrom = new Map<AgentNode, CodeFindings>();
  for (const entry of code) {
    // A test rendering a page (App.test.tsx, __tests__/) is never where an agent is started from.
    if (!entry.clientEntry || covered.has(entry.path) || isTestPath(entry.path)) continue;
    const closure = importClosure([entry.path], index, BROWSER_IMPORT_DEPTH).filter((path) => !covered.has(path));
    const reached = graph.reachable(closure.flatMap((path) => graph.definedIn(path)));
    if (reached.length === 0) continue;
    // Files of the page's own code: no agent is defined there, no agent's own code reaches them.
    const agentCode = new Set(reached.flatMap((node) => graph.ownFiles(node)));
    const page = closure.filter((path) => !agentCode.has(path) && graph.definedIn(path).length === 0);
    for (const node of reached) {
      pageFiles.set(node, new Set([...(pageFiles.get(node) ?? []), ...page]));
      if (!startedFrom.has(node)) startedFrom.set(node, entry);
    }
    for (const path of closure) covered.add(path);
  }
  const items = new Map<AgentNode, DiscoveredAgent>();
  for (const [node, page] of pageFiles) {
    const own = graph.ownFiles(node);
    const entry = startedFrom.get(node)!;
    const trigger: TriggerFinding = { kind: 'user', schedule: null, description: `Runs in the browser of whoever opens ${entry.path}`, evidence: entry.clientEntry ?? null };
    const files = [...own, ...[...page].filter((path) => !own.includes(path))].flatMap((path) => index.get(path) ?? []);
    const item = make('browser-agent', node.definition.name, node.path, [node.path], trigger, files);
    if (!item) continue;
    const ownFindings = own.flatMap((path) => index.get(path) ?? []);
    item.tools = graph.toolsOf(node);
    item.capabilities = capabilitiesHeld(
      ownFindings.flatMap((file) => file.capabilities),
      item.tools,
    );
    item.classification = 'agent';
    for (const path of [...own, ...page]) covered.add(path);
    items.set(node, item);
  }
  for (const edge of graph.edges) {
    const from = items.get(edge.from);
    const to = items.get(edge.to);
    if (from && to) linkAgents(from, to, edge.relation, edge.evidence);
  }
  return [...items.values()];
}
