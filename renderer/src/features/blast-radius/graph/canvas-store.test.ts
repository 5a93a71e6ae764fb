import { describe, expect, it } from 'vitest';
import { sampleBlastRadius, wideBlastRadius } from '../../../testing/blast-radius-samples';
import { createCanvasStore } from './canvas-store';
import { groupIdOf } from './graph-model';

describe('canvas store', () => {
  it('opens a large graph collapsed and expands one group on demand', () => {
    const store = createCanvasStore(wideBlastRadius(200));
    expect(store.getState().collapse).toBe('service');
    expect(store.getState().view.nodes).toHaveLength(7);
    const before = store.getState().viewKey;
    store.getState().toggleGroup(groupIdOf('data-source', 'service', 's3'));
    expect(store.getState().view.nodes).toHaveLength(7 - 1 + 50);
    expect(store.getState().viewKey).not.toBe(before);
    store.getState().toggleGroup(groupIdOf('data-source', 'service', 's3'));
    expect(store.getState().viewKey).toBe(before);
  });

  it('drops a layout that finished for a graph no longer drawn', () => {
    const store = createCanvasStore(sampleBlastRadius());
    const oldKey = store.getState().viewKey;
    store.getState().layoutStarted(oldKey);
    store.getState().setCollapse('account');
    store.getState().layoutDone(oldKey, { 'agent:a1': { x: 1, y: 1 } });
    expect(store.getState().layout?.status).toBe('running');
    store.getState().layoutDone(store.getState().viewKey, { 'agent:a1': { x: 2, y: 2 } });
    expect(store.getState().layout).toMatchObject({ status: 'done', positions: { 'agent:a1': { x: 2, y: 2 } } });
  });

  it('toggles focus, and forgets a focused node that a collapse hid', () => {
    const store = createCanvasStore(sampleBlastRadius());
    store.getState().toggleFocus('data-source:b2');
    expect(store.getState().focusId).toBe('data-source:b2');
    store.getState().toggleFocus('data-source:b2');
    expect(store.getState().focusId).toBeNull();
    store.getState().toggleFocus('data-source:b2');
    store.getState().setCollapse('service');
    expect(store.getState().focusId).toBeNull();
  });
});
