import { z } from 'zod';
import type { ActivityState, Attribution, CostBasis, UsageDimension, UsageLayer } from '../usage';
import { USAGE_DIMENSIONS } from '../usage';
import { Empty, method } from './method';
import type { ExportedFile } from './registry';

/**
 * LLM usage and cost: totals and series by agent, feature, user, session, model and key, the keys
 * nobody accounts for, activity states, prices, budgets and productive units. Every aggregate is
 * computed in SQL by the engine; the renderer only draws what it is given.
 */

/** YYYY-MM-DD, UTC. */
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');
const Period = { from: Day.optional(), to: Day.optional() };
const AgentId = z.string().min(1).max(100);

export interface TokenTotals {
  requests: number;
  inputTokens: number;
  cachedInputTokens: number;
  cacheWriteTokens: number;
  outputTokens: number;
  totalTokens: number;
}

export interface CostTotals {
  /** USD over the rows whose cost is known. */
  costUsd: number;
  /** USD per basis: what the source reported, the provider billed, the price table estimated. */
  costByBasis: Record<CostBasis, number>;
  /** Tokens of rows whose model has no price: their cost is unknown, never zero. */
  unpricedTokens: number;
  unpricedModels: string[];
}

export interface UsageGroupTotals extends TokenTotals, CostTotals {
  /** The agent id, feature, user, session, model or key; null is the "unattributed" row. */
  key: string | null;
  label: string;
  /** For --by agent: how the rows were attributed ('application' is usage a person said is not an agent's). */
  attribution: Attribution | null;
  firstDay: string;
  lastDay: string;
}

export interface UsageTotals {
  by: UsageDimension;
  from: string | null;
  to: string | null;
  groups: UsageGroupTotals[];
  total: TokenTotals & CostTotals;
}

export interface UsageSeries {
  by: UsageDimension;
  metric: 'cost' | 'tokens';
  days: string[];
  /** The top groups, then "other" (the rest together) and "unattributed", each with one value per day. */
  series: Array<{ key: string | null; label: string; values: number[]; total: number; kind: 'group' | 'other' | 'unattributed' }>;
}

export interface UsageKey {
  provider: string;
  keyId: string;
  /** Agents its calls are attributed to (by tag, by a person's mapping or by a candidate decision). */
  agents: Array<{ id: string; name: string; via: Attribution }>;
  /** What a person said of the key as a whole: an agent, the application layer, or nothing yet. */
  mapping: { agentId: string | null; application: boolean; by: string; at: string } | null;
  /** Usage on this key attributed to no agent and not marked as the application's. */
  unattributedTokens: number;
  applicationTokens: number;
  /** Calls of an agent and of the application layer on one key: a 48-hour checklist finding. */
  sharedWithApplication: boolean;
  /** The discovery candidate it became when no agent or application accounts for it. */
  candidateKey: string | null;
  tokens: number;
  costUsd: number;
  models: string[];
  firstDay: string;
  lastDay: string;
}

export interface UsageOverview {
  /** First and last day with usage; null when nothing is imported. */
  period: { from: string; to: string } | null;
  total: TokenTotals & CostTotals;
  /** Share of cost (or tokens, when no cost is known) no agent or application accounts for, 0..1. */
  unattributedShare: number;
  unattributed: TokenTotals & CostTotals;
  activity: Record<ActivityState, number>;
  /** Provider bills (OpenAI costs, Anthropic cost report) over the period, per provider and currency. */
  billed: Array<{
    provider: string;
    currency: string;
    amount: number;
    from: string;
    to: string;
    /** The same provider's usage rows over those days at the price table's list prices, and the models it has no price for. */
    listPriceUsd: number;
    unpricedModels: string[];
  }>;
  layers: UsageLayer[];
  /** Things a person must know to read the numbers: overlapping gateway and provider data, non-USD bills. */
  notes: string[];
  keys: { total: number; unaccounted: number; sharedWithApplication: number };
}

export interface ModelPrice {
  model: string;
  /** USD per million tokens. */
  inputPerMTok: number;
  cachedInputPerMTok: number;
  /** 5-minute cache writes (Anthropic); 1-hour writes have their own price. */
  cacheWritePerMTok: number;
  cacheWrite1hPerMTok: number;
  outputPerMTok: number;
  /** When the price was taken (YYYY-MM-DD) and from where. */
  takenOn: string;
  source: string;
  /** 'bundled' ships with the app; 'person' was entered or changed in this workspace (audited). */
  origin: 'bundled' | 'person';
  /** Models in the imported usage that this price applies to. */
  usedBy: string[];
}

export interface BudgetStatus {
  agentId: string;
  agentName: string;
  dailyTokenCap: number | null;
  dailyCostCapUsd: number | null;
  /** Days in the period when the agent went over a cap, with what it spent. */
  daysOverCap: Array<{ day: string; tokens: number; costUsd: number }>;
  /** The month of the last day with usage: spent so far and projected to its end at the recent daily rate. */
  month: { month: string; spentUsd: number; projectedUsd: number; tokens: number; projectedTokens: number } | null;
}

export interface ProductiveUnits {
  id: number;
  agentId: string;
  unit: string;
  from: string;
  to: string;
  count: number;
  enteredBy: string;
  enteredAt: string;
  /** The agent's cost over the same period divided by count; null when cost is unknown. */
  costPerUnitUsd: number | null;
}

export interface AgentUsage {
  agentId: string;
  activity: ActivityState;
  totals: TokenTotals & CostTotals;
  /** Daily cost and tokens, every day of the imported period. */
  daily: Array<{ day: string; costUsd: number; tokens: number }>;
  /** Cost of the last 7 days with usage against the 7 before, -1..; null when there is nothing to compare. */
  trend: number | null;
  keys: string[];
  /** Share (0..1) of its tokens whose calls carried its agent tag; null without usage. */
  taggedShare: number | null;
  /** Its keys whose calls also come from the application layer or from nothing accounted for (a 48-hour checklist finding). */
  keysSharedWithApplication: string[];
  models: string[];
  budget: BudgetStatus;
  units: ProductiveUnits[];
}

export const usageContract = {
  usageOverview: method<UsageOverview>()(z.object(Period)),
  usageTotals: method<UsageTotals>()(z.object({ by: z.enum(USAGE_DIMENSIONS), ...Period })),
  usageSeries: method<UsageSeries>()(z.object({ by: z.enum(USAGE_DIMENSIONS), metric: z.enum(['cost', 'tokens']).default('cost'), top: z.number().int().min(1).max(20).default(8), ...Period })),
  listUsageKeys: method<UsageKey[]>()(Empty),
  /** A person says whose a key is: an agent, the application layer, or (null) undo. Audited; tags on a call still win. */
  mapUsageKey: method<UsageKey>()(z.object({ provider: z.string().min(1).max(100), keyId: z.string().min(1).max(500), agentId: AgentId.nullable(), application: z.boolean().default(false) })),
  agentActivity: method<Record<string, ActivityState>>()(Empty),
  agentUsage: method<AgentUsage>()(z.object({ agentId: AgentId })),
  listModelPrices: method<ModelPrice[]>()(Empty),
  setModelPrice: method<ModelPrice>()(
    z.object({
      model: z.string().trim().min(1).max(200),
      inputPerMTok: z.number().min(0).max(100_000),
      cachedInputPerMTok: z.number().min(0).max(100_000),
      cacheWritePerMTok: z.number().min(0).max(100_000),
      /** Defaults to the 5-minute write price (providers without a 1-hour cache). */
      cacheWrite1hPerMTok: z.number().min(0).max(100_000).optional(),
      outputPerMTok: z.number().min(0).max(100_000),
      takenOn: Day,
      source: z.string().trim().max(500).default(''),
    }),
  ),
  /** Drops a person's price for the model: the bundled one (if any) applies again. */
  resetModelPrice: method<ModelPrice[]>()(z.object({ model: z.string().min(1).max(200) })),
  listBudgets: method<BudgetStatus[]>()(z.object(Period)),
  setBudget: method<BudgetStatus>()(z.object({ agentId: AgentId, dailyTokenCap: z.number().int().min(1).max(1e13).nullable(), dailyCostCapUsd: z.number().min(0.01).max(1e9).nullable() })),
  exportBudgets: method<ExportedFile>()(z.object({ format: z.enum(['litellm', 'json']) })),
  setProductiveUnits: method<ProductiveUnits>()(z.object({ agentId: AgentId, unit: z.string().trim().min(1).max(100), from: Day, to: Day, count: z.number().int().min(1).max(1e12) })),
  deleteProductiveUnits: method<{ id: number }>()(z.object({ id: z.number().int().min(1) })),
} as const;
