import type { LayoutEdge, LayoutNode, Positions } from './layout-graph';
import type { LayoutReply, LayoutRequest } from './layout-worker';

/** One worker for the page's life; requests are matched to replies by id. */
let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, { resolve: (p: Positions) => void; reject: (e: Error) => void }>();

function failAll(message: string) {
  for (const { reject } of pending.values()) reject(new Error(message));
  pending.clear();
  worker?.terminate();
  worker = null;
}

function layoutWorker(): Worker {
  if (worker) return worker;
  const created = new Worker(new URL('./layout-worker.ts', import.meta.url), { type: 'module', name: 'blast-radius-layout' });
  created.addEventListener('message', (event: MessageEvent<LayoutReply>) => {
    const reply = event.data;
    const waiting = pending.get(reply.id);
    if (!waiting) return;
    pending.delete(reply.id);
    if ('error' in reply) waiting.reject(new Error(reply.error));
    else waiting.resolve(reply.positions);
  });
  created.addEventListener('error', (event) => failAll(`The layout worker stopped: ${event.message || 'it could not be started'}`));
  worker = created;
  return created;
}

/** Lays the graph out in a Web Worker: a graph of thousands of nodes never blocks the page. */
export function layoutInWorker(nodes: LayoutNode[], edges: LayoutEdge[]): Promise<Positions> {
  return new Promise((resolve, reject) => {
    const id = nextId++;
    pending.set(id, { resolve, reject });
    try {
      layoutWorker().postMessage({ id, nodes, edges } satisfies LayoutRequest);
    } catch (error) {
      pending.delete(id);
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}
