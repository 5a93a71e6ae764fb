import type { Db } from './workspace-file';

/**
 * A read scope: one synchronous pass that reads many agents (the triage overview, the plan, the
 * report). Caches that are checked against a version query before every use (the identity
 * snapshot, the usage keys, the usage period) check once per scope instead of once per agent:
 * nothing on this connection can write in the middle of a synchronous pass, and a pass over 2,000
 * agents spent a quarter of its time asking "has anything changed?" thousands of times.
 */
const scopes = new WeakMap<Db, Map<string, unknown>>();

export function inReadScope<T>(db: Db, read: () => T): T {
  if (scopes.has(db)) return read();
  scopes.set(db, new Map());
  try {
    return read();
  } finally {
    scopes.delete(db);
  }
}

/** `compute()` once per read scope (every time outside one). */
export function scoped<T>(db: Db, key: string, compute: () => T): T {
  const scope = scopes.get(db);
  if (!scope) return compute();
  if (scope.has(key)) return scope.get(key) as T;
  const value = compute();
  scope.set(key, value);
  return value;
}
