import { describe, expect, it } from 'vitest';
import { CHECKLIST_ITEMS, type ChecklistRow, type TriageRow } from '../../shared/checklist';
import type { AgentTriage } from '../../shared/contract';
import { demoEngineForTests } from './demo-engine';

/** The checklist through the engine, on the demo engagement: facts from scans, IAM and usage decide real items. */
describe('agentChecklist on the demo', () => {
  const { ids, call, dispatch } = demoEngineForTests('atw-checklist-demo-');
  async function checklistOf(name: string): Promise<Map<string, ChecklistRow>> {
    const triage = await call<AgentTriage>('agentChecklist', { agentId: ids[name]! });
    return new Map(triage.checklist.map((v) => [v.key, v]));
  }

  it('fails the Collections Reminder Bot on its LLM key, which the checkout assistant also uses (LiteLLM logs)', async () => {
    const verdicts = await checklistOf('Collections Reminder Bot');
    expect(verdicts.get('h48.llm-keys-distinct')).toMatchObject({ verdict: 'fail', evidence: [{ text: expect.stringMatching(/^openai:[0-9a-f]{64}$/) }], attestation: null, conflict: false });
  });

  it('passes the Dispute Resolution Assistant on LLM keys (its OpenAI key carries only its calls) and on its named owner', async () => {
    const verdicts = await checklistOf('Dispute Resolution Assistant');
    expect(verdicts.get('h48.llm-keys-distinct')).toMatchObject({ verdict: 'pass', evidence: [{ text: 'openai:key_2mX9dRkD4qLw' }] });
    expect(verdicts.get('registry.owner')?.verdict).toBe('pass');
  });

  it('keeps a person\'s attestation beside the automatic verdict, and shows the conflict when the facts say otherwise', async () => {
    const bot = ids['Collections Reminder Bot']!;
    const row = await call<ChecklistRow>('attestChecklistItem', { agentId: bot, key: 'h48.llm-keys-distinct', status: 'done', note: 'moved to its own key last week' });
    expect(row).toMatchObject({ verdict: 'fail', conflict: true, attestation: { status: 'done', note: 'moved to its own key last week', by: 'tester' } });
    const logging = await call<ChecklistRow>('attestChecklistItem', { agentId: bot, key: 'h48.execution-logging', status: 'done', note: 'logs in Datadog' });
    expect(logging).toMatchObject({ verdict: 'unknown', conflict: false, attestation: { status: 'done' } });
    const withdrawn = await call<ChecklistRow>('attestChecklistItem', { agentId: bot, key: 'h48.llm-keys-distinct', status: null, note: '' });
    expect(withdrawn.attestation).toBeNull();
  });

  it('orders the overview by risk, every agent with its tier and parts', async () => {
    const rows = await call<TriageRow[]>('triageOverview', {});
    expect(rows).toHaveLength(Object.keys(ids).length);
    const scores = rows.map((r) => r.risk.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    for (const r of rows) expect(r.counts.pass + r.counts.fail + r.counts.unknown).toBe(CHECKLIST_ITEMS.length);
    expect(rows[0]!.risk.tier).toBe('P0');
  });

  it('shows the outside content the Collections Reminder Bot reads (customer replies) and the scanner that screens it (Lakera Guard, found in its code)', async () => {
    const triage = await call<AgentTriage>('agentChecklist', { agentId: ids['Collections Reminder Bot']! });
    expect(triage.exposure.inputs.map((i) => i.kind)).toContain('email');
    expect(triage.exposure.scan).toMatchObject({ by: 'code' });
    expect(triage.exposure.worst).toBe(false);
    expect(triage.checklist.find((r) => r.key === 'd30.untrusted-content-scanned')).toMatchObject({ verdict: 'pass' });
  });

  it('flags the worst combination once the disputes agent\'s code is joined: it reads ticket comments and can refund, unscreened and unreviewed', async () => {
    const before = await call<AgentTriage>('agentChecklist', { agentId: ids['Dispute Resolution Assistant']! });
    expect(before.exposure.inputs).toEqual([]);
    const candidates = await call<{ candidates: Array<{ identityKey: string; name: string }> }>('listCandidates', { decision: 'pending' });
    const disputes = candidates.candidates.find((c) => c.name === 'disputes-agent')!;
    await call('mergeCandidate', { identityKey: disputes.identityKey, agentId: ids['Dispute Resolution Assistant']! });
    const after = await call<AgentTriage>('agentChecklist', { agentId: ids['Dispute Resolution Assistant']! });
    expect(after.exposure).toMatchObject({ scan: null, humanReview: false, worst: true });
    expect(after.exposure.inputs.map((i) => i.kind)).toContain('ticket');
    expect(after.checklist.find((r) => r.key === 'd30.untrusted-content-scanned')).toMatchObject({ verdict: 'fail' });
    const overview = await call<TriageRow[]>('triageOverview', {});
    expect(overview.find((r) => r.agentId === ids['Dispute Resolution Assistant'])!.exposure).toEqual({ inputs: after.exposure.inputs.length, worst: true });
  });

  it('refuses an agent that does not exist', async () => {
    const result = await dispatch('agentChecklist', { agentId: 'no-such-agent' });
    expect(result.ok).toBe(false);
  });
});
