import type { DiscoveredAgent, TriggerFinding, UnitKind } from '../../../shared/discovery';
import type { CodeFindings } from '../findings';
import { linkAgents } from './agent-links';
import { capabilitiesHeld, type AgentGraph, type AgentNode } from './agent-nodes';
import { isTestPath } from './deployment-scope';
import type { CodeIndex } from './resolve-code';

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
  // Pages and app entries before the "use client" modules they import, each in path order: every
  // scan of the same tree names the same page as where an agent starts.
  const rank = (file: CodeFindings) => `${file.clientEntry?.line === 0 ? 0 : 1}:${file.path}`;
  // A test page or fixture exercises agents; it is not where a deployed app starts them.
  const entries = code.filter((file) => file.clientEntry && !isTestPath(file.path)).sort((a, b) => (rank(a) < rank(b) ? -1 : rank(a) > rank(b) ? 1 : 0));
  for (const entry of entries) {
    if (covered.has(entry.path)) continue;
    const closure = browserClosure(entry.path, index).filter((path) => !covered.has(path));
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
    item.capabilities = capabilitiesHeld(ownFindings.flatMap((file) => file.capabilities), item.tools);
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

/**
 * What a page loads into the browser: its imports, transitively, except modules that stay on the
 * server (server actions, `server-only` modules: a page may import them, their code runs there).
 */
export function browserClosure(entry: string, index: CodeIndex): string[] {
  const seen = new Set([entry]);
  let frontier = [entry];
  for (let depth = 0; depth < BROWSER_IMPORT_DEPTH && frontier.length > 0; depth++) {
    const next: string[] = [];
    for (const path of frontier) {
      for (const written of index.get(path)?.localImports ?? []) {
        const target = index.resolveImport(written, path);
        if (!target || seen.has(target) || index.get(target)?.serverOnly) continue;
        seen.add(target);
        next.push(target);
      }
    }
    frontier = next;
  }
  return [...seen];
}
