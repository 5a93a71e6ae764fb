import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AgentList, AgentListQuery } from '../../../shared/contract';
import type { TriageRow } from '../../../shared/checklist';
import { agentSummary, fakeBackend } from '../testing/fake-backend';
import { triageRow } from '../testing/triage-samples';
import { listQueryOf, DEFAULT_AGENT_FILTERS, SEARCH_DEBOUNCE_MS } from './agents-slice';
import { createAppStore } from './index';

const list = (names: string[]): AgentList => ({
  rows: names.map((name, i) => agentSummary({ id: `a${i}`, name })),
  total: names.length,
  workspaceTotal: 3,
  owners: [],
});

describe('agents slice', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('sends only the filters that are set', () => {
    // By risk (the default): the engine lists by name and the page orders by the triage overview, whichever way.
    expect(listQueryOf(DEFAULT_AGENT_FILTERS)).toEqual({ sort: 'name', direction: 'asc' });
    expect(listQueryOf({ ...DEFAULT_AGENT_FILTERS, direction: 'desc' })).toEqual({ sort: 'name', direction: 'asc' });
    expect(listQueryOf({ ...DEFAULT_AGENT_FILTERS, sort: 'owner', direction: 'desc' })).toEqual({ sort: 'owner', direction: 'desc' });
    expect(listQueryOf({ ...DEFAULT_AGENT_FILTERS, text: '  pay ', owner: 'none', flags: ['no-rollback'] })).toEqual({
      sort: 'name',
      direction: 'asc',
      text: 'pay',
      owner: 'none',
      flags: ['no-rollback'],
    });
  });

  it('sorted by risk (the default), sets the list and its ranking together, and keeps the list when the ranking fails', async () => {
    let answer: (rows: TriageRow[]) => void = () => {};
    const store = createAppStore(
      fakeBackend({
        listAgents: async () => list(['payments-bot', 'digest']),
        triageOverview: () => new Promise<TriageRow[]>((resolve) => (answer = resolve)),
      }),
    );
    const loading = store.getState().loadAgents();
    await vi.advanceTimersByTimeAsync(0);
    // The list alone would be shown in name order and re-ranked under the reader's click: it waits.
    expect(store.getState().agentList).toBeNull();
    answer([triageRow({ agentId: 'a1' }), triageRow({ agentId: 'a0' })]);
    await loading;
    expect(store.getState().agentList?.rows.map((r) => r.name)).toEqual(['payments-bot', 'digest']);
    expect(store.getState().triageOverview.data?.map((r) => r.agentId)).toEqual(['a1', 'a0']);

    const failing = createAppStore(fakeBackend({ listAgents: async () => list(['payments-bot']), triageOverview: async () => Promise.reject(new Error('The workspace is busy')) }));
    await failing.getState().loadAgents();
    expect(failing.getState().agentList?.rows).toHaveLength(1);
    expect(failing.getState().triageOverview.error).toBe('The workspace is busy');
  });

  it('debounces search text into one query', async () => {
    const queries: AgentListQuery[] = [];
    const store = createAppStore(fakeBackend({ listAgents: async (q) => (queries.push(q), list(['payments-bot'])) }));
    for (const text of ['p', 'pa', 'pay']) store.getState().setAgentSearchText(text);
    expect(store.getState().agentFilters.text).toBe('pay');
    await vi.advanceTimersByTimeAsync(SEARCH_DEBOUNCE_MS - 1);
    expect(queries).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(queries).toEqual([{ sort: 'name', direction: 'asc', text: 'pay' }]);
    expect(store.getState().agentList?.rows[0]?.name).toBe('payments-bot');
  });

  it('toggles the direction when the same column is sorted again', async () => {
    const store = createAppStore(fakeBackend({ listAgents: async () => list([]) }));
    store.getState().sortAgentsBy('owner');
    expect(store.getState().agentFilters).toMatchObject({ sort: 'owner', direction: 'asc' });
    store.getState().sortAgentsBy('owner');
    expect(store.getState().agentFilters).toMatchObject({ sort: 'owner', direction: 'desc' });
    store.getState().sortAgentsBy('name');
    expect(store.getState().agentFilters).toMatchObject({ sort: 'name', direction: 'asc' });
    await vi.runAllTimersAsync();
  });

  it('ignores an older answer that arrives after a newer one', async () => {
    const answers: Array<(l: AgentList) => void> = [];
    const store = createAppStore(fakeBackend({ listAgents: () => new Promise<AgentList>((resolve) => answers.push(resolve)) }));
    store.getState().setAgentFilters({ statuses: ['confirmed'] });
    store.getState().setAgentFilters({ statuses: ['retired'] });
    answers[1]?.(list(['new']));
    answers[0]?.(list(['old']));
    await vi.runAllTimersAsync();
    expect(store.getState().agentList?.rows.map((r) => r.name)).toEqual(['new']);
    expect(store.getState().agentsLoading).toBe(false);
  });
});
