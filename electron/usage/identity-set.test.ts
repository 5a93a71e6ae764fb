import { describe, expect, it } from 'vitest';
import { IdentitySet } from './identity-set';
import { hash53 } from './row-identity';

describe('IdentitySet', () => {
  it('holds what a Set holds, through growth, with 0 and repeats', () => {
    const ids = new IdentitySet();
    const reference = new Set<number>();
    for (let i = 0; i < 200_000; i++) {
      const id = i % 7 === 0 ? hash53(String(i % 1000)) : i === 5 ? 0 : hash53(`row ${i}`);
      expect(ids.add(id)).toBe(!reference.has(id));
      reference.add(id);
    }
    expect(ids.size).toBe(reference.size);
    expect(new Set(ids.values())).toEqual(reference);
  });
});
