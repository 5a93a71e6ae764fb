import { describe, expect, it, vi } from 'vitest';
import type { AgentTriage, InputOf } from '../../../shared/contract';
import { fakeBackend } from '../testing/fake-backend';
import { checklistRow, registryRow, riskScore, sampleAgentTriage, sampleRegister, sampleTriageOverview } from '../testing/triage-samples';
import { createAppStore } from './index';

describe('triage slice', () => {
  it('loads the overview in the engine’s order and keeps the error apart', async () => {
    const store = createAppStore(fakeBackend({ triageOverview: async () => sampleTriageOverview() }));
    await store.getState().loadTriageOverview();
    expect(store.getState().triageOverview).toMatchObject({ loading: false, error: null });
    expect(store.getState().triageOverview.data?.map((r) => r.risk.tier)).toEqual(['P0', 'P1', 'P3']);

    const failing = createAppStore(fakeBackend({ triageOverview: async () => Promise.reject(new Error('no workspace')) }));
    await failing.getState().loadTriageOverview();
    expect(failing.getState().triageOverview).toEqual({ data: null, loading: false, error: 'no workspace' });
  });

  it('loads the irreversible actions register, keeps the rows shown when a refresh fails, and reads it again after an attestation', async () => {
    let reads = 0;
    const store = createAppStore(
      fakeBackend({
        irreversibleRegister: async () => {
          reads++;
          if (reads === 2) throw new Error('workspace closed');
          return reads === 1 ? sampleRegister() : [registryRow({ reviewStatus: 'attested', reviewEvidence: [{ text: 'ana attested' }] })];
        },
        attestChecklistItem: async () => checklistRow('h48.irreversible-reviewed', { attestation: { status: 'done', note: '', by: 'ana', at: '2026-12-06T10:00:00.000Z' } }),
        triageOverview: async () => sampleTriageOverview(),
      }),
    );
    await store.getState().loadIrreversibleRegister();
    expect(store.getState().irreversibleRegister.data?.map((r) => r.reviewStatus)).toEqual(['unreviewed', 'unreviewed', 'reviewed-in-code']);
    await store.getState().loadIrreversibleRegister();
    expect(store.getState().irreversibleRegister).toMatchObject({ loading: false, error: 'workspace closed' });
    expect(store.getState().irreversibleRegister.data).toHaveLength(3);

    await store.getState().attestChecklistItem({ agentId: 'a-collections', key: 'h48.irreversible-reviewed', status: 'done', note: '' });
    await vi.waitFor(() => expect(store.getState().irreversibleRegister.data?.map((r) => r.reviewStatus)).toEqual(['attested']));
    expect(store.getState().irreversibleRegister.error).toBeNull();
  });

  it('keeps only the checklist of the agent opened last', async () => {
    const answers: Array<(t: AgentTriage) => void> = [];
    const store = createAppStore(fakeBackend({ agentChecklist: () => new Promise<AgentTriage>((resolve) => answers.push(resolve)) }));
    const first = store.getState().loadAgentTriage('a1');
    const second = store.getState().loadAgentTriage('a2');
    answers[1]?.(sampleAgentTriage('a2'));
    answers[0]?.(sampleAgentTriage('a1'));
    await Promise.all([first, second]);
    expect(store.getState().agentTriage).toMatchObject({ agentId: 'a2', loading: false, data: { agentId: 'a2' } });
  });

  it('attesting replaces the row, then reads the risk and the overview again', async () => {
    const inputs: Array<InputOf<'attestChecklistItem'>> = [];
    let checklistReads = 0;
    let overviewReads = 0;
    const attested = checklistRow('h48.execution-logging', { attestation: { status: 'done', note: 'CloudWatch since May', by: 'ana', at: '2026-12-06T10:00:00.000Z' } });
    const store = createAppStore(
      fakeBackend({
        agentChecklist: async ({ agentId }) => {
          checklistReads++;
          if (checklistReads === 1) return sampleAgentTriage(agentId);
          const after = sampleAgentTriage(agentId);
          return { ...after, risk: riskScore({ tier: 'P1' }), checklist: after.checklist.map((r) => (r.key === attested.key ? attested : r)) };
        },
        triageOverview: async () => (overviewReads++, sampleTriageOverview()),
        attestChecklistItem: async (input) => (inputs.push(input), attested),
      }),
    );
    await store.getState().loadAgentTriage('a-collections');
    const saving = store.getState().attestChecklistItem({ agentId: 'a-collections', key: 'h48.execution-logging', status: 'done', note: 'CloudWatch since May' });
    expect(store.getState().attesting).toBe('h48.execution-logging');
    await expect(saving).resolves.toBe(true);
    expect(inputs).toEqual([{ agentId: 'a-collections', key: 'h48.execution-logging', status: 'done', note: 'CloudWatch since May' }]);
    expect(store.getState().agentTriage?.data?.checklist.find((r) => r.key === 'h48.execution-logging')?.attestation?.note).toBe('CloudWatch since May');
    expect(store.getState().attesting).toBeNull();
    await new Promise((r) => setTimeout(r, 0));
    expect(store.getState().agentTriage?.data?.checklist.find((r) => r.key === 'h48.execution-logging')?.attestation?.status).toBe('done');
    expect(checklistReads).toBe(2);
    expect(overviewReads).toBe(1);
    expect(store.getState().agentTriage?.data?.risk.tier).toBe('P1');
    expect(store.getState().toasts.at(-1)?.tone).toBe('success');
  });

  it('a refused attestation keeps the row and says why', async () => {
    const store = createAppStore(
      fakeBackend({ agentChecklist: async ({ agentId }) => sampleAgentTriage(agentId), attestChecklistItem: async () => Promise.reject(new Error('note too long')) }),
    );
    await store.getState().loadAgentTriage('a-collections');
    await expect(store.getState().attestChecklistItem({ agentId: 'a-collections', key: 'h48.no-shell', status: null, note: '' })).resolves.toBe(false);
    expect(store.getState().attestError).toBe('note too long');
    expect(store.getState().agentTriage?.data?.checklist.find((r) => r.key === 'h48.no-shell')?.attestation).toBeNull();
    store.getState().clearAttestError();
    expect(store.getState().attestError).toBeNull();
  });
});
