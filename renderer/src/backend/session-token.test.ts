import { describe, expect, it } from 'vitest';
import { TOKEN_STORAGE_KEY } from '../../../shared/wire';
import { takeSessionToken } from './session-token';

function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (k) => items.get(k) ?? null,
    key: (i) => [...items.keys()][i] ?? null,
    removeItem: (k) => void items.delete(k),
    setItem: (k, v) => void items.set(k, v),
  };
}

function fakeHistory() {
  const replaced: string[] = [];
  const history = { state: null, replaceState: (_s: unknown, _t: string, url: string) => void replaced.push(url) } as unknown as History;
  return { history, replaced };
}

describe('takeSessionToken', () => {
  it('keeps the token from the URL for this tab and removes it from the address bar', () => {
    const storage = memoryStorage();
    const { history, replaced } = fakeHistory();
    const token = takeSessionToken({ href: 'http://127.0.0.1:5174/?token=abc123&x=1#/inventory' } as Location, history, storage);
    expect(token).toBe('abc123');
    expect(storage.getItem(TOKEN_STORAGE_KEY)).toBe('abc123');
    expect(replaced).toEqual(['/?x=1#/inventory']);
  });

  it('uses the stored token after a reload without touching history', () => {
    const storage = memoryStorage();
    storage.setItem(TOKEN_STORAGE_KEY, 'kept');
    const { history, replaced } = fakeHistory();
    expect(takeSessionToken({ href: 'http://127.0.0.1:5174/#/agents/a1' } as Location, history, storage)).toBe('kept');
    expect(replaced).toEqual([]);
  });
});
