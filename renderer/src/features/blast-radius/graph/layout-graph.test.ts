import { describe, expect, it } from 'vitest';
import { sampleBlastRadius } from '../../../testing/blast-radius-samples';
import { collapseGraph, layoutInputOf, NODE_WIDTH } from './graph-model';
import { layoutGraph } from './layout-graph';

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
});
