import { Background, Controls, MiniMap, ReactFlow, ReactFlowProvider, useReactFlow, type EdgeTypes, type Node, type NodeTypes } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useEffect, useMemo, useRef, useState } from 'react';
import { messageOf } from '../../../store/app-state';
import { useAppStore } from '../../../store/store-context';
import { Button } from '../../../ui/Button';
import { ErrorBanner } from '../../../ui/ErrorBanner';
import { Select } from '../../../ui/fields';
import { useCanvas } from './canvas-store';
import { AccessEdge } from './AccessEdge';
import { EntityNode } from './EntityNode';
import { downloadBlob, exportFileName, renderGraphImage, type ImageFormat } from './export-image';
import { layoutInputOf, matchingNodes, pathsThrough, toFlowEdges, toFlowNodes, type AccessFlowEdge, type CollapseMode, type EntityFlowNode, type Highlight } from './graph-model';
import { layoutInWorker } from './layout-client';
import { Spinner } from '../../../ui/Spinner';

/** Declared once, outside any component: a new object per render would remount every node. */
const NODE_TYPES: NodeTypes = { entity: EntityNode };
const EDGE_TYPES: EdgeTypes = { access: AccessEdge };
const PRO_OPTIONS = { hideAttribution: true };
const COLLAPSE_OPTIONS: ReadonlyArray<{ value: CollapseMode; label: string }> = [
  { value: 'none', label: 'Nothing' },
  { value: 'service', label: 'By service' },
  { value: 'account', label: 'By account' },
];
/** Past this many drawn nodes, only those in view are rendered. */
const VIRTUALISE_FROM = 300;
/** A graph that fits in view needs no overview; the minimap would only hide part of it. */
const MINIMAP_FROM = 12;

export function BlastGraph({ subjectName }: { subjectName: string }) {
  return (
    <ReactFlowProvider>
      <GraphCanvas subjectName={subjectName} />
    </ReactFlowProvider>
  );
}

function useLayout() {
  const view = useCanvas((s) => s.view);
  const viewKey = useCanvas((s) => s.viewKey);
  const layoutStarted = useCanvas((s) => s.layoutStarted);
  const layoutDone = useCanvas((s) => s.layoutDone);
  const layoutFailed = useCanvas((s) => s.layoutFailed);
  useEffect(() => {
    layoutStarted(viewKey);
    const { nodes, edges } = layoutInputOf(view);
    layoutInWorker(nodes, edges).then(
      (positions) => layoutDone(viewKey, positions),
      (error: unknown) => layoutFailed(viewKey, messageOf(error)),
    );
  }, [view, viewKey, layoutStarted, layoutDone, layoutFailed]);
}

function GraphCanvas({ subjectName }: { subjectName: string }) {
  useLayout();
  const view = useCanvas((s) => s.view);
  const viewKey = useCanvas((s) => s.viewKey);
  const layout = useCanvas((s) => s.layout);
  const search = useCanvas((s) => s.search);
  const setSearch = useCanvas((s) => s.setSearch);
  const focusId = useCanvas((s) => s.focusId);
  const toggleFocus = useCanvas((s) => s.toggleFocus);
  const expanded = useCanvas((s) => s.expanded);
  const collapse = useCanvas((s) => s.collapse);
  const setCollapse = useCanvas((s) => s.setCollapse);
  const notify = useAppStore((s) => s.notify);
  const { fitView } = useReactFlow();
  const wrapper = useRef<HTMLDivElement>(null);
  const [exporting, setExporting] = useState<ImageFormat | null>(null);

  const laidOut = layout?.key === viewKey && layout.status === 'done';
  const matches = useMemo(() => matchingNodes(view.nodes, search), [view.nodes, search]);
  const highlight = useMemo<Highlight>(() => {
    const focus = focusId ? { id: focusId, ...pathsThrough(focusId, view.edges) } : null;
    return { matches: new Set(matches), focus, expandedGroups: expanded };
  }, [matches, focusId, view.edges, expanded]);
  const positions = layout?.positions;
  const nodes = useMemo(() => (positions ? toFlowNodes(view, positions, highlight) : []), [view, positions, highlight]);
  const edges = useMemo(() => toFlowEdges(view, highlight), [view, highlight]);

  // A new layout is framed whole once drawn.
  useEffect(() => {
    if (!laidOut) return;
    const frame = requestAnimationFrame(() => void fitView({ padding: 0.08, duration: 0 }));
    return () => cancelAnimationFrame(frame);
  }, [laidOut, viewKey, fitView]);

  const showMatches = () => {
    if (matches.length > 0) void fitView({ nodes: matches.map((id) => ({ id })), padding: 0.3, maxZoom: 1.2, duration: 250 });
  };

  const exportAs = async (format: ImageFormat) => {
    const viewport = wrapper.current?.querySelector<HTMLElement>('.react-flow__viewport');
    if (!viewport || nodes.length === 0) return;
    setExporting(format);
    try {
      const blob = await renderGraphImage(viewport, nodes as Node[], format);
      downloadBlob(blob, exportFileName(subjectName, new Date(), format));
    } catch (error) {
      notify('error', `Could not export the graph: ${messageOf(error)}`);
    } finally {
      setExporting(null);
    }
  };

  const focusedNode = focusId ? view.nodes.find((n) => n.id === focusId) : undefined;

  return (
    <div className="br-graph">
      <div className="br-graph__toolbar" role="toolbar" aria-label="Graph tools">
        <div className="br-graph__search">
          <label className="visually-hidden" htmlFor="br-graph-search">
            Find in graph
          </label>
          <input
            id="br-graph-search"
            className="control"
            type="search"
            placeholder="Find in graph…"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                showMatches();
              }
            }}
          />
          {search.trim() && (
            <Button size="sm" onClick={showMatches} disabled={matches.length === 0}>
              {matches.length === 0 ? 'No match' : `Show ${matches.length} ${matches.length === 1 ? 'match' : 'matches'}`}
            </Button>
          )}
        </div>
        <Select<CollapseMode> label="Group" className="br-graph__collapse" value={collapse} options={COLLAPSE_OPTIONS} onChange={setCollapse} />
        <div className="br-graph__buttons">
          {focusedNode && (
            <Button size="sm" onClick={() => toggleFocus(null)} title={`Focused on ${focusedNode.label}`}>
              Clear focus
            </Button>
          )}
          <Button size="sm" onClick={() => void fitView({ padding: 0.08, duration: 250 })}>
            Fit view
          </Button>
          <Button size="sm" onClick={() => void exportAs('png')} disabled={!laidOut || exporting !== null}>
            {exporting === 'png' ? 'Exporting…' : 'Export PNG'}
          </Button>
          <Button size="sm" onClick={() => void exportAs('svg')} disabled={!laidOut || exporting !== null}>
            {exporting === 'svg' ? 'Exporting…' : 'Export SVG'}
          </Button>
        </div>
      </div>
      <p className="br-graph__status" aria-live="polite">
        {focusedNode ? `Showing the paths through ${focusedNode.label}. ` : ''}
        {search.trim() ? `${matches.length} ${matches.length === 1 ? 'node matches' : 'nodes match'} “${search.trim()}”. ` : ''}
        {view.nodes.length} nodes drawn{collapse !== 'none' ? ` (grouped ${collapse === 'service' ? 'by service' : 'by account'}; expand a group to see its members)` : ''}.
      </p>
      {layout?.status === 'failed' && layout.key === viewKey && <ErrorBanner title="The graph could not be laid out">{layout.error} The table lists the same paths.</ErrorBanner>}
      <div ref={wrapper} className="br-graph__canvas" aria-busy={!laidOut}>
        {!laidOut && layout?.status !== 'failed' && (
          <div className="br-graph__loading" role="status">
            <Spinner /> Laying out {view.nodes.length} nodes…
          </div>
        )}
        <ReactFlow<EntityFlowNode, AccessFlowEdge>
          nodes={nodes}
          edges={edges}
          nodeTypes={NODE_TYPES}
          edgeTypes={EDGE_TYPES}
          nodesDraggable={false}
          nodesConnectable={false}
          nodesFocusable={false}
          edgesFocusable={false}
          elementsSelectable={false}
          onlyRenderVisibleElements={nodes.length > VIRTUALISE_FROM}
          onNodeClick={(_, node) => toggleFocus(node.id)}
          onPaneClick={() => focusId && toggleFocus(null)}
          minZoom={0.05}
          maxZoom={2}
          proOptions={PRO_OPTIONS}
          aria-label={`Blast radius graph of ${subjectName}`}
        >
          <Background gap={24} size={1} />
          <Controls showInteractive={false} position="bottom-left" />
          {nodes.length > MINIMAP_FROM && <MiniMap pannable zoomable position="bottom-right" ariaLabel="Overview of the graph" nodeClassName={miniMapClass} className="br-minimap-panel" />}
        </ReactFlow>
      </div>
      <p className="br-graph__legend">
        Columns: agent → credentials → principals (assumed roles to the right) → data sources. Edge labels, beside the less crowded end of their edge, give the highest access (red: write or permissions management); a dashed edge applies only under a condition. Data sources in production or
        holding confidential or restricted data have a red frame and say so in a badge.
      </p>
    </div>
  );
}

function miniMapClass(node: EntityFlowNode): string {
  const n = node.data.view.node;
  const sensitive = n?.kind === 'data-source' && (n.environment === 'prod' || n.sensitivity === 'restricted' || n.sensitivity === 'confidential');
  return sensitive ? 'br-minimap br-minimap--sensitive' : `br-minimap br-minimap--${node.data.view.kind}`;
}
