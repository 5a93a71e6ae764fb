import { collapseGraph, layoutInputOf } from '../renderer/src/features/blast-radius/graph/graph-model';
import { layoutGraph } from '../renderer/src/features/blast-radius/graph/layout-graph';
import { wideBlastRadius } from '../renderer/src/testing/blast-radius-samples';
import { fmt, medianMs, row } from './stats';

/** The blast radius layout (elk layered) as the canvas's worker runs it: expanded and collapsed, by graph size. */
export async function blastLayoutBench(): Promise<void> {
  console.log('\nblast radius layout (elkjs, one thread; the app runs it in a Web Worker)');
  for (const size of [50, 500, 2000]) {
    const radius = wideBlastRadius(size);
    const expanded = layoutInputOf(collapseGraph(radius, 'none', new Set()));
    const collapsed = layoutInputOf(collapseGraph(radius, 'service', new Set()));
    row(`${size} data sources, every node drawn (${expanded.nodes.length} nodes)`, fmt(await medianMs(3, () => layoutGraph(expanded.nodes, expanded.edges))));
    row(`${size} data sources, grouped by service (${collapsed.nodes.length} nodes)`, fmt(await medianMs(3, () => layoutGraph(collapsed.nodes, collapsed.edges))), '< 100 ms');
  }
}
