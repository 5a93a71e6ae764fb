import { describe, expect, it } from 'vitest';
import { sampleBlastRadius } from '../../../testing/blast-radius-samples';
import { collapseGraph, layoutInputOf, NODE_WIDTH } from './graph-model';
import { columnLayout, layoutGraph } from './layout-graph';

describe('layoutGraph (elkjs, in Node)', () => {
  it('places columns left to right: agent, credential, principals (assumed roles further right), data sources', async () => {
    const { nodes, edges } = layoutInputOf(collapseGraph(sampleBlastRadius(), 'none', new Set()));
    const p = await layoutGraph(nodes, edges);
    expect(Object.keys(p).sort()).toEqual(nodes.map((n) => n.id).sort());
    const x = (id: string) => p[id]!.x;
    expect(x('agent:a1')).toBeLessThan(x('credential:c1'));
    expect(x('credential:c1')).toBeLessThan(x('principal:r1'));
    expect(x('principal:r1')).toBeLessThan(x('principal:r2'));
    for (const ds of ['data-source:b1', 'data-source:b2', 'data-source:b3', 'data-source:t1']) expect(x(ds)).toBeGreaterThanOrEqual(x('principal:r2') + NODE_WIDTH);
    // Nodes in one column never overlap.
    const column = ['data-source:b1', 'data-source:b2', 'data-source:b3', 'data-source:t1'].map((id) => p[id]!.y).sort((a, b) => a - b);
    for (let i = 1; i < column.length; i++) expect(column[i]! - column[i - 1]!).toBeGreaterThanOrEqual(76);
  });

  it('answers an empty graph and ignores edges to nodes that are not drawn', async () => {
    await expect(layoutGraph([], [])).resolves.toEqual({});
    const p = await layoutGraph([{ id: 'a', width: 10, height: 10, partition: 0 }], [{ id: 'e', source: 'a', target: 'gone' }]);
    expect(Object.keys(p)).toEqual(['a']);
  });

  it('lays out a graph too big for ELK (3,000 nodes, 10,000 edges) in columns, neighbours side by side, nothing overlapping', async () => {
    const nodes = Array.from({ length: 3_000 }, (_, i) => ({ id: `n${i}`, width: 200, height: 50, partition: i % 4 }));
    const edges = Array.from({ length: 10_000 }, (_, i) => ({ id: `e${i}`, source: `n${(i * 4) % 3_000}`, target: `n${((i * 4) % 3_000) + 1}` }));
    const p = await layoutGraph(nodes, edges);
    expect(Object.keys(p)).toHaveLength(3_000);
    for (const n of nodes.slice(0, 8)) expect(p[n.id]!.x).toBe(n.partition * 420);
    const ys = nodes.filter((n) => n.partition === 1).map((n) => p[n.id]!.y).sort((a, b) => a - b);
    for (let i = 1; i < ys.length; i++) expect(ys[i]! - ys[i - 1]!).toBeGreaterThanOrEqual(50);
    // A pair joined by an edge lands on the same row of its two columns.
    const small = columnLayout(
      [
        { id: 'a', width: 10, height: 10, partition: 0 },
        { id: 'b', width: 10, height: 10, partition: 0 },
        { id: 'y', width: 10, height: 10, partition: 1 },
        { id: 'x', width: 10, height: 10, partition: 1 },
      ],
      [
        { id: '1', source: 'a', target: 'x' },
        { id: '2', source: 'b', target: 'y' },
      ],
    );
    expect(small.x!.y).toBe(small.a!.y);
    expect(small.y!.y).toBe(small.b!.y);
  });
});
