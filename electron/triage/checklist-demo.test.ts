import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ItemVerdict } from '../../shared/checklist';
import { createEngine, type Engine } from '../api/engine';
import { buildDemoWorkspace } from '../demo/demo-workspace';
import { resourcesDir } from '../resources-dir';
import { tempDir } from '../store/test-workspace';

/** The checklist through the engine, on the demo engagement: facts from scans, IAM and usage decide real items. */
describe('agentChecklist on the demo', () => {
  const tmp = tempDir('atw-checklist-demo-');
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

  async function checklistOf(name: string): Promise<Map<string, ItemVerdict>> {
    const result = await engine.dispatch('agentChecklist', { agentId: ids[name]! }, ctx);
    if (!result.ok) throw new Error(result.error.message);
    return new Map((result.value as ItemVerdict[]).map((v) => [v.key, v]));
  }

  it('fails the Collections Reminder Bot on its LLM key, which the checkout assistant also uses (LiteLLM logs)', async () => {
    const verdicts = await checklistOf('Collections Reminder Bot');
    expect(verdicts.get('h48.llm-keys-distinct')).toMatchObject({ verdict: 'fail', evidence: [{ text: expect.stringMatching(/^openai:[0-9a-f]{64}$/) }] });
  });

  it('passes the Dispute Resolution Assistant on LLM keys (its OpenAI key carries only its calls) and on its named owner', async () => {
    const verdicts = await checklistOf('Dispute Resolution Assistant');
    expect(verdicts.get('h48.llm-keys-distinct')).toMatchObject({ verdict: 'pass', evidence: [{ text: 'openai:key_2mX9dRkD4qLw' }] });
    expect(verdicts.get('registry.owner')?.verdict).toBe('pass');
  });

  it('refuses an agent that does not exist', async () => {
    const result = await engine.dispatch('agentChecklist', { agentId: 'no-such-agent' }, ctx);
    expect(result.ok).toBe(false);
  });
});
