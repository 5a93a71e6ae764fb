import type {
  AgentUsage,
  Backend,
  BudgetStatus,
  CostTotals,
  ModelPrice,
  ProductiveUnits,
  TokenTotals,
  UsageGroupTotals,
  UsageKey,
  UsageOverview,
  UsageSeries,
  UsageTotals,
} from '../../../shared/contract';
import type { CostBasis } from '../../../shared/usage';

/**
 * Usage as the demo engagement has it: OpenAI, Anthropic and LiteLLM usage of a few agents over
 * two weeks, one key nobody accounts for and one shared with the application layer. The factories
 * give one object each; fakeUsageMethods() answers every usage method from an in-memory copy, so
 * slice and component tests run without the engine.
 */

export const USAGE_DAYS = Array.from({ length: 14 }, (_, i) => `2025-03-${String(i + 1).padStart(2, '0')}`);

const basis = (over: Partial<Record<CostBasis, number>> = {}): Record<CostBasis, number> => ({ reported: 0, billed: 0, 'price-table': 0, unknown: 0, ...over });

export const tokenTotals = (over: Partial<TokenTotals> = {}): TokenTotals => {
  const t = { requests: 1_240, inputTokens: 2_450_000, cachedInputTokens: 610_000, cacheWriteTokens: 0, outputTokens: 380_000, totalTokens: 0, ...over };
  return { ...t, totalTokens: over.totalTokens ?? t.inputTokens + t.cachedInputTokens + t.cacheWriteTokens + t.outputTokens };
};

export const costTotals = (over: Partial<CostTotals> = {}): CostTotals => ({
  costUsd: 41.37,
  costByBasis: basis({ reported: 12.1, 'price-table': 29.27 }),
  unpricedTokens: 0,
  unpricedModels: [],
  ...over,
});

export const usageGroup = (over: Partial<UsageGroupTotals> = {}): UsageGroupTotals => ({
  key: 'kyc-document-reviewer',
  label: 'KYC Document Reviewer',
  attribution: 'tag',
  firstDay: '2025-03-01',
  lastDay: '2025-03-14',
  ...tokenTotals(),
  ...costTotals(),
  ...over,
});

export const usageOverview = (over: Partial<UsageOverview> = {}): UsageOverview => ({
  period: { from: '2025-03-01', to: '2025-03-14' },
  total: { ...tokenTotals({ requests: 9_812, inputTokens: 18_400_000, cachedInputTokens: 4_100_000, cacheWriteTokens: 220_000, outputTokens: 2_900_000 }), ...costTotals({ costUsd: 312.45, costByBasis: basis({ reported: 88.2, billed: 0, 'price-table': 224.25 }), unpricedTokens: 48_000, unpricedModels: ['mistral-large-2411'] }) },
  unattributedShare: 0.184,
  unattributed: { ...tokenTotals({ requests: 1_702 }), ...costTotals({ costUsd: 57.49, costByBasis: basis({ 'price-table': 57.49 }) }) },
  activity: { active: 6, ghost: 1, 'not-observed': 7, dormant: 1 },
  billed: [
    { provider: 'openai', currency: 'USD', amount: 171.02, from: '2025-03-01', to: '2025-03-14', listPriceUsd: 180.4, unpricedModels: [] },
    { provider: 'anthropic', currency: 'USD', amount: 129.5, from: '2025-03-01', to: '2025-03-14', listPriceUsd: 140.75, unpricedModels: ['claude-next-preview'] },
  ],
  layers: ['provider', 'gateway', 'telemetry'],
  notes: ['LiteLLM spend logs and the OpenAI usage export cover the same calls on 2025-03-03..2025-03-14: the provider rows are counted, the gateway rows only attribute them.'],
  keys: { total: 5, unaccounted: 1, sharedWithApplication: 1 },
  ...over,
});

/** Values that rise and fall over the two weeks, the same for a given seed. */
const wave = (seed: number, scale: number) => USAGE_DAYS.map((_, i) => Math.round((scale * (1 + 0.5 * Math.sin(i / 2 + seed)) + scale * 0.1 * ((i * seed) % 3)) * 100) / 100);
const sum = (values: number[]) => Math.round(values.reduce((a, b) => a + b, 0) * 100) / 100;

export const usageSeries = (over: Partial<UsageSeries> = {}): UsageSeries => {
  const metric = over.metric ?? 'cost';
  const scale = metric === 'cost' ? 6 : 400_000;
  const groups: Array<[string | null, string, UsageSeries['series'][number]['kind'], number]> = [
    ['kyc-document-reviewer', 'KYC Document Reviewer', 'group', 1],
    ['fraud-triage-copilot', 'Fraud Triage Copilot', 'group', 0.7],
    ['support-reply-drafter', 'Support Reply Drafter', 'group', 0.5],
    ['other', 'Other', 'other', 0.3],
    [null, 'Unattributed', 'unattributed', 0.6],
  ];
  return {
    by: 'agent',
    metric,
    days: USAGE_DAYS,
    series: groups.map(([key, label, kind, share], i) => {
      const values = wave(i + 1, scale * share);
      return { key, label, kind, values, total: sum(values) };
    }),
    ...over,
  };
};

export const usageTotals = (over: Partial<UsageTotals> = {}): UsageTotals => ({
  by: 'agent',
  from: null,
  to: null,
  groups: [
    usageGroup(),
    usageGroup({ key: 'fraud-triage-copilot', label: 'Fraud Triage Copilot', attribution: 'key', costUsd: 97.3 }),
    usageGroup({ key: 'support-reply-drafter', label: 'Support Reply Drafter', attribution: 'person', costUsd: 44.1, unpricedTokens: 48_000, unpricedModels: ['mistral-large-2411'] }),
    usageGroup({ key: null, label: 'Unattributed', attribution: 'unattributed', costUsd: 57.49 }),
  ],
  total: usageOverview().total,
  ...over,
});

export const usageKey = (over: Partial<UsageKey> = {}): UsageKey => ({
  provider: 'openai',
  keyId: 'key_kyc7Hq2',
  agents: [{ id: 'kyc-document-reviewer', name: 'KYC Document Reviewer', via: 'tag' }],
  mapping: null,
  unattributedTokens: 0,
  applicationTokens: 0,
  sharedWithApplication: false,
  candidateKey: null,
  tokens: 3_440_000,
  costUsd: 41.37,
  models: ['gpt-4o-2024-08-06'],
  firstDay: '2025-03-01',
  lastDay: '2025-03-14',
  ...over,
});

export const usageKeys = (): UsageKey[] => [
  usageKey(),
  usageKey({
    provider: 'anthropic',
    keyId: 'apikey_01Rj9f2c',
    agents: [],
    unattributedTokens: 5_120_000,
    candidateKey: 'llm-usage:key:anthropic:apikey_01Rj9f2c',
    tokens: 5_120_000,
    costUsd: 57.49,
    models: ['claude-3-5-sonnet-20241022'],
  }),
  usageKey({
    provider: 'openai',
    keyId: 'key_supp0rt',
    agents: [{ id: 'support-reply-drafter', name: 'Support Reply Drafter', via: 'person' }],
    mapping: { agentId: 'support-reply-drafter', application: false, by: 'ana', at: '2025-03-15T09:00:00.000Z' },
    applicationTokens: 900_000,
    sharedWithApplication: true,
    tokens: 2_300_000,
    costUsd: 44.1,
    models: ['gpt-4o-mini', 'mistral-large-2411'],
  }),
];

export const modelPrice = (over: Partial<ModelPrice> = {}): ModelPrice => ({
  model: 'gpt-4o-2024-08-06',
  inputPerMTok: 2.5,
  cachedInputPerMTok: 1.25,
  cacheWritePerMTok: 0,
  cacheWrite1hPerMTok: 0,
  outputPerMTok: 10,
  takenOn: '2025-01-15',
  source: 'https://openai.com/api/pricing',
  origin: 'bundled',
  usedBy: ['gpt-4o-2024-08-06'],
  ...over,
});

export const modelPrices = (): ModelPrice[] => [
  modelPrice(),
  modelPrice({ model: 'gpt-4o-mini', inputPerMTok: 0.15, cachedInputPerMTok: 0.075, outputPerMTok: 0.6, usedBy: ['gpt-4o-mini'] }),
  modelPrice({ model: 'claude-3-5-sonnet', inputPerMTok: 3, cachedInputPerMTok: 0.3, cacheWritePerMTok: 3.75, outputPerMTok: 15, source: 'https://www.anthropic.com/pricing', usedBy: ['claude-3-5-sonnet-20241022'] }),
  modelPrice({ model: 'claude-3-5-haiku', inputPerMTok: 0.8, cachedInputPerMTok: 0.08, cacheWritePerMTok: 1, outputPerMTok: 4, origin: 'person', source: 'contract rate, ana', takenOn: '2025-03-10', usedBy: [] }),
];

export const budgetStatus = (over: Partial<BudgetStatus> = {}): BudgetStatus => ({
  agentId: 'kyc-document-reviewer',
  agentName: 'KYC Document Reviewer',
  dailyTokenCap: null,
  dailyCostCapUsd: 5,
  daysOverCap: [
    { day: '2025-03-04', tokens: 512_000, costUsd: 6.12 },
    { day: '2025-03-11', tokens: 498_000, costUsd: 5.4 },
  ],
  month: { month: '2025-03', spentUsd: 41.37, projectedUsd: 91.6, tokens: 3_440_000, projectedTokens: 7_600_000 },
  ...over,
});

export const budgets = (): BudgetStatus[] => [
  budgetStatus(),
  budgetStatus({ agentId: 'fraud-triage-copilot', agentName: 'Fraud Triage Copilot', dailyCostCapUsd: 2, dailyTokenCap: 150_000, daysOverCap: [], month: { month: '2025-03', spentUsd: 97.3, projectedUsd: 215.4, tokens: 2_100_000, projectedTokens: 4_650_000 } }),
  budgetStatus({ agentId: 'support-reply-drafter', agentName: 'Support Reply Drafter', dailyCostCapUsd: null, dailyTokenCap: null, daysOverCap: [], month: { month: '2025-03', spentUsd: 44.1, projectedUsd: 97.6, tokens: 2_300_000, projectedTokens: 5_090_000 } }),
];

export const productiveUnits = (over: Partial<ProductiveUnits> = {}): ProductiveUnits => ({
  id: 1,
  agentId: 'kyc-document-reviewer',
  unit: 'KYC files reviewed',
  from: '2025-03-01',
  to: '2025-03-14',
  count: 1_830,
  enteredBy: 'ana',
  enteredAt: '2025-03-15T10:00:00.000Z',
  costPerUnitUsd: 0.0226,
  ...over,
});

export const agentUsage = (over: Partial<AgentUsage> = {}): AgentUsage => ({
  agentId: 'kyc-document-reviewer',
  activity: 'active',
  totals: { ...tokenTotals(), ...costTotals() },
  daily: USAGE_DAYS.map((day, i) => ({ day, costUsd: wave(1, 3)[i] ?? 0, tokens: 240_000 })),
  trend: 0.12,
  keys: ['openai/key_kyc7Hq2'],
  taggedShare: 0.8,
    keysSharedWithApplication: [],
  models: ['gpt-4o-2024-08-06'],
  budget: budgetStatus(),
  units: [productiveUnits()],
  ...over,
});

type UsageMethods = Pick<
  Backend,
  | 'usageOverview'
  | 'usageTotals'
  | 'usageSeries'
  | 'listUsageKeys'
  | 'mapUsageKey'
  | 'agentActivity'
  | 'agentUsage'
  | 'listModelPrices'
  | 'setModelPrice'
  | 'resetModelPrice'
  | 'listBudgets'
  | 'setBudget'
  | 'exportBudgets'
  | 'setProductiveUnits'
  | 'deleteProductiveUnits'
>;

/**
 * Every usage method answered from one in-memory copy of the samples: mapping a key, saving a
 * price, a budget or units changes what the next list returns, as the engine does.
 */
export function fakeUsageMethods(): UsageMethods {
  let keys = usageKeys();
  let prices = modelPrices();
  let budgetRows = budgets();
  let units = [productiveUnits()];
  let nextUnitId = 2;
  return {
    usageOverview: async () => usageOverview(),
    usageTotals: async ({ by }) => ({ ...usageTotals(), by }),
    usageSeries: async ({ by, metric }) => usageSeries({ by, metric: metric ?? 'cost' }),
    listUsageKeys: async () => keys,
    mapUsageKey: async ({ provider, keyId, agentId, application }) => {
      const key = keys.find((k) => k.provider === provider && k.keyId === keyId);
      if (!key) throw new Error(`No usage on key ${keyId}.`);
      const mapped: UsageKey = {
        ...key,
        mapping: agentId || application ? { agentId: agentId ?? null, application: application ?? false, by: 'ana', at: '2025-03-15T12:00:00.000Z' } : null,
        agents: agentId ? [{ id: agentId, name: agentId, via: 'person' }] : key.agents.filter((a) => a.via !== 'person'),
        unattributedTokens: agentId || application ? 0 : key.tokens,
        candidateKey: agentId || application ? null : key.candidateKey,
      };
      keys = keys.map((k) => (k === key ? mapped : k));
      return mapped;
    },
    agentActivity: async () => ({ 'kyc-document-reviewer': 'active', 'fraud-triage-copilot': 'active', 'legacy-faq-chatbot': 'dormant' }),
    agentUsage: async ({ agentId }) => agentUsage({ agentId, units: units.filter((u) => u.agentId === agentId) }),
    listModelPrices: async () => prices,
    setModelPrice: async (input) => {
      const price: ModelPrice = { ...input, cacheWrite1hPerMTok: input.cacheWrite1hPerMTok ?? input.cacheWritePerMTok, source: input.source ?? '', origin: 'person', usedBy: prices.find((p) => p.model === input.model)?.usedBy ?? [] };
      prices = [...prices.filter((p) => p.model !== input.model), price];
      return price;
    },
    resetModelPrice: async ({ model }) => {
      prices = prices.filter((p) => !(p.model === model && p.origin === 'person'));
      return prices;
    },
    listBudgets: async () => budgetRows,
    setBudget: async ({ agentId, dailyTokenCap, dailyCostCapUsd }) => {
      const row = budgetRows.find((b) => b.agentId === agentId) ?? budgetStatus({ agentId, agentName: agentId, daysOverCap: [] });
      const saved = { ...row, dailyTokenCap, dailyCostCapUsd };
      budgetRows = [...budgetRows.filter((b) => b.agentId !== agentId), saved];
      return saved;
    },
    exportBudgets: async ({ format }) =>
      format === 'litellm'
        ? { fileName: 'litellm-budgets.yaml', mimeType: 'application/yaml', contentBase64: btoa('general_settings: {}\n') }
        : { fileName: 'budgets.json', mimeType: 'application/json', contentBase64: btoa('[]') },
    setProductiveUnits: async (input) => {
      const saved = { ...input, id: nextUnitId++, enteredBy: 'ana', enteredAt: '2025-03-15T12:00:00.000Z', costPerUnitUsd: 41.37 / input.count };
      units = [...units, saved];
      return saved;
    },
    deleteProductiveUnits: async ({ id }) => {
      units = units.filter((u) => u.id !== id);
      return { id };
    },
  };
}
