import { afterAll, beforeAll, expect } from 'vitest';
import { createEngine, type Engine } from '../api/engine';
import { buildDemoWorkspace } from '../demo/demo-workspace';
import { resourcesDir } from '../resources-dir';
import { tempDir } from '../store/test-workspace';

/**
 * For a test file: the demo engagement opened in a real engine before its tests and closed after,
 * with the demo agents' ids by name and a `call` that throws the engine's message.
 */
export function demoEngineForTests(prefix: string) {
  const tmp = tempDir(prefix);
  let engine: Engine;
  const ctx = { actor: '', via: 'test' };
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    await buildDemoWorkspace(tmp.file('demo.atw'), resourcesDir());
    engine = await createEngine({ homeDir: tmp.file('home'), host: 'test', version: '0.0.0-test', defaultActor: 'tester', openLastWorkspace: false });
    expect((await engine.dispatch('openWorkspace', { path: tmp.file('demo.atw') }, ctx)).ok).toBe(true);
    const list = await engine.dispatch('listAgents', {}, ctx);
    if (!list.ok) throw new Error(list.error.message);
    for (const row of (list.value as { rows: Array<{ id: string; name: string }> }).rows) ids[row.name] = row.id;
  }, 120_000);
  afterAll(async () => {
    await engine.close();
    tmp.cleanup();
  });

  const dispatch = (method: Parameters<Engine['dispatch']>[0], input: unknown) => engine.dispatch(method, input, ctx);
  async function call<T>(method: Parameters<Engine['dispatch']>[0], input: unknown): Promise<T> {
    const result = await dispatch(method, input);
    if (!result.ok) throw new Error(result.error.message);
    return result.value as T;
  }
  return { ids, call, dispatch };
}
