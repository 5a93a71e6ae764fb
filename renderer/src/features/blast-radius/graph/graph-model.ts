import type { Edge, Node } from '@xyflow/react';
import type { BlastRadius, GraphEdge, GraphEdgeKind, GraphNode, GraphNodeKind } from '../../../../../shared/blast-radius';
import { ACCESS_LEVEL_LABELS, highestAccess, type AccessLevel, type RiskClass } from '../../../../../shared/iam';
import type { LayoutEdge, LayoutNode, Positions } from './layout-graph';

/**
 * From the engine's blast radius to what the canvas draws: collapsing principals and data
 * sources into groups (by service or by account) when the graph is large, the paths through a
 * focused node, search matches, and the xyflow nodes and edges. Pure, so it is tested in Node.
 */

export type CollapseMode = 'none' | 'service' | 'account';

/** Above this many nodes the canvas opens collapsed by service: a wall of 2,000 boxes reads as nothing. */
export const COLLAPSE_THRESHOLD = 150;

export const NODE_WIDTH = 232;
export const NODE_HEIGHT = 76;

export interface ViewNode {
  id: string;
  kind: GraphNodeKind;
  label: string;
  detail: string;
  /** Set on a node standing for several: the members and what they were grouped by. */
  group: { key: string; by: Exclude<CollapseMode, 'none'>; members: GraphNode[] } | null;
  node: GraphNode | null;
  flags: string[];
}

export interface ViewEdge {
  id: string;
  source: string;
  target: string;
  kind: GraphEdgeKind;
  access: AccessLevel | null;
  /** A merged edge is conditional only when every edge it stands for is. */
  conditional: boolean;
  riskClasses: RiskClass[];
  /** How many graph edges it stands for (1 unless groups merged them). */
  count: number;
}

export interface ViewGraph {
  nodes: ViewNode[];
  edges: ViewEdge[];
}

export const COLUMN_OF: Record<GraphNodeKind, number> = { agent: 0, credential: 1, principal: 2, 'data-source': 3 };

export function defaultCollapse(graph: Pick<BlastRadius, 'nodes'>): CollapseMode {
  return graph.nodes.length > COLLAPSE_THRESHOLD ? 'service' : 'none';
}

/** Agents and credentials are few and are what the reader starts from; the wide columns are the ones grouped. */
const COLLAPSIBLE: ReadonlySet<GraphNodeKind> = new Set(['principal', 'data-source']);

function groupKeyOf(node: GraphNode, by: Exclude<CollapseMode, 'none'>): string {
  const value = by === 'service' ? node.group : node.scope;
  return value || (by === 'service' ? 'other' : 'unknown account');
}

export function groupIdOf(kind: GraphNodeKind, by: Exclude<CollapseMode, 'none'>, key: string): string {
  return `group:${kind}:${by}:${key}`;
}

const KIND_PLURAL: Record<GraphNodeKind, string> = { agent: 'agents', credential: 'credentials', principal: 'principals', 'data-source': 'data sources' };

function flagsOfGroup(members: readonly GraphNode[]): string[] {
  const flags = new Set<string>();
  for (const m of members) for (const f of m.flags) if (f !== 'focus') flags.add(f);
  return [...flags];
}

/**
 * The graph as drawn: with mode 'none' every node; otherwise principals and data sources of the
 * same service (or account) stand as one node with a count, except the groups the person expanded
 * and groups of one. Edges follow their ends into groups and are merged, keeping the highest access.
 */
export function collapseGraph(graph: Pick<BlastRadius, 'nodes' | 'edges'>, mode: CollapseMode, expanded: ReadonlySet<string>): ViewGraph {
  const standIn = new Map<string, string>();
  const nodes: ViewNode[] = [];
  const groups = new Map<string, GraphNode[]>();
  for (const node of graph.nodes) {
    if (mode !== 'none' && COLLAPSIBLE.has(node.kind) && !node.flags.includes('focus')) {
      const id = groupIdOf(node.kind, mode, groupKeyOf(node, mode));
      if (!expanded.has(id)) {
        const members = groups.get(id) ?? [];
        members.push(node);
        groups.set(id, members);
        continue;
      }
    }
    standIn.set(node.id, node.id);
    nodes.push({ id: node.id, kind: node.kind, label: node.label, detail: node.detail, group: null, node, flags: node.flags });
  }
  for (const [id, members] of groups) {
    const first = members[0];
    if (!first) continue;
    if (members.length === 1) {
      standIn.set(first.id, first.id);
      nodes.push({ id: first.id, kind: first.kind, label: first.label, detail: first.detail, group: null, node: first, flags: first.flags });
      continue;
    }
    const by = mode === 'none' ? 'service' : mode;
    const key = groupKeyOf(first, by);
    for (const m of members) standIn.set(m.id, id);
    nodes.push({
      id,
      kind: first.kind,
      label: `${key}`,
      detail: `${members.length} ${KIND_PLURAL[first.kind]}`,
      group: { key, by, members },
      node: null,
      flags: flagsOfGroup(members),
    });
  }

  const merged = new Map<string, ViewEdge>();
  for (const edge of graph.edges) {
    const source = standIn.get(edge.source);
    const target = standIn.get(edge.target);
    if (!source || !target || source === target) continue;
    const id = `${source}->${target}`;
    const seen = merged.get(id);
    if (!seen) {
      merged.set(id, { id, source, target, kind: edge.kind, access: edge.access, conditional: edge.conditional, riskClasses: [...edge.riskClasses], count: 1 });
      continue;
    }
    seen.access = highestAccess([seen.access, edge.access].filter((a): a is AccessLevel => a !== null));
    seen.conditional = seen.conditional && edge.conditional;
    for (const r of edge.riskClasses) if (!seen.riskClasses.includes(r)) seen.riskClasses.push(r);
    if (edge.kind === 'grants') seen.kind = 'grants';
    seen.count += 1;
  }
  return { nodes, edges: [...merged.values()] };
}

/** Every node and edge on a path through `nodeId`: what it came from and what it leads to, not its siblings. */
export function pathsThrough(nodeId: string, edges: readonly Pick<ViewEdge, 'id' | 'source' | 'target'>[]): { nodes: Set<string>; edges: Set<string> } {
  const out = new Map<string, Array<Pick<ViewEdge, 'id' | 'target'>>>();
  const into = new Map<string, Array<Pick<ViewEdge, 'id' | 'source'>>>();
  for (const e of edges) {
    out.set(e.source, [...(out.get(e.source) ?? []), e]);
    into.set(e.target, [...(into.get(e.target) ?? []), e]);
  }
  const nodes = new Set([nodeId]);
  const onPath = new Set<string>();
  const walk = (start: string, next: (id: string) => Array<{ id: string; to: string }>) => {
    const queue = [start];
    const seen = new Set([start]);
    while (queue.length > 0) {
      const current = queue.shift()!;
      for (const step of next(current)) {
        onPath.add(step.id);
        nodes.add(step.to);
        if (!seen.has(step.to)) {
          seen.add(step.to);
          queue.push(step.to);
        }
      }
    }
  };
  walk(nodeId, (id) => (out.get(id) ?? []).map((e) => ({ id: e.id, to: e.target })));
  walk(nodeId, (id) => (into.get(id) ?? []).map((e) => ({ id: e.id, to: e.source })));
  return { nodes, edges: onPath };
}

/** Nodes whose name, detail, account or service contains the text; a group matches when one of its members does. */
export function matchingNodes(nodes: readonly ViewNode[], text: string): string[] {
  const needle = text.trim().toLowerCase();
  if (!needle) return [];
  const hit = (n: Pick<GraphNode, 'label' | 'detail' | 'scope' | 'group'>) => [n.label, n.detail, n.scope, n.group].some((s) => s.toLowerCase().includes(needle));
  return nodes.filter((n) => (n.node ? hit(n.node) : n.label.toLowerCase().includes(needle) || (n.group?.members.some(hit) ?? false))).map((n) => n.id);
}

export function layoutInputOf(view: ViewGraph): { nodes: LayoutNode[]; edges: LayoutEdge[] } {
  return {
    nodes: view.nodes.map((n) => ({ id: n.id, width: NODE_WIDTH, height: NODE_HEIGHT, partition: COLUMN_OF[n.kind] })),
    edges: view.edges.map((e) => ({ id: e.id, source: e.source, target: e.target })),
  };
}

/** A key that changes exactly when the drawn graph's shape does: the layout is redone only then. */
export function layoutKeyOf(view: ViewGraph): string {
  return `${view.nodes.map((n) => n.id).join('|')}#${view.edges.map((e) => e.id).join('|')}`;
}

export interface EntityNodeData extends Record<string, unknown> {
  view: ViewNode;
  matched: boolean;
  dimmed: boolean;
  focused: boolean;
  expanded: boolean;
}

export type EntityFlowNode = Node<EntityNodeData, 'entity'>;

export const EDGE_KIND_LABELS: Record<GraphEdgeKind, string> = {
  holds: 'holds',
  'authenticates-as': 'authenticates as',
  'member-of': 'member of',
  'can-assume': 'can assume',
  grants: 'grants',
};

export function edgeLabelOf(edge: Pick<ViewEdge, 'kind' | 'access' | 'conditional'>): string | undefined {
  const base = edge.access ? ACCESS_LEVEL_LABELS[edge.access] : edge.kind === 'can-assume' ? 'can assume' : edge.kind === 'member-of' ? 'member of' : undefined;
  if (!base) return edge.conditional ? 'conditional' : undefined;
  return edge.conditional ? `${base} (conditional)` : base;
}

export interface Highlight {
  matches: ReadonlySet<string>;
  focus: { nodes: ReadonlySet<string>; edges: ReadonlySet<string>; id: string } | null;
  expandedGroups: ReadonlySet<string>;
}

export function toFlowNodes(view: ViewGraph, positions: Positions, highlight: Highlight): EntityFlowNode[] {
  return view.nodes.map((n) => ({
    id: n.id,
    type: 'entity',
    position: positions[n.id] ?? { x: COLUMN_OF[n.kind] * (NODE_WIDTH + 96), y: 0 },
    width: NODE_WIDTH,
    height: NODE_HEIGHT,
    draggable: false,
    connectable: false,
    data: {
      view: n,
      matched: highlight.matches.has(n.id),
      dimmed: highlight.focus !== null && !highlight.focus.nodes.has(n.id),
      focused: highlight.focus?.id === n.id,
      expanded: highlight.expandedGroups.has(n.id),
    },
  }));
}

/** Where an edge's label sits: next to the end it shares with the fewest other labels. */
export type LabelEnd = 'source' | 'target';

export interface AccessEdgeData extends Record<string, unknown> {
  /** The label's lines: the access, then "(conditional)" on a line of its own. */
  lines: string[];
  labelAt: LabelEnd;
  severe: boolean;
  dimmed: boolean;
}

export type AccessFlowEdge = Edge<AccessEdgeData, 'access'>;

/**
 * Labels drawn at an edge's midpoint pile up where many edges meet (ten principals reaching one
 * bucket) and land in the next column when the edge skips one. Each label sits instead at the end
 * of its edge that fewer labelled edges share: by the target when one principal fans out to many
 * data sources, by the source when many principals converge on one. Nodes in a column are apart,
 * so labels at distinct ends never meet, and both ends lie in a gap between columns.
 */
export function labelEndsOf(edges: readonly Pick<ViewEdge, 'id' | 'source' | 'target'>[], labelled: (id: string) => boolean): Map<string, LabelEnd> {
  const out = new Map<string, number>();
  const into = new Map<string, number>();
  for (const e of edges) {
    if (!labelled(e.id)) continue;
    out.set(e.source, (out.get(e.source) ?? 0) + 1);
    into.set(e.target, (into.get(e.target) ?? 0) + 1);
  }
  const ends = new Map<string, LabelEnd>();
  for (const e of edges) if (labelled(e.id)) ends.set(e.id, (out.get(e.source) ?? 0) <= (into.get(e.target) ?? 0) ? 'source' : 'target');
  return ends;
}

/**
 * Edges carry their look as inline style (CSS variables, so both themes work): html-to-image
 * copies inline style into the exported image, but not the class rules of SVG children.
 */
export function toFlowEdges(view: ViewGraph, highlight: Highlight): AccessFlowEdge[] {
  const labels = new Map(view.edges.map((e) => [e.id, edgeLabelOf(e)]));
  const ends = labelEndsOf(view.edges, (id) => labels.get(id) !== undefined);
  return view.edges.map((e) => {
    const dimmed = highlight.focus !== null && !highlight.focus.edges.has(e.id);
    const severe = e.access === 'write' || e.access === 'permissions-management';
    const classes = ['br-edge', `br-edge--${e.kind}`];
    if (e.conditional) classes.push('br-edge--conditional');
    if (severe) classes.push('br-edge--severe');
    if (dimmed) classes.push('br-edge--dimmed');
    const label = labels.get(e.id);
    const base = edgeLabelOf({ ...e, conditional: false });
    const lines = label === undefined ? [] : e.conditional && base ? [base, '(conditional)'] : [label];
    return {
      id: e.id,
      source: e.source,
      target: e.target,
      type: 'access',
      className: classes.join(' '),
      focusable: false,
      ...(label ? { label, ariaLabel: label } : {}),
      style: {
        stroke: severe ? 'var(--danger)' : 'var(--text-faint)',
        strokeWidth: severe ? 1.8 : 1.2,
        ...(e.conditional ? { strokeDasharray: '6 4' } : {}),
        opacity: dimmed ? 0.15 : 1,
      },
      data: { lines, labelAt: ends.get(e.id) ?? 'source', severe, dimmed },
    };
  });
}

/** Edge kinds as the legend and the path table describe them. */
export function describeEdge(edge: Pick<GraphEdge, 'kind' | 'access' | 'conditional'>): string {
  return edgeLabelOf(edge) ?? EDGE_KIND_LABELS[edge.kind];
}
