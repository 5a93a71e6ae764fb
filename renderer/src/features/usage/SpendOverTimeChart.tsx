import { useMemo } from 'react';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { CostTotals, UsageSeries } from '../../../../shared/contract';
import type { UsageMetric } from '../../store/usage-slice';
import { formatDate } from '../../ui/format-date';
import { seriesFill, swatchClassOf, UNATTRIBUTED_HATCH_ID } from './series-colours';
import { costText, formatCount, formatTokensCompact, formatUsd, formatUsdCompact } from './usage-format';

const SHORT_DAY = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', timeZone: 'UTC' });
const shortDay = (day: string) => formatDate(day, { calendar: SHORT_DAY, instant: SHORT_DAY });

interface DrawnSeries {
  dataKey: string;
  label: string;
  kind: UsageSeries['series'][number]['kind'];
  fill: string;
  swatch: string;
  total: number;
}

/** The series in drawing order with their fills: group colours count groups only, so "other" never takes one. */
export function drawnSeriesOf(series: UsageSeries['series']): DrawnSeries[] {
  let groupIndex = 0;
  return series.map((s, i) => {
    const fill = seriesFill(s.kind, s.kind === 'group' ? groupIndex++ : 0);
    return { dataKey: `s${i}`, label: s.label, kind: s.kind, fill, swatch: swatchClassOf(s.kind), total: s.total };
  });
}

export const formatMetric = (metric: UsageMetric, value: number): string => (metric === 'cost' ? formatUsd(value) : `${formatCount(value)} tokens`);

/**
 * Spend (or tokens) per day, stacked by the chosen dimension. Bars, not areas: each day is a
 * separate fact, and a day with nothing reads as a gap rather than a slope.
 */
export function SpendOverTimeChart({ data, metric, unpricedTokens }: { data: UsageSeries; metric: UsageMetric; unpricedTokens: number }) {
  const drawn = useMemo(() => drawnSeriesOf(data.series), [data.series]);
  const rows = useMemo(
    () => data.days.map((day, i) => Object.fromEntries<string | number>([['day', day], ...data.series.map((s, j): [string, number] => [`s${j}`, s.values[i] ?? 0])])),
    [data],
  );
  const tickFormatter = (value: number) => (metric === 'cost' ? formatUsdCompact(value) : formatTokensCompact(value));

  return (
    <div className="usage-chart">
      <UnattributedHatch />
      <ResponsiveContainer width="100%" height="100%" minWidth={0}>
        <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} barCategoryGap="12%">
          <CartesianGrid vertical={false} stroke="var(--chart-grid)" />
          <XAxis dataKey="day" tickFormatter={shortDay} tick={{ fill: 'var(--chart-axis)', fontSize: 11 }} stroke="var(--chart-grid)" minTickGap={16} />
          <YAxis tickFormatter={tickFormatter} tick={{ fill: 'var(--chart-axis)', fontSize: 11 }} stroke="var(--chart-grid)" width={64} />
          <Tooltip cursor={{ fill: 'var(--bg-hover)' }} content={(props) => <SpendTooltip active={props.active} payload={props.payload} label={props.label} drawn={drawn} metric={metric} unpricedTokens={unpricedTokens} />} />
          {drawn.map((s) => (
            <Bar key={s.dataKey} dataKey={s.dataKey} name={s.label} stackId="usage" fill={s.fill} stroke={s.kind === 'unattributed' ? 'var(--chart-unattributed)' : undefined} strokeWidth={s.kind === 'unattributed' ? 0.5 : 0} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

/** The hatch fill of unattributed usage, defined once in an SVG of its own so every chart and legend can refer to it. */
function UnattributedHatch() {
  return (
    <svg width="0" height="0" className="usage-chart__defs" aria-hidden="true" focusable="false">
      <defs>
        <pattern id={UNATTRIBUTED_HATCH_ID} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="6" height="6" fill="var(--bg-subtle)" />
          <line x1="0" y1="0" x2="0" y2="6" stroke="var(--chart-unattributed)" strokeWidth="3" />
        </pattern>
      </defs>
    </svg>
  );
}

interface SpendTooltipProps {
  active: boolean;
  payload: ReadonlyArray<{ dataKey?: unknown; value?: unknown }> | undefined;
  label: string | number | undefined;
  drawn: DrawnSeries[];
  metric: UsageMetric;
  unpricedTokens: number;
}

function SpendTooltip({ active, payload, label, drawn, metric, unpricedTokens }: SpendTooltipProps) {
  if (!active || !payload || payload.length === 0) return null;
  const byKey = new Map(payload.map((p) => [String(p.dataKey), Number(p.value ?? 0)]));
  const lines = drawn.map((s) => ({ ...s, value: byKey.get(s.dataKey) ?? 0 })).filter((s) => s.value > 0);
  const total = lines.reduce((sum, s) => sum + s.value, 0);
  return (
    <div className="usage-tooltip">
      <p className="usage-tooltip__day">{typeof label === 'string' ? formatDate(label) : label}</p>
      {lines.length === 0 ? (
        <p className="muted">No usage this day</p>
      ) : (
        <table className="usage-tooltip__table">
          <tbody>
            {[...lines].reverse().map((s) => (
              <tr key={s.dataKey}>
                <td>
                  <span className={s.swatch} style={{ background: s.kind === 'unattributed' ? undefined : s.fill }} aria-hidden="true" />
                  {s.label}
                </td>
                <td className="usage-num">{formatMetric(metric, s.value)}</td>
              </tr>
            ))}
            <tr className="usage-tooltip__total">
              <td>Total</td>
              <td className="usage-num">{formatMetric(metric, total)}</td>
            </tr>
          </tbody>
        </table>
      )}
      {metric === 'cost' && unpricedTokens > 0 && <p className="usage-tooltip__note">Tokens of models with no price are not in these amounts: their cost is unknown.</p>}
    </div>
  );
}

/**
 * The legend as a list a screen reader reads: each series, its colour (hatched for unattributed)
 * and its total. A group whose models have no price says so (from the totals of the same
 * dimension), so its cost never reads as $0.
 */
export function SeriesLegend({ data, metric, unpricedByKey }: { data: UsageSeries; metric: UsageMetric; unpricedByKey: ReadonlyMap<string | null, Pick<CostTotals, 'costUsd' | 'unpricedTokens'>> }) {
  const drawn = drawnSeriesOf(data.series).map((s, i) => ({ ...s, key: data.series[i]?.key ?? null }));
  const totalText = (s: (typeof drawn)[number]) => {
    const cost = s.kind === 'other' ? undefined : unpricedByKey.get(s.key);
    return metric === 'cost' && cost && cost.unpricedTokens > 0 ? costText({ costUsd: s.total, unpricedTokens: cost.unpricedTokens }) : formatMetric(metric, s.total);
  };
  return (
    <ul className="usage-legend" aria-label="Series, with their totals over the period">
      {drawn.map((s) => (
        <li key={s.dataKey} className={`usage-legend__item usage-legend__item--${s.kind}`}>
          <span className={s.swatch} style={{ background: s.kind === 'unattributed' ? undefined : s.fill }} aria-hidden="true" />
          <span className="usage-legend__label">{s.label}</span>
          <span className="usage-legend__total">{totalText(s)}</span>
        </li>
      ))}
    </ul>
  );
}
