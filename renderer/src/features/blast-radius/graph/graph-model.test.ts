import { describe, expect, it } from 'vitest';
import { sampleBlastRadius, wideBlastRadius } from '../../../testing/blast-radius-samples';
import { collapseGraph, defaultCollapse, edgeLabelOf, groupIdOf, labelEndsOf, layoutKeyOf, matchingNodes, pathsThrough, toFlowEdges, toFlowNodes } from './graph-model';

const none = new Set<string>();

describe('collapse grouping', () => {
  it('opens a large graph collapsed by service and a small one expanded', () => {
    expect(defaultCollapse(sampleBlastRadius())).toBe('none');
    expect(defaultCollapse(wideBlastRadius(200))).toBe('service');
  });

  it('groups data sources by service with a count, merging edges to the highest access', () => {
    const view = collapseGraph(wideBlastRadius(200), 'service', none);
    const groups = view.nodes.filter((n) => n.group);
    expect(groups.map((g) => [g.label, g.group?.members.length])).toEqual([
      ['s3', 50],
      ['dynamodb', 50],
      ['secretsmanager', 50],
      ['sqs', 50],
    ]);
    expect(groups[0]?.detail).toBe('50 data sources');
    expect(view.nodes).toHaveLength(3 + 4);
    const toS3 = view.edges.find((e) => e.target === groupIdOf('data-source', 'service', 's3'));
    expect(toS3).toMatchObject({ source: 'principal:r1', access: 'write', count: 50 });
  });

  it('groups by account, and an expanded group shows its members again', () => {
    const graph = wideBlastRadius(20);
    const byAccount = collapseGraph(graph, 'account', none);
    expect(byAccount.nodes.filter((n) => n.group).map((n) => n.label).sort()).toEqual(['111122223333', '444455556666']);
    const expanded = collapseGraph(graph, 'account', new Set([groupIdOf('data-source', 'account', '111122223333')]));
    expect(expanded.nodes.filter((n) => n.kind === 'data-source' && !n.group)).toHaveLength(10);
    expect(expanded.nodes.filter((n) => n.group)).toHaveLength(1);
  });

  it('keeps a group of one as the node itself and drops edges inside a group', () => {
    const view = collapseGraph(sampleBlastRadius(), 'service', none);
    // The two roles share the group "role"; their can-assume edge falls inside it.
    const roles = view.nodes.find((n) => n.id === groupIdOf('principal', 'service', 'role'));
    expect(roles?.group?.members).toHaveLength(2);
    expect(view.edges.some((e) => e.kind === 'can-assume')).toBe(false);
    // dynamodb has one table: drawn as itself.
    expect(view.nodes.some((n) => n.id === 'data-source:t1')).toBe(true);
    // Flags of members show on the group.
    expect(roles?.flags).toContain('foreign-trust');
  });

  it("a merged edge is conditional only when every edge it stands for is", () => {
    const view = collapseGraph(sampleBlastRadius(), 'service', none);
    const toS3 = view.edges.find((e) => e.target === groupIdOf('data-source', 'service', 's3'));
    expect(toS3?.conditional).toBe(false);
    expect(toS3?.access).toBe('write');
  });
});

describe('focus and search', () => {
  it('focuses the paths through a node: what leads to it and what it reaches, not its siblings', () => {
    const view = collapseGraph(sampleBlastRadius(), 'none', none);
    const through = pathsThrough('principal:r2', view.edges);
    expect([...through.nodes].sort()).toEqual(['agent:a1', 'credential:c1', 'data-source:b1', 'data-source:b3', 'data-source:t1', 'principal:r1', 'principal:r2']);
    expect(through.nodes.has('data-source:b2')).toBe(false);
    const fromLeaf = pathsThrough('data-source:b2', view.edges);
    expect([...fromLeaf.nodes].sort()).toEqual(['agent:a1', 'credential:c1', 'data-source:b2', 'principal:r1']);
    expect(fromLeaf.edges.has('principal:r1->data-source:b2')).toBe(true);
  });

  it('matches names, details, accounts and services, and groups through their members', () => {
    const flat = collapseGraph(sampleBlastRadius(), 'none', none);
    expect(matchingNodes(flat.nodes, 'PAYMENTS')).toEqual(['principal:r2', 'data-source:b1']);
    expect(matchingNodes(flat.nodes, '4444')).toEqual(['data-source:t1']);
    expect(matchingNodes(flat.nodes, '  ')).toEqual([]);
    const grouped = collapseGraph(sampleBlastRadius(), 'service', none);
    expect(matchingNodes(grouped.nodes, 'invoices-staging')).toEqual([groupIdOf('data-source', 'service', 's3')]);
  });
});

describe('graph to xyflow', () => {
  it('labels edges with the highest access, marks conditional and severe ones, and dims what is out of focus', () => {
    const view = collapseGraph(sampleBlastRadius(), 'none', none);
    const focus = { id: 'data-source:b2', ...pathsThrough('data-source:b2', view.edges) };
    const edges = toFlowEdges(view, { matches: new Set(), focus, expandedGroups: none });
    const write = edges.find((e) => e.id === 'principal:r2->data-source:b1');
    expect(write?.label).toBe('Write');
    expect(write?.className).toContain('br-edge--severe');
    expect(write?.className).toContain('br-edge--dimmed');
    expect(edges.find((e) => e.id === 'principal:r2->data-source:t1')?.label).toBe('Read (conditional)');
    expect(edges.find((e) => e.id === 'principal:r2->data-source:t1')?.className).toContain('br-edge--conditional');
    expect(edges.find((e) => e.id === 'principal:r1->data-source:b2')?.className).not.toContain('dimmed');
    expect(edgeLabelOf({ kind: 'holds', access: null, conditional: false })).toBeUndefined();

    const nodes = toFlowNodes(view, { 'agent:a1': { x: 10, y: 20 } }, { matches: new Set(['data-source:b1']), focus, expandedGroups: none });
    expect(nodes[0]).toMatchObject({ id: 'agent:a1', type: 'entity', position: { x: 10, y: 20 }, data: { dimmed: false, matched: false } });
    expect(nodes.find((n) => n.id === 'data-source:b1')?.data).toMatchObject({ matched: true, dimmed: true });
    expect(nodes.find((n) => n.id === 'data-source:b2')?.data.focused).toBe(true);
  });

  it('changes the layout key only when the drawn shape changes', () => {
    const a = collapseGraph(sampleBlastRadius(), 'none', none);
    const b = collapseGraph(sampleBlastRadius(), 'none', none);
    expect(layoutKeyOf(a)).toBe(layoutKeyOf(b));
    expect(layoutKeyOf(collapseGraph(sampleBlastRadius(), 'service', none))).not.toBe(layoutKeyOf(a));
  });
});

describe('labelEndsOf', () => {
  it('puts a label beside the end fewer labelled edges share: the sources when many converge, the targets when one fans out', () => {
    const converge = ['p1', 'p2', 'p3'].map((p) => ({ id: `${p}->b`, source: p, target: 'b' }));
    const fanOut = ['d1', 'd2'].map((d) => ({ id: `r->${d}`, source: 'r', target: d }));
    const unlabelled = { id: 'c->r', source: 'c', target: 'r' };
    const ends = labelEndsOf([...converge, ...fanOut, unlabelled], (id) => id !== 'c->r');
    expect(converge.map((e) => ends.get(e.id))).toEqual(['source', 'source', 'source']);
    expect(fanOut.map((e) => ends.get(e.id))).toEqual(['target', 'target']);
    expect(ends.has('c->r')).toBe(false);
  });
});
