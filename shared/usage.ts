/**
 * LLM usage and cost: what provider usage logs, gateway spend logs and GenAI traces say each key,
 * agent, feature, user and session spent. Token counts are normalised at import so the providers
 * add up: `inputTokens` is always uncached input (OpenAI's `input_tokens` includes cached tokens
 * and is reduced by them; Anthropic's `uncached_input_tokens` already excludes them).
 */

export const USAGE_FORMATS = [
  'openai-usage', // /v1/organization/usage/completions, one or many saved pages
  'openai-costs', // /v1/organization/costs
  'openai-usage-csv', // usage dashboard CSV export
  'anthropic-usage', // /v1/organizations/usage_report/messages
  'anthropic-cost', // /v1/organizations/cost_report
  'litellm-spend-csv', // LiteLLM_SpendLogs rows as CSV
  'litellm-spend-json', // LiteLLM_SpendLogs rows as JSON (a list, {data:[...]}, or JSON lines)
  'otel-genai', // OTLP JSON traces (one document, or one per line) with gen_ai.* attributes
] as const;
export type UsageFormat = (typeof USAGE_FORMATS)[number];

/** Which layer recorded a row: the provider's bill, a gateway in front of it, or the agent's own traces. */
export type UsageLayer = 'provider' | 'gateway' | 'telemetry';

/** One usage fact, as every usage format is read into before anything is stored. */
export interface UsageRow {
  /** The LLM provider that served the calls: 'openai', 'anthropic', 'azure', 'bedrock', ... lower case. */
  provider: string;
  layer: UsageLayer;
  /** Bucket or call start and end, UTC milliseconds; a single call has end >= start. */
  startMs: number;
  endMs: number;
  /** The provider's API key id (key_…, apikey_…) or LiteLLM's hashed virtual key; null when not grouped by key. */
  keyId: string | null;
  /** OpenAI project, Anthropic workspace, LiteLLM team. */
  projectId: string | null;
  model: string | null;
  requests: number;
  /** Uncached input tokens (normalised: never includes cache reads or writes). */
  inputTokens: number;
  cachedInputTokens: number;
  cacheWriteTokens: number;
  /** Of `cacheWriteTokens`, those written to Anthropic's 1-hour cache, which costs more than the 5-minute one; 0 when not known. */
  cacheWrite1hTokens: number;
  outputTokens: number;
  /** Cost the source itself reports for these calls (LiteLLM `spend`), in USD; null when it does not say. */
  reportedCostUsd: number | null;
  /** Attribution tags from metadata, request tags or OTel attributes; null when absent. */
  agentTag: string | null;
  featureTag: string | null;
  userTag: string | null;
  sessionTag: string | null;
  /** OTel `service.name` or LiteLLM `end_user`-less caller: a last hint of who called. */
  serviceTag: string | null;
  /** Per-call formats: the call's own id (LiteLLM request_id, OTel traceId/spanId); null for buckets. */
  eventId: string | null;
  /** Aggregated formats: which grouping fields the export used ('api_key_id,model'), '' for none. */
  grouping: string;
  /** Where in the file: "line 12", "data[3].results[0]", "page 2, data[0].results[4]". */
  position: string;
}

/** One line of a provider's own cost report. */
export interface CostRow {
  provider: string;
  startMs: number;
  endMs: number;
  /** Amount in `currency` units (Anthropic's cents already divided by 100). */
  amount: number;
  currency: string;
  projectId: string | null;
  model: string | null;
  /** OpenAI `line_item` ("gpt-4o-2024-08-06, input"), Anthropic `cost_type`/`token_type`. */
  lineItem: string | null;
  position: string;
}

/** Where a row's agent came from, in the order attribution tries them. */
export const ATTRIBUTIONS = ['tag', 'key', 'person', 'application', 'unattributed'] as const;
export type Attribution = (typeof ATTRIBUTIONS)[number];

/** How a cost was known: the source said it, the provider's bill (spread over its rows), the price table, or not at all. */
export const COST_BASES = ['reported', 'billed', 'price-table', 'unknown'] as const;
export type CostBasis = (typeof COST_BASES)[number];

/** Code against runtime, per agent. */
export const ACTIVITY_STATES = ['active', 'ghost', 'not-observed', 'dormant'] as const;
export type ActivityState = (typeof ACTIVITY_STATES)[number];

export const ACTIVITY_LABELS: Record<ActivityState, string> = {
  active: 'Active',
  ghost: 'Ghost',
  'not-observed': 'Not observed',
  dormant: 'Dormant',
};

export const USAGE_DIMENSIONS = ['agent', 'feature', 'user', 'session', 'model', 'key', 'provider'] as const;
export type UsageDimension = (typeof USAGE_DIMENSIONS)[number];

/** An agent with no usage in the last this many days of the imported period is dormant. */
export const DORMANT_AFTER_DAYS = 7;
