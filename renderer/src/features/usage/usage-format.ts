import type { CostTotals } from '../../../../shared/contract';
import { DORMANT_AFTER_DAYS, type ActivityState, type Attribution, type CostBasis, type UsageDimension } from '../../../../shared/usage';
import type { BadgeTone } from '../../ui/Badge';

/**
 * How usage numbers are written everywhere on the Usage page: USD with cents, tokens in the
 * person's locale, and a cost the price table cannot tell said as "price unknown", never $0.
 */

const USD = new Intl.NumberFormat(undefined, { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 2 });
const USD_FINE = new Intl.NumberFormat(undefined, { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 4 });
const USD_COMPACT = new Intl.NumberFormat(undefined, { style: 'currency', currency: 'USD', notation: 'compact', maximumFractionDigits: 1 });
const COUNT = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
const COMPACT = new Intl.NumberFormat(undefined, { notation: 'compact', maximumFractionDigits: 1 });
const PERCENT = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 1 });

/** "$1,234.50"; an amount under a cent that is not zero is "<$0.01", so it never reads as free. */
export function formatUsd(amount: number): string {
  if (amount > 0 && amount < 0.005) return `<${USD.format(0.01)}`;
  return USD.format(amount);
}

/** Unit costs and prices per million tokens keep up to four decimals ($0.0226). */
export const formatUsdFine = (amount: number): string => USD_FINE.format(amount);

/** Axis ticks: "$1.2K". */
export const formatUsdCompact = (amount: number): string => USD_COMPACT.format(amount);

export const formatCount = (n: number): string => COUNT.format(n);

/** "3.4M": for figures and cells whose exact value is in a title. */
export const formatTokensCompact = (n: number): string => COMPACT.format(n);

export const formatShare = (share: number): string => PERCENT.format(share);

/** Either a foreign currency or USD, for provider bills. */
export function formatMoney(amount: number, currency: string): string {
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency, minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(amount);
  } catch {
    return `${amount.toFixed(2)} ${currency}`;
  }
}

/** Cost with what is not known: "$12.40", "$12.40 + price unknown", or "Price unknown". */
export function costText(cost: Pick<CostTotals, 'costUsd' | 'unpricedTokens'>): string {
  if (cost.unpricedTokens > 0) return cost.costUsd > 0 ? `${formatUsd(cost.costUsd)} + price unknown` : 'Price unknown';
  return formatUsd(cost.costUsd);
}

export const COST_BASIS_LABELS: Record<CostBasis, string> = {
  reported: 'Reported by the source',
  billed: 'Billed by the provider',
  'price-table': 'Estimated from the price table',
  unknown: 'Price unknown',
};

/** The tooltip of a cost: how much of it each source gave, and the tokens no price covers. */
export function costBasisText(cost: CostTotals): string {
  const lines = (['reported', 'billed', 'price-table'] as const).filter((b) => cost.costByBasis[b] > 0).map((b) => `${COST_BASIS_LABELS[b]}: ${formatUsd(cost.costByBasis[b])}`);
  if (cost.unpricedTokens > 0) lines.push(`Price unknown: ${formatCount(cost.unpricedTokens)} tokens (${cost.unpricedModels.join(', ') || 'model not named'})`);
  return lines.length > 0 ? lines.join('\n') : 'No cost recorded';
}

export const DIMENSION_LABELS: Record<UsageDimension, string> = {
  agent: 'Agent',
  feature: 'Feature',
  user: 'User',
  session: 'Session',
  model: 'Model',
  key: 'Key',
  provider: 'Provider',
};

export const ATTRIBUTION_LABELS: Record<Attribution, string> = {
  tag: 'by tag',
  key: 'by key',
  person: 'by a person',
  application: 'application',
  unattributed: 'unattributed',
};

export const ACTIVITY_TONES: Record<ActivityState, BadgeTone> = { active: 'success', ghost: 'danger', 'not-observed': 'warning', dormant: 'muted' };

/** What each activity state means, for the counts' titles. */
export const ACTIVITY_MEANINGS: Record<ActivityState, string> = {
  active: 'Known from code or the registry, and calling LLMs',
  ghost: 'Calling LLMs, but no code or registry entry accounts for it',
  'not-observed': 'Known from code or the registry, but no usage of it was imported',
  dormant: `Had usage, but none in the last ${DORMANT_AFTER_DAYS} days of the imported period`,
};

const RANGE = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });
const dayOf = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** Two calendar days as one short range ("Mar 1 – 14, 2025"), one date when both are the same day. */
export function dayRangeText(from: string, to: string): string {
  const start = dayOf(from);
  const end = dayOf(to);
  if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime())) return `${from} – ${to}`;
  return from === to ? RANGE.format(start) : RANGE.formatRange(start, end);
}

const PROVIDER_NAMES: Record<string, string> = { openai: 'OpenAI', anthropic: 'Anthropic', azure: 'Azure OpenAI', bedrock: 'AWS Bedrock', vertex: 'Google Vertex AI', gemini: 'Google Gemini', mistral: 'Mistral', cohere: 'Cohere', litellm: 'LiteLLM' };

/** "openai" as people write it; a provider the app does not know is shown as the source names it. */
export const providerName = (provider: string): string => PROVIDER_NAMES[provider] ?? provider;
