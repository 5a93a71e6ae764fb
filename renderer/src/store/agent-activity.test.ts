import { describe, expect, it } from 'vitest';
import type { InputOf, UsageOverview } from '../../../shared/contract';
import type { CandidateDetail } from '../../../shared/discovery';
import { agentUsageSample, candidateSummaryOf, usageCandidateSample } from '../testing/agent-usage-samples';
import { fakeBackend } from '../testing/fake-backend';
import { activityOf } from './agents-slice';
import { createAppStore } from './index';

const overview = (period: UsageOverview['period']) => ({ period }) as UsageOverview;
const codeCandidate = usageCandidateSample({ identityKey: 'repo:k8s-cronjob:k8s/cron.yaml', name: 'cron', unit: { kind: 'k8s-cronjob', name: 'cron', path: 'k8s/cron.yaml' } });
const ghost = usageCandidateSample();

describe('agent activity (inventory)', () => {
  it('reads activity, the imported period and the pending usage-log candidates whole', async () => {
    const listed: Array<InputOf<'listCandidates'>> = [];
    const read: string[] = [];
    const store = createAppStore(
      fakeBackend({
        agentActivity: async () => ({ a1: 'active', a2: 'dormant' }),
        usageOverview: async () => overview({ from: '2026-06-03', to: '2026-06-30' }),
        listCandidates: async (q) => (listed.push(q), { candidates: [codeCandidate, ghost].map(candidateSummaryOf), scans: [] }),
        getCandidate: async ({ identityKey }) => (read.push(identityKey), ghost),
      }),
    );
    await store.getState().loadAgentActivity();
    const activity = store.getState().agentActivity!;
    expect(listed).toEqual([{ decision: 'pending' }]);
    expect(read).toEqual([ghost.identityKey]);
    expect(activity.period).toEqual({ from: '2026-06-03', to: '2026-06-30' });
    expect(activity.ghosts.map((g) => g.usage?.costUsd)).toEqual([212.4]);
    expect([activityOf(activity, 'a1'), activityOf(activity, 'a2'), activityOf(activity, 'a3')]).toEqual(['active', 'dormant', 'not-observed']);
  });

  it('says when nothing is imported, and keeps a failure to itself', async () => {
    let fail = true;
    const store = createAppStore(
      fakeBackend({
        agentActivity: async () => {
          if (fail) throw new Error('usage store unavailable');
          return {};
        },
        usageOverview: async () => overview(null),
        listCandidates: async () => ({ candidates: [], scans: [] }),
      }),
    );
    await store.getState().loadAgentActivity();
    expect(store.getState()).toMatchObject({ agentActivity: null, agentActivityError: 'usage store unavailable' });
    fail = false;
    await store.getState().loadAgentActivity();
    expect(store.getState()).toMatchObject({ agentActivity: { byAgent: {}, period: null, ghosts: [] as CandidateDetail[] }, agentActivityError: null });
  });

  it('filters by activity without a new list query, and clears it with the other filters', async () => {
    let queries = 0;
    const store = createAppStore(fakeBackend({ listAgents: async () => (queries++, { rows: [], total: 0, workspaceTotal: 0, owners: [] }) }));
    store.getState().setAgentActivityFilter('ghost');
    expect(store.getState().agentFilters.activity).toBe('ghost');
    expect(queries).toBe(0);
    store.getState().clearAgentFilters();
    expect(store.getState().agentFilters.activity).toBeNull();
  });
});

describe('agent usage (agent page)', () => {
  it('loads with the agent, and its failure leaves the agent page working', async () => {
    const store = createAppStore(
      fakeBackend({
        getAgent: async ({ id }) => ({ id, name: 'invoice-bot' }) as never,
        agentAudit: async () => [],
        agentUsage: async ({ agentId }) => {
          if (agentId === 'a2') throw new Error('no usage table');
          return agentUsageSample({ agentId });
        },
      }),
    );
    await store.getState().loadAgent('a1');
    expect(store.getState().agentUsage).toMatchObject({ agentId: 'a1', error: null, value: { activity: 'active', trend: 0.18 } });
    await store.getState().loadAgent('a2');
    expect(store.getState().agent?.id).toBe('a2');
    expect(store.getState().agentUsage).toEqual({ agentId: 'a2', value: null, error: 'no usage table' });
    store.getState().clearAgent();
    expect(store.getState().agentUsage).toBeNull();
  });

  it('never shows one agent’s usage on another’s page', async () => {
    const answers: Array<() => void> = [];
    const store = createAppStore(
      fakeBackend({
        getAgent: async ({ id }) => ({ id }) as never,
        agentAudit: async () => [],
        agentUsage: ({ agentId }) => new Promise((resolve) => answers.push(() => resolve(agentUsageSample({ agentId })))),
      }),
    );
    const first = store.getState().loadAgent('a1');
    const second = store.getState().loadAgent('a2');
    answers[1]!();
    answers[0]!();
    await Promise.all([first, second]);
    expect(store.getState().agentUsage?.value?.agentId).toBe('a2');
  });
});
