import { describe, expect, it } from 'vitest';
import { DEFAULT_AGENT_FIELDS } from '../../../shared/agent';
import type { AgentDetail } from '../../../shared/contract';
import { BackendError } from '../../../shared/errors';
import type { AgentDrift } from '../../../shared/review';
import { fakeBackend } from '../testing/fake-backend';
import { createAppStore } from './index';

const never = (agentId: string): AgentDrift => ({ agentId, lastReview: null, changes: [], spend: null, reviewCount: 0 });
const reviewed = (agentId: string, over: Partial<AgentDrift> = {}): AgentDrift => ({
  agentId,
  lastReview: { at: '2026-12-06T10:00:00.000Z', by: 'ana', note: 'with Daniel' },
  changes: [],
  spend: null,
  reviewCount: 1,
  ...over,
});
const detail = (lastReviewed: string | null): AgentDetail => ({
  ...DEFAULT_AGENT_FIELDS,
  id: 'a1',
  name: 'kyc-reviewer',
  lastReviewed,
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: lastReviewed ?? '2025-01-01T00:00:00.000Z',
  completeness: { filled: 1, total: 7, missing: [] },
  flags: [],
});

describe('review slice', () => {
  it('reads the drift once for the review panel and the drift card together', async () => {
    let reads = 0;
    const store = createAppStore(fakeBackend({ agentDrift: async ({ agentId }) => (reads++, never(agentId)) }));
    await Promise.all([store.getState().loadDrift('a1'), store.getState().loadDrift('a1')]);
    expect(reads).toBe(1);
    expect(store.getState().drift).toEqual({ agentId: 'a1', value: never('a1'), loading: false, error: null });
    await store.getState().loadDrift('a1');
    expect(reads).toBe(2);
  });

  it('keeps only the drift of the agent opened last', async () => {
    const answers: Array<() => void> = [];
    const store = createAppStore(fakeBackend({ agentDrift: ({ agentId }) => new Promise<AgentDrift>((resolve) => answers.push(() => resolve(never(agentId)))) }));
    const first = store.getState().loadDrift('a1');
    const second = store.getState().loadDrift('a2');
    answers[1]?.();
    answers[0]?.();
    await Promise.all([first, second]);
    expect(store.getState().drift?.agentId).toBe('a2');
  });

  it('marks reviewed: shows the new baseline, says so, and reads the agent again for its last reviewed date', async () => {
    const inputs: unknown[] = [];
    let agentReads = 0;
    const store = createAppStore(
      fakeBackend({
        agentDrift: async ({ agentId }) => never(agentId),
        markReviewed: async (input) => (inputs.push(input), reviewed(input.agentId)),
        getAgent: async () => (agentReads++, detail(agentReads === 1 ? null : '2026-12-06')),
        agentAudit: async () => [],
        agentUsage: async () => Promise.reject(new Error('no usage in this test')),
      }),
    );
    await store.getState().loadAgent('a1');
    await store.getState().loadDrift('a1');
    const marking = store.getState().markReviewed({ agentId: 'a1', note: 'with Daniel' });
    expect(store.getState().markingReviewed).toBe('a1');
    await expect(marking).resolves.toBe(true);
    expect(inputs).toEqual([{ agentId: 'a1', note: 'with Daniel' }]);
    expect(store.getState().drift?.value?.lastReview?.by).toBe('ana');
    expect(store.getState().markingReviewed).toBeNull();
    expect(store.getState().toasts.at(-1)?.tone).toBe('success');
    await new Promise((r) => setTimeout(r, 0));
    expect(agentReads).toBe(2);
    expect(store.getState().agent?.lastReviewed).toBe('2026-12-06');
  });

  it('keeps the engine’s refusal to show beside the button, and the drift as it was', async () => {
    const store = createAppStore(
      fakeBackend({
        agentDrift: async ({ agentId }) => never(agentId),
        markReviewed: async () => Promise.reject(new BackendError('not-found', 'No agent with id a1 in this workspace.')),
      }),
    );
    await store.getState().loadDrift('a1');
    await expect(store.getState().markReviewed({ agentId: 'a1', note: '' })).resolves.toBe(false);
    expect(store.getState().markReviewedError).toBe('No agent with id a1 in this workspace.');
    expect(store.getState().drift?.value).toEqual(never('a1'));
  });

  it('keeps a failed read apart from the drift it had', async () => {
    let fail = false;
    const store = createAppStore(fakeBackend({ agentDrift: async ({ agentId }) => (fail ? Promise.reject(new Error('workspace closed')) : reviewed(agentId)) }));
    await store.getState().loadDrift('a1');
    fail = true;
    await store.getState().loadDrift('a1');
    expect(store.getState().drift).toMatchObject({ agentId: 'a1', loading: false, error: 'workspace closed', value: { reviewCount: 1 } });
  });
});
