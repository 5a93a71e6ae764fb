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

export async function layoutGraph(nodes: readonly LayoutNode[], edges: readonly LayoutEdge[]): Promise<Positions> {
  if (nodes.length === 0) return {};
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
