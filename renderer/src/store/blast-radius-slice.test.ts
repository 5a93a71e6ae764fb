import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BlastRadius } from '../../../shared/blast-radius';
import type { InputOf } from '../../../shared/contract';
import { agentSummary, fakeBackend } from '../testing/fake-backend';
import { dataSourceSummary, sampleBlastRadius } from '../testing/blast-radius-samples';
import { SEARCH_DEBOUNCE_MS } from './agents-slice';
import { dataSourceQueryOf, DEFAULT_DATA_SOURCE_FILTERS, subjectKeyOf } from './blast-radius-slice';
import { createAppStore } from './index';

describe('blast radius slice', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('asks blastRadius for an agent and whoCanReach for a data source', async () => {
    const calls: string[] = [];
    const store = createAppStore(
      fakeBackend({
        blastRadius: async ({ agentId }) => (calls.push(`agent ${agentId}`), sampleBlastRadius()),
        whoCanReach: async ({ dataSourceKey }) => (calls.push(`reach ${dataSourceKey}`), { ...sampleBlastRadius(), focus: { kind: 'data-source', key: dataSourceKey, name: 'x' } }),
      }),
    );
    await store.getState().loadBlastRadius({ kind: 'agent', agentId: 'a1' });
    expect(store.getState().blast).toMatchObject({ subjectKey: 'agent:a1', loading: false, error: null });
    await store.getState().loadBlastRadius({ kind: 'data-source', key: 'arn:aws:s3:::b' });
    expect(calls).toEqual(['agent a1', 'reach arn:aws:s3:::b']);
    expect(store.getState().blast?.subjectKey).toBe(subjectKeyOf({ kind: 'data-source', key: 'arn:aws:s3:::b' }));
  });

  it('keeps only the answer for the subject picked last', async () => {
    const answers: Array<(r: BlastRadius) => void> = [];
    const store = createAppStore(fakeBackend({ blastRadius: () => new Promise<BlastRadius>((resolve) => answers.push(resolve)) }));
    const first = store.getState().loadBlastRadius({ kind: 'agent', agentId: 'a1' });
    const second = store.getState().loadBlastRadius({ kind: 'agent', agentId: 'a2' });
    answers[1]?.({ ...sampleBlastRadius(), focus: { kind: 'agent', agentId: 'a2', name: 'two' } });
    answers[0]?.(sampleBlastRadius());
    await Promise.all([first, second]);
    expect(store.getState().blast?.subjectKey).toBe('agent:a2');
    expect(store.getState().blast?.radius?.focus).toMatchObject({ agentId: 'a2' });
  });

  it('shows the error for the subject when the engine refuses', async () => {
    const store = createAppStore(fakeBackend({ blastRadius: async () => Promise.reject(new Error('no such agent')) }));
    await store.getState().loadBlastRadius({ kind: 'agent', agentId: 'zz' });
    expect(store.getState().blast).toMatchObject({ subjectKey: 'agent:zz', radius: null, error: 'no such agent', loading: false });
  });

  it('sends only the data source filters that are set, and debounces the search text', async () => {
    expect(dataSourceQueryOf(DEFAULT_DATA_SOURCE_FILTERS)).toEqual({});
    const queries: Array<InputOf<'listDataSources'>> = [];
    const store = createAppStore(fakeBackend({ listDataSources: async (q) => (queries.push(q), [dataSourceSummary()]) }));
    store.getState().setDataSourceFilters({ sensitivity: 'restricted' });
    await vi.advanceTimersByTimeAsync(0);
    for (const t of ['p', 'pa', 'pay ']) store.getState().setDataSourceText(t);
    await vi.advanceTimersByTimeAsync(SEARCH_DEBOUNCE_MS);
    expect(queries).toEqual([{ sensitivity: 'restricted' }, { sensitivity: 'restricted', text: 'pay' }]);
    expect(store.getState().dataSources).toHaveLength(1);
  });

  it('searches agents with its own query, leaving the inventory filters alone', async () => {
    const store = createAppStore(fakeBackend({ listAgents: async (q) => ({ rows: [agentSummary({ name: String(q.text) })], total: 1, workspaceTotal: 1, owners: [] }) }));
    store.getState().setBlastAgentText('kyc');
    await vi.advanceTimersByTimeAsync(SEARCH_DEBOUNCE_MS);
    expect(store.getState().blastAgents?.[0]?.name).toBe('kyc');
    expect(store.getState().agentFilters.text).toBe('');
  });

  it('classifying replaces the row, reloads what is on screen, and null goes back to the rule', async () => {
    const inputs: Array<InputOf<'classifyDataSource'>> = [];
    let reloads = 0;
    const store = createAppStore(
      fakeBackend({
        listDataSources: async () => [dataSourceSummary()],
        classifyDataSource: async (input) => (inputs.push(input), dataSourceSummary({ sensitivity: 'internal', classifiedBy: 'person', because: 'ana' })),
        whoCanReach: async ({ dataSourceKey }) => (reloads++, { ...sampleBlastRadius(), focus: { kind: 'data-source', key: dataSourceKey, name: 'p' } }),
      }),
    );
    await store.getState().loadDataSources();
    await store.getState().loadBlastRadius({ kind: 'data-source', key: 'arn:aws:s3:::payments-prod' });
    await expect(store.getState().classifyDataSource('arn:aws:s3:::payments-prod', { sensitivity: 'internal', environment: null })).resolves.toBe(true);
    expect(inputs).toEqual([{ key: 'arn:aws:s3:::payments-prod', sensitivity: 'internal', environment: null }]);
    expect(store.getState().dataSources?.[0]).toMatchObject({ sensitivity: 'internal', classifiedBy: 'person' });
    await vi.advanceTimersByTimeAsync(0);
    expect(reloads).toBe(2);
    expect(store.getState().toasts.at(-1)?.tone).toBe('success');
  });
});
