import type { CapabilityFinding, Evidence, ToolDefinition } from '../../../shared/discovery';
import type { AgentDefinitionFact, AgentRef } from '../code/agent-graph';
import type { CodeFindings } from '../findings';
import type { CodeIndex } from './resolve-code';

/**
 * The OpenAI Agents SDK (JavaScript) agents of one scan as a graph: every agent definition is
 * a node, wherever it is defined, and handoffs (listed, pushed later, or wrapped in
 * `handoff()`) and agents used as tools are edges. References across files are resolved
 * through the imports of the file that wrote them.
 */
export interface AgentNode {
  /** "<file>#<binding or name>": unique in the scan. */
  key: string;
  path: string;
  definition: AgentDefinitionFact;
}

export interface AgentEdge {
  from: AgentNode;
  to: AgentNode;
  relation: 'handoff-to' | 'sub-agent';
  evidence: Evidence;
}

export class AgentGraph {
  readonly nodes: AgentNode[] = [];
  readonly edges: AgentEdge[] = [];
  private readonly byFile = new Map<string, AgentNode[]>();

  constructor(
    code: readonly CodeFindings[],
    private readonly index: CodeIndex,
  ) {
    for (const file of code) {
      for (const definition of file.agentGraph?.definitions ?? []) {
        const node = { key: `${file.path}#${definition.binding ?? definition.name}`, path: file.path, definition };
        this.nodes.push(node);
        this.byFile.set(file.path, [...(this.byFile.get(file.path) ?? []), node]);
      }
    }
    if (this.nodes.length === 0) return;
    for (const node of this.nodes) {
      for (const ref of node.definition.handoffs) this.addEdge(node, this.resolve(ref, node.path), 'handoff-to', node.definition.evidence);
      for (const ref of node.definition.agentTools) this.addEdge(node, this.resolve(ref, node.path), 'sub-agent', node.definition.evidence);
    }
    for (const file of code) {
      for (const push of file.agentGraph?.handoffPushes ?? []) {
        const from = this.resolve(push.target, file.path);
        if (from) for (const ref of push.handoffs) this.addEdge(from, this.resolve(ref, file.path), 'handoff-to', from.definition.evidence);
      }
    }
  }

  get isEmpty(): boolean {
    return this.nodes.length === 0;
  }

  definedIn(path: string): AgentNode[] {
    return this.byFile.get(path) ?? [];
  }

  /** The agent a name stands for in `fromFile`: a definition there, or one exported by the local module it imports. */
  resolve(ref: AgentRef, fromFile: string): AgentNode | null {
    if ('local' in ref) return this.definedIn(fromFile).find((node) => node.definition.binding === ref.local) ?? null;
    const target = this.index.resolveImport(ref.module, fromFile);
    if (!target) return null;
    const nodes = this.definedIn(target);
    if (ref.exported === 'default') return nodes.length === 1 ? nodes[0]! : null;
    return nodes.find((node) => node.definition.binding === ref.exported) ?? null;
  }

  /** The agents a unit runs from its files: `run(agent)`, `new RealtimeSession(agent)`; else the one agent nobody hands off to. */
  rootsOf(files: readonly CodeFindings[]): AgentNode[] {
    const run = files.flatMap((file) => (file.agentGraph?.runs ?? []).flatMap((ref) => this.resolve(ref, file.path) ?? []));
    if (run.length > 0) return [...new Set(run)];
    const defined = files.flatMap((file) => this.definedIn(file.path));
    const targets = new Set(this.edges.map((edge) => edge.to));
    const heads = defined.filter((node) => !targets.has(node));
    return heads.length === 1 ? heads : [];
  }

  /** Every agent reachable from `starts` through handoffs and agents-as-tools, the starts included. */
  reachable(starts: readonly AgentNode[]): AgentNode[] {
    const seen = new Set(starts);
    const queue = [...starts];
    while (queue.length > 0) {
      const node = queue.shift()!;
      for (const edge of this.edges) {
        if (edge.from === node && !seen.has(edge.to)) {
          seen.add(edge.to);
          queue.push(edge.to);
        }
      }
    }
    return [...seen];
  }

  /**
   * The files an agent's own code spans: its file and what that imports, without walking into
   * another agent's file (a handoff target's tools are that agent's, not this one's).
   */
  ownFiles(node: AgentNode, maxDepth = 4): string[] {
    const seen = new Set([node.path]);
    let frontier = [node.path];
    for (let depth = 0; depth < maxDepth && frontier.length > 0; depth++) {
      const next: string[] = [];
      for (const path of frontier) {
        for (const written of this.index.get(path)?.localImports ?? []) {
          const target = this.index.resolveImport(written, path);
          if (!target || seen.has(target) || this.definedIn(target).length > 0) continue;
          seen.add(target);
          next.push(target);
        }
      }
      frontier = next;
    }
    return [...seen];
  }

  /** The tool definitions an agent holds, with their capabilities, found where each tool is defined. */
  toolsOf(node: AgentNode): ToolDefinition[] {
    const found = new Map<string, ToolDefinition>();
    const here = this.index.get(node.path);
    for (const ref of node.definition.tools) {
      let file = here;
      let name: string | null = null;
      if ('tool' in ref) name = ref.tool;
      else if ('local' in ref) name = here?.agentGraph?.toolNames[ref.local] ?? ref.local;
      else {
        const target = this.index.resolveImport(ref.module, node.path);
        file = target ? this.index.get(target) : undefined;
        name = file?.agentGraph?.toolNames[ref.exported] ?? ref.exported;
      }
      const definition = file?.tools.find((tool) => tool.name === name) ?? here?.tools.find((tool) => tool.name === name);
      if (definition && !found.has(definition.name)) found.set(definition.name, definition);
    }
    return [...found.values()];
  }

  private addEdge(from: AgentNode, to: AgentNode | null, relation: AgentEdge['relation'], evidence: Evidence): void {
    if (!to || to === from || this.edges.some((edge) => edge.from === from && edge.to === to && edge.relation === relation)) return;
    this.edges.push({ from, to, relation, evidence });
  }
}

/** Capabilities outside any tool, and those inside the tools the agent holds. */
export function capabilitiesHeld(capabilities: readonly CapabilityFinding[], tools: readonly ToolDefinition[]): CapabilityFinding[] {
  const names = new Set(tools.map((tool) => tool.name));
  return capabilities.filter((capability) => capability.tool === null || names.has(capability.tool));
}
