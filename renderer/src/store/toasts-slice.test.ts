import { describe, expect, it } from 'vitest';
import { fakeBackend } from '../testing/fake-backend';
import { createAppStore } from './index';

describe('toasts slice', () => {
  it('adds toasts with distinct ids and dismisses one', () => {
    const store = createAppStore(fakeBackend({}));
    store.getState().notify('success', 'Saved');
    store.getState().notify('error', 'Export failed');
    const [first, second] = store.getState().toasts;
    expect(first?.id).not.toBe(second?.id);
    store.getState().dismissToast(first?.id ?? -1);
    expect(store.getState().toasts.map((t) => t.text)).toEqual(['Export failed']);
  });
});
