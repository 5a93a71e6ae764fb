import { ACTIVITY_LABELS, DORMANT_AFTER_DAYS, type ActivityState } from '../../../shared/usage';
import type { BadgeTone } from '../ui/Badge';

export { ACTIVITY_LABELS };

/** A ghost spends with nobody accountable: red. Dormant stopped spending: worth a look. */
export const ACTIVITY_TONES: Record<ActivityState, BadgeTone> = {
  active: 'success',
  ghost: 'danger',
  dormant: 'warning',
  'not-observed': 'muted',
};

/** What each state means, for tooltips and the agent page. */
export const ACTIVITY_EXPLANATIONS: Record<ActivityState, string> = {
  active: `Found in code or in the registry, and spending in the last ${DORMANT_AFTER_DAYS} days of the imported usage`,
  ghost: 'Spending in the imported usage, with no code or registry entry: nobody accounts for it',
  'not-observed': 'In code or in the registry, with no usage in the imported period',
  dormant: `Was spending earlier in the imported period, and stopped: no usage in its last ${DORMANT_AFTER_DAYS} days`,
};

const usdFormats = new Map<number, Intl.NumberFormat>();
function usdFormat(digits: number): Intl.NumberFormat {
  let format = usdFormats.get(digits);
  if (!format) {
    format = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', minimumFractionDigits: digits, maximumFractionDigits: digits });
    usdFormats.set(digits, format);
  }
  return format;
}

/** "$1,204", "$38.20", "$0.42", "<$0.01": cents only where they still matter. */
export function formatUsd(usd: number): string {
  if (usd > 0 && usd < 0.01) return '<$0.01';
  return usdFormat(Math.abs(usd) >= 1000 ? 0 : 2).format(usd);
}

const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });
/** "1.2M", "840K", "512". */
export const formatCount = (n: number): string => compact.format(n);

/**
 * A known cost, and what is not known of it: a model with no price is "price unknown", never $0.
 * unpricedTokens: tokens of the total whose model has no price.
 */
export function costText({ costUsd, unpricedTokens }: { costUsd: number; unpricedTokens: number }): string {
  if (unpricedTokens === 0) return formatUsd(costUsd);
  if (costUsd === 0) return 'price unknown';
  return `${formatUsd(costUsd)} + price unknown`;
}

/** "+12%", "-40%", "±0%"; the engine's trend is a ratio (0.12). */
export function formatTrend(trend: number): string {
  const percent = Math.round(trend * 100);
  if (percent === 0) return '±0%';
  return `${percent > 0 ? '+' : '−'}${Math.abs(percent).toLocaleString('en-US')}%`;
}

const dayFormat = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', timeZone: 'UTC' });
const dayYearFormat = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
/** A usage day (YYYY-MM-DD, UTC) as "Jun 3"; with its year when asked. */
export function formatDay(day: string, withYear = false): string {
  const date = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  return (withYear ? dayYearFormat : dayFormat).format(date);
}

/** "Jun 3 – Jul 2, 2026"; one day when both ends are the same. */
export function formatPeriod(from: string, to: string): string {
  if (from === to) return formatDay(from, true);
  return `${formatDay(from, from.slice(0, 4) !== to.slice(0, 4))} – ${formatDay(to, true)}`;
}

/** "2026-06" as "June 2026". */
export function formatMonth(month: string): string {
  const date = new Date(`${month}-01T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return month;
  return new Intl.DateTimeFormat(undefined, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}
