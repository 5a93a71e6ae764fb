import { createContext, useContext, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { BlastRadius } from '../../../../../shared/blast-radius';
import { collapseGraph, defaultCollapse, layoutKeyOf, type CollapseMode, type ViewGraph } from './graph-model';
import type { Positions } from './layout-graph';

/**
 * The canvas's own store (one per blast radius shown, STYLE.md): what is collapsed, searched and
 * focused, and the layout of the graph as drawn. Kept apart from the app store so a pan, a search
 * or a layout of one graph never re-renders the rest of the app.
 */
export type ResultView = 'graph' | 'table';

export interface CanvasState {
  radius: BlastRadius;
  collapse: CollapseMode;
  expanded: ReadonlySet<string>;
  view: ViewGraph;
  viewKey: string;
  resultView: ResultView;
  search: string;
  focusId: string | null;
  layout: { key: string; status: 'running' | 'done' | 'failed'; positions: Positions; error: string | null } | null;
  setCollapse: (mode: CollapseMode) => void;
  toggleGroup: (groupId: string) => void;
  setSearch: (text: string) => void;
  /** Clicking the focused node again clears the focus. */
  toggleFocus: (nodeId: string | null) => void;
  setResultView: (view: ResultView) => void;
  layoutStarted: (key: string) => void;
  layoutDone: (key: string, positions: Positions) => void;
  layoutFailed: (key: string, error: string) => void;
}

export type CanvasStore = StoreApi<CanvasState>;

export function createCanvasStore(radius: BlastRadius): CanvasStore {
  const collapse = defaultCollapse(radius);
  const view = collapseGraph(radius, collapse, new Set());
  return createStore<CanvasState>()((set, get) => {
    const redraw = (collapseMode: CollapseMode, expanded: ReadonlySet<string>) => {
      const next = collapseGraph(get().radius, collapseMode, expanded);
      const focusId = get().focusId;
      set({ collapse: collapseMode, expanded, view: next, viewKey: layoutKeyOf(next), focusId: focusId && next.nodes.some((n) => n.id === focusId) ? focusId : null });
    };
    return {
      radius,
      collapse,
      expanded: new Set(),
      view,
      viewKey: layoutKeyOf(view),
      resultView: 'graph',
      search: '',
      focusId: null,
      layout: null,
      setCollapse: (mode) => redraw(mode, new Set()),
      toggleGroup: (groupId) => {
        const expanded = new Set(get().expanded);
        if (expanded.has(groupId)) expanded.delete(groupId);
        else expanded.add(groupId);
        redraw(get().collapse, expanded);
      },
      setSearch: (search) => set({ search }),
      toggleFocus: (nodeId) => set((s) => ({ focusId: nodeId === s.focusId ? null : nodeId })),
      setResultView: (resultView) => set({ resultView }),
      layoutStarted: (key) => set((s) => ({ layout: { key, status: 'running', positions: s.layout?.positions ?? {}, error: null } })),
      layoutDone: (key, positions) => {
        if (get().viewKey === key) set({ layout: { key, status: 'done', positions, error: null } });
      },
      layoutFailed: (key, error) => {
        if (get().viewKey === key) set((s) => ({ layout: { key, status: 'failed', positions: s.layout?.positions ?? {}, error } }));
      },
    };
  });
}

const CanvasContext = createContext<CanvasStore | null>(null);

/** Mount it with a key per blast radius: a new answer starts a new canvas. */
export function CanvasStoreProvider({ radius, children }: { radius: BlastRadius; children: ReactNode }) {
  const [store] = useState(() => createCanvasStore(radius));
  return <CanvasContext.Provider value={store}>{children}</CanvasContext.Provider>;
}

export function useCanvas<T>(selector: (state: CanvasState) => T): T {
  const store = useContext(CanvasContext);
  if (!store) throw new Error('useCanvas needs a <CanvasStoreProvider> above it.');
  return useStore(store, selector);
}
