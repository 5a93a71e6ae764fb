/// <reference lib="webworker" />
import { layoutGraph, type LayoutEdge, type LayoutNode } from './layout-graph';

export interface LayoutRequest {
  id: number;
  nodes: LayoutNode[];
  edges: LayoutEdge[];
}
export type LayoutReply = { id: number; positions: Record<string, { x: number; y: number }> } | { id: number; error: string };

declare const self: DedicatedWorkerGlobalScope;

// elk.bundled.js, seeing a worker global, installs its own message dispatcher on self.onmessage;
// this worker answers our messages only.
self.onmessage = null;

self.addEventListener('message', (event: MessageEvent<LayoutRequest>) => {
  const { id, nodes, edges } = event.data;
  layoutGraph(nodes, edges).then(
    (positions) => self.postMessage({ id, positions } satisfies LayoutReply),
    (error: unknown) => self.postMessage({ id, error: error instanceof Error ? error.message : String(error) } satisfies LayoutReply),
  );
});
