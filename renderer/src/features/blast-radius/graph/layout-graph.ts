import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkNode } from 'elkjs/lib/elk-api';

/**
 * The blast radius layout: ELK's layered algorithm, left to right, one partition per column
 * (agents, credentials, principals, data sources) so a chain of assumed roles spreads over several
 * layers inside the principals' column without crossing into the data sources'. Pure: no DOM, so
 * the layout worker runs it off the UI thread and a Node benchmark can time it.
 */

export interface LayoutNode {
  id: string;
  width: number;
  height: number;
  /** The column: 0 agents, 1 credentials, 2 principals, 3 data sources. */
  partition: number;
}

export interface LayoutEdge {
  id: string;
  source: string;
  target: string;
}

/** Top-left corner of each node, in the graph's coordinates. */
export type Positions = Record<string, { x: number; y: number }>;

/** Above this many nodes ELK spends less effort on crossings: seconds saved, a few more crossings. */
const LARGE_GRAPH = 400;

let elk: InstanceType<typeof ELK> | null = null;

/**
 * Above this size ELK's layered algorithm ran out of a 4 GB heap (3,000 nodes, 10,000 edges,
 * measured in bench/iam-bench.ts): the columns are known, so they are laid out directly.
 */
const HUGE_GRAPH = { nodes: 1_500, edges: 5_000 };
const COLUMN_GAP = 220;
const ROW_GAP = 20;

/**
 * Columns by partition, each ordered by the barycentre of its neighbours in the column before
 * (two sweeps, left to right then back), so related nodes sit side by side: linear in the size
 * of the graph, where crossing minimisation is not.
 */
export function columnLayout(nodes: readonly LayoutNode[], edges: readonly LayoutEdge[]): Positions {
  const columns = new Map<number, LayoutNode[]>();
  for (const n of nodes) columns.set(n.partition, [...(columns.get(n.partition) ?? []), n]);
  const order = [...columns.keys()].sort((a, b) => a - b);
  const neighbours = new Map<string, string[]>();
  for (const e of edges) {
    neighbours.set(e.source, [...(neighbours.get(e.source) ?? []), e.target]);
    neighbours.set(e.target, [...(neighbours.get(e.target) ?? []), e.source]);
  }
  const rank = new Map<string, number>();
  const place = (column: LayoutNode[]) => column.forEach((n, i) => rank.set(n.id, i));
  const sortByNeighbours = (column: LayoutNode[]) => {
    const centre = (n: LayoutNode) => {
      const ranks = (neighbours.get(n.id) ?? []).map((id) => rank.get(id)).filter((r): r is number => r !== undefined);
      return ranks.length ? ranks.reduce((s, r) => s + r, 0) / ranks.length : (rank.get(n.id) ?? 0);
    };
    const centres = new Map(column.map((n) => [n.id, centre(n)]));
    column.sort((a, b) => centres.get(a.id)! - centres.get(b.id)!);
    place(column);
  };
  for (const p of order) place(columns.get(p)!);
  for (const p of order.slice(1)) sortByNeighbours(columns.get(p)!);
  for (const p of [...order].reverse().slice(1)) sortByNeighbours(columns.get(p)!);
  const positions: Positions = {};
  let x = 0;
  for (const p of order) {
    const column = columns.get(p)!;
    let y = 0;
    for (const n of column) {
      positions[n.id] = { x, y };
      y += n.height + ROW_GAP;
    }
    x += Math.max(...column.map((n) => n.width)) + COLUMN_GAP;
  }
  return positions;
}

export async function layoutGraph(nodes: readonly LayoutNode[], edges: readonly LayoutEdge[]): Promise<Positions> {
  if (nodes.length === 0) return {};
  if (nodes.length > HUGE_GRAPH.nodes || edges.length > HUGE_GRAPH.edges) return columnLayout(nodes, edges);
  elk ??= new ELK();
  const ids = new Set(nodes.map((n) => n.id));
  const graph: ElkNode = {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.partitioning.activate': 'true',
      // Room for an edge label between two columns: at its edge's midpoint, "Permissions management (conditional)" is about 200 px wide.
      'elk.layered.spacing.nodeNodeBetweenLayers': '220',
      'elk.spacing.nodeNode': '20',
      'elk.spacing.componentComponent': '32',
      'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
      'elk.layered.thoroughness': nodes.length > LARGE_GRAPH ? '1' : '7',
      'elk.separateConnectedComponents': 'false',
    },
    children: nodes.map((n) => ({ id: n.id, width: n.width, height: n.height, layoutOptions: { 'elk.partitioning.partition': String(n.partition) } })),
    // An edge to a node that is not drawn (a collapsed end) would make ELK throw.
    edges: edges.filter((e) => ids.has(e.source) && ids.has(e.target) && e.source !== e.target).map((e) => ({ id: e.id, sources: [e.source], targets: [e.target] })),
  };
  const laidOut = await elk.layout(graph);
  const positions: Positions = {};
  for (const child of laidOut.children ?? []) positions[child.id] = { x: child.x ?? 0, y: child.y ?? 0 };
  return positions;
}
