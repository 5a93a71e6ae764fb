import type { AgentUsage } from '../../../shared/contract';
import type { CandidateDetail, CandidateSummary, UsageEvidence } from '../../../shared/discovery';

/**
 * Realistic answers of agentActivity, agentUsage and the usage-log candidates, for the
 * inventory's activity and the agent page's usage card (the Usage page has its own samples).
 */

const DAYS = Array.from({ length: 28 }, (_, i) => new Date(Date.UTC(2026, 5, 3 + i)).toISOString().slice(0, 10));

/** An invoice agent on OpenAI and, through LiteLLM, Anthropic: four weeks, busier lately, over its $40 cap twice. */
export const agentUsageSample = (over: Partial<AgentUsage> = {}): AgentUsage => {
  const daily = DAYS.map((day, i) => {
    const costUsd = i === 20 || i === 24 ? 46.1 + i / 10 : 18 + (i % 7) * 2.5 + (i > 13 ? 6 : 0);
    return { day, costUsd: Math.round(costUsd * 100) / 100, tokens: Math.round(costUsd * 120_000) };
  });
  const costUsd = daily.reduce((sum, d) => sum + d.costUsd, 0);
  const tokens = daily.reduce((sum, d) => sum + d.tokens, 0);
  return {
    agentId: 'a1',
    activity: 'active',
    totals: {
      requests: 41_206,
      inputTokens: Math.round(tokens * 0.62),
      cachedInputTokens: Math.round(tokens * 0.18),
      cacheWriteTokens: 0,
      outputTokens: tokens - Math.round(tokens * 0.62) - Math.round(tokens * 0.18),
      totalTokens: tokens,
      costUsd,
      costByBasis: { reported: costUsd * 0.3, billed: 0, 'price-table': costUsd * 0.7, unknown: 0 },
      unpricedTokens: 0,
      unpricedModels: [],
    },
    daily,
    trend: 0.18,
    keys: ['openai key_9fQm2X (invoice-prod)', 'litellm sk-…a41f'],
    taggedShare: 0.8,
    keysSharedWithApplication: [],
    models: ['gpt-4o-2024-08-06', 'gpt-4o-mini', 'claude-3-5-sonnet-20241022'],
    budget: {
      agentId: 'a1',
      agentName: 'invoice-bot',
      dailyTokenCap: null,
      dailyCostCapUsd: 40,
      daysOverCap: [
        { day: DAYS[20]!, tokens: 5_770_000, costUsd: 48.1 },
        { day: DAYS[24]!, tokens: 5_820_000, costUsd: 48.5 },
      ],
      month: { month: '2026-06', spentUsd: costUsd, projectedUsd: costUsd + 2 * 31, tokens, projectedTokens: tokens + 2 * 3_700_000 },
    },
    units: [{ id: 1, agentId: 'a1', unit: 'invoices processed', from: DAYS[0]!, to: DAYS[27]!, count: 3_120, enteredBy: 'ana', enteredAt: '2026-07-01T09:00:00.000Z', costPerUnitUsd: costUsd / 3_120 }],
    ...over,
  };
};

/** An agent nothing was seen for: the engine still answers, with zeros and every day empty. */
export const noAgentUsageSample = (over: Partial<AgentUsage> = {}): AgentUsage =>
  agentUsageSample({
    activity: 'not-observed',
    totals: { requests: 0, inputTokens: 0, cachedInputTokens: 0, cacheWriteTokens: 0, outputTokens: 0, totalTokens: 0, costUsd: 0, costByBasis: { reported: 0, billed: 0, 'price-table': 0, unknown: 0 }, unpricedTokens: 0, unpricedModels: [] },
    daily: DAYS.map((day) => ({ day, costUsd: 0, tokens: 0 })),
    trend: null,
    keys: [],
    models: [],
    budget: { agentId: 'a1', agentName: 'invoice-bot', dailyTokenCap: null, dailyCostCapUsd: null, daysOverCap: [], month: null },
    units: [],
    ...over,
  });

/** An OpenAI key nobody accounts for: the demo's "unaccounted key". */
export const usageEvidenceSample = (over: Partial<UsageEvidence> = {}): UsageEvidence => ({
  provider: 'openai',
  keyId: 'key_Zr81TqLw',
  agentTag: null,
  requests: 9_844,
  tokens: 31_400_000,
  costUsd: 212.4,
  unpricedTokens: 0,
  models: ['gpt-4o', 'text-embedding-3-large'],
  firstDay: DAYS[2]!,
  lastDay: DAYS[27]!,
  files: ['openai-usage-2026-06.json'],
  ...over,
});

export const usageCandidateSample = (over: Partial<CandidateDetail> = {}): CandidateDetail => ({
  identityKey: 'usage:llm-usage:openai:key_Zr81TqLw',
  name: 'OpenAI key key_Zr81TqLw',
  unit: { kind: 'llm-usage', name: 'key_Zr81TqLw', path: 'openai' },
  entryPoints: [],
  codeFiles: [],
  classification: 'llm-call',
  confidence: 0.9,
  trigger: { kind: 'unknown', schedule: null, description: '', evidence: null },
  llm: [],
  frameworks: [],
  tools: [],
  capabilities: [],
  credentials: [],
  endpoints: [],
  guardrails: [],
  packages: [],
  usage: usageEvidenceSample(),
  decision: 'pending',
  agentId: null,
  reason: '',
  decidedBy: null,
  decidedAt: null,
  sourceRoot: 'usage',
  advisories: [],
  ...over,
});

/** The queue's summary of a candidate, as listCandidates sends it. */
export const candidateSummaryOf = (c: CandidateDetail): CandidateSummary => ({
  identityKey: c.identityKey,
  name: c.name,
  unit: c.unit,
  classification: c.classification,
  confidence: c.confidence,
  trigger: c.trigger,
  providers: c.usage ? [c.usage.provider] : [],
  frameworks: [],
  models: c.usage?.models ?? [],
  capabilities: [],
  credentialCount: 0,
  endpointCount: 0,
  advisoryCount: 0,
  decision: c.decision,
  agentId: c.agentId,
  reason: c.reason,
  sourceRoot: c.sourceRoot,
  change: null,
});
