import { describe, expect, it } from 'vitest';
import type { InputOf, UsageOverview } from '../../../shared/contract';
import { agentSummary, fakeBackend } from '../testing/fake-backend';
import { fakeUsageMethods, usageOverview } from '../testing/usage-samples';
import { createAppStore } from './index';
import { periodIsValid, periodQueryOf } from './usage-slice';

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('usage slice', () => {
  it('loads the headline figures, series and totals for the period, by the chosen dimension', async () => {
    const asked: string[] = [];
    const usage = fakeUsageMethods();
    const store = createAppStore(
      fakeBackend({
        ...usage,
        usageOverview: async (q) => (asked.push(`overview ${JSON.stringify(q)}`), usage.usageOverview(q)),
        usageSeries: async (q) => (asked.push(`series ${JSON.stringify(q)}`), usage.usageSeries(q)),
        usageTotals: async (q) => (asked.push(`totals ${JSON.stringify(q)}`), usage.usageTotals(q)),
      }),
    );
    await store.getState().loadUsageOverview();
    expect(store.getState().usageOverview).toMatchObject({ loading: false, error: null, data: { keys: { unaccounted: 1 } } });
    expect(store.getState().usageSeries.data?.series.map((s) => s.kind)).toEqual(['group', 'group', 'group', 'other', 'unattributed']);
    expect(asked).toEqual(['overview {}', 'series {"by":"agent","metric":"cost","top":8}', 'totals {"by":"agent"}']);

    asked.length = 0;
    store.getState().setUsagePeriod({ from: '2025-03-03' });
    store.getState().setUsageBy('model');
    store.getState().setUsageMetric('tokens');
    await settle();
    expect(asked).toContain('overview {"from":"2025-03-03"}');
    expect(asked.at(-1)).toBe('series {"by":"model","metric":"tokens","top":8,"from":"2025-03-03"}');
    expect(store.getState().usageTotals.data?.by).toBe('model');
  });

  it('asks nothing for a period that ends before it starts', async () => {
    expect(periodIsValid({ from: '2025-03-05', to: '2025-03-01' })).toBe(false);
    expect(periodQueryOf({ from: null, to: '2025-03-01' })).toEqual({ to: '2025-03-01' });
    let calls = 0;
    const store = createAppStore(fakeBackend({ usageOverview: async () => (calls++, usageOverview()) }));
    store.getState().setUsagePeriod({ from: '2025-03-05', to: '2025-03-01' });
    await settle();
    expect(calls).toBe(0);
  });

  it('keeps only the answer to the latest query', async () => {
    const answers: Array<(o: UsageOverview) => void> = [];
    const usage = fakeUsageMethods();
    const store = createAppStore(fakeBackend({ ...usage, usageOverview: () => new Promise<UsageOverview>((resolve) => answers.push(resolve)) }));
    const first = store.getState().loadUsageOverview();
    const second = store.getState().loadUsageOverview();
    answers[1]?.(usageOverview({ unattributedShare: 0.5 }));
    answers[0]?.(usageOverview({ unattributedShare: 0.1 }));
    await Promise.all([first, second]);
    expect(store.getState().usageOverview.data?.unattributedShare).toBe(0.5);
  });

  it('shows why the overview failed, keeping the figures already shown', async () => {
    let fail = false;
    const usage = fakeUsageMethods();
    const store = createAppStore(fakeBackend({ ...usage, usageOverview: async (q) => (fail ? Promise.reject(new Error('no workspace open')) : usage.usageOverview(q)) }));
    await store.getState().loadUsageOverview();
    fail = true;
    await store.getState().loadUsageOverview();
    expect(store.getState().usageOverview).toMatchObject({ error: 'no workspace open', loading: false, data: { keys: { total: 5 } } });
  });

  it('maps a key to an agent, to the application, and undoes it; the keys and overview are read again', async () => {
    const inputs: Array<InputOf<'mapUsageKey'>> = [];
    const usage = fakeUsageMethods();
    const store = createAppStore(
      fakeBackend({
        ...usage,
        listAgents: async () => ({ rows: [agentSummary({ id: 'kyc-document-reviewer', name: 'KYC Document Reviewer' })], total: 1, workspaceTotal: 1, owners: [] }),
        mapUsageKey: async (input) => (inputs.push(input), usage.mapUsageKey(input)),
      }),
    );
    await store.getState().loadUsageAgents();
    await store.getState().loadUsageKeys();
    await store.getState().loadUsageOverview();
    const key = { provider: 'anthropic', keyId: 'apikey_01Rj9f2c' };
    await expect(store.getState().mapUsageKey(key, { agentId: 'kyc-document-reviewer' })).resolves.toBe(true);
    await expect(store.getState().mapUsageKey(key, { application: true })).resolves.toBe(true);
    await expect(store.getState().mapUsageKey(key, null)).resolves.toBe(true);
    expect(inputs).toEqual([
      { ...key, agentId: 'kyc-document-reviewer', application: false },
      { ...key, agentId: null, application: true },
      { ...key, agentId: null, application: false },
    ]);
    await settle();
    expect(store.getState().usageKeys.data?.find((k) => k.keyId === key.keyId)?.mapping).toBeNull();
    expect(store.getState().usageAgents).toEqual([{ id: 'kyc-document-reviewer', name: 'KYC Document Reviewer' }]);
    expect(store.getState().usageActing).toBeNull();
  });

  it('a refused price stays in the dialog’s error; a saved one reloads the list with the unpriced models', async () => {
    const usage = fakeUsageMethods();
    const store = createAppStore(
      fakeBackend({
        ...usage,
        setModelPrice: async (input) => (input.inputPerMTok > 1000 ? Promise.reject(new Error('Invalid input for setModelPrice: inputPerMTok too big.')) : usage.setModelPrice(input)),
      }),
    );
    await store.getState().loadModelPrices();
    expect(store.getState().modelPrices.data?.unpricedModels).toEqual(['mistral-large-2411']);
    const price = { model: 'mistral-large-2411', inputPerMTok: 2, cachedInputPerMTok: 0, cacheWritePerMTok: 0, outputPerMTok: 6, takenOn: '2025-03-15', source: '' };
    await expect(store.getState().saveModelPrice({ ...price, inputPerMTok: 5000 })).resolves.toBe(false);
    expect(store.getState().usageActionError).toMatch(/too big/);
    await expect(store.getState().saveModelPrice(price)).resolves.toBe(true);
    await settle();
    expect(store.getState().modelPrices.data?.prices.find((p) => p.model === 'mistral-large-2411')?.origin).toBe('person');
    await expect(store.getState().resetModelPrice('mistral-large-2411')).resolves.toBe(true);
    await settle();
    expect(store.getState().modelPrices.data?.prices.some((p) => p.model === 'mistral-large-2411')).toBe(false);
  });

  it('saves a budget, replaces its row, and lists an agent’s productive units', async () => {
    const store = createAppStore(fakeBackend(fakeUsageMethods()));
    await store.getState().loadBudgets();
    await expect(store.getState().saveBudget({ agentId: 'support-reply-drafter', dailyTokenCap: 100_000, dailyCostCapUsd: null })).resolves.toBe(true);
    expect(store.getState().budgets.data?.find((b) => b.agentId === 'support-reply-drafter')).toMatchObject({ dailyTokenCap: 100_000, dailyCostCapUsd: null });

    await store.getState().loadProductiveUnits('kyc-document-reviewer');
    expect(store.getState().productiveUnits).toMatchObject({ agentId: 'kyc-document-reviewer', loading: false });
    expect(store.getState().productiveUnits.data).toHaveLength(1);
    await store.getState().addProductiveUnits({ agentId: 'kyc-document-reviewer', unit: 'files', from: '2025-03-01', to: '2025-03-14', count: 10 });
    await settle();
    expect(store.getState().productiveUnits.data).toHaveLength(2);
    await store.getState().deleteProductiveUnits(1);
    expect(store.getState().productiveUnits.data?.map((u) => u.id)).toEqual([2]);

    const file = await store.getState().exportBudgets('litellm');
    expect(file?.fileName).toBe('litellm-budgets.yaml');
  });
});
