import { useMemo } from 'react';
import { USAGE_DIMENSIONS, type UsageDimension } from '../../../../shared/usage';
import { useAppStore } from '../../store/store-context';
import { Button } from '../../ui/Button';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { Spinner } from '../../ui/Spinner';
import { Tabs } from '../../ui/Tabs';
import { MetricSwitch } from './MetricSwitch';
import { SeriesLegend, SpendOverTimeChart } from './SpendOverTimeChart';
import { TopSpendersTable } from './TopSpendersTable';
import { DIMENSION_LABELS } from './usage-format';

const DIMENSION_TABS = USAGE_DIMENSIONS.map((key) => ({ key, label: DIMENSION_LABELS[key] }));

/** Spend over time and the top spenders, both by the dimension chosen in the tabs. */
export function SpendBreakdown({ unpricedTokens }: { unpricedTokens: number }) {
  const by = useAppStore((s) => s.usageBy);
  const metric = useAppStore((s) => s.usageMetric);
  const series = useAppStore((s) => s.usageSeries);
  const totals = useAppStore((s) => s.usageTotals);
  const setBy = useAppStore((s) => s.setUsageBy);
  const setMetric = useAppStore((s) => s.setUsageMetric);
  const loadSeries = useAppStore((s) => s.loadUsageSeries);
  const loadTotals = useAppStore((s) => s.loadUsageTotals);

  const unpricedByKey = useMemo(() => new Map((totals.data?.by === by ? totals.data.groups : []).map((g) => [g.key, g])), [totals.data, by]);
  const seriesShown = series.data && series.data.by === by && series.data.metric === metric ? series.data : null;

  return (
    <section className="usage-breakdown" aria-labelledby="usage-breakdown-title">
      <div className="usage-breakdown__head">
        <h2 id="usage-breakdown-title" className="usage-section-title">
          {metric === 'cost' ? 'Spend' : 'Tokens'} over time by {DIMENSION_LABELS[by].toLowerCase()}
        </h2>
        <MetricSwitch value={metric} onChange={setMetric} />
      </div>
      <Tabs<UsageDimension> label="Break usage down by" tabs={DIMENSION_TABS} selected={by} onSelect={setBy} size="sm" panelClassName="usage-breakdown__panel">
        {series.error && (
          <ErrorBanner title="Could not draw the chart">
            {series.error} <Button size="sm" onClick={() => void loadSeries()}>
              Try again
            </Button>
          </ErrorBanner>
        )}
        <figure className="usage-chart-figure" aria-busy={series.loading || undefined}>
          <figcaption className="visually-hidden">
            {metric === 'cost' ? 'Daily spend in USD' : 'Daily tokens'}, stacked by {DIMENSION_LABELS[by].toLowerCase()}: the top groups, then other and unattributed. The legend below lists each with its total.
          </figcaption>
          {seriesShown ? (
            seriesShown.days.length === 0 ? (
              <p className="muted usage-chart-empty">No usage in this period.</p>
            ) : (
              <>
                <SpendOverTimeChart data={seriesShown} metric={metric} unpricedTokens={unpricedTokens} />
                <SeriesLegend data={seriesShown} metric={metric} unpricedByKey={unpricedByKey} />
              </>
            )
          ) : (
            !series.error && (
              <p className="usage-loading usage-chart-empty">
                <Spinner /> Drawing the chart…
              </p>
            )
          )}
        </figure>

        <h3 className="usage-subtitle">Top spenders</h3>
        {totals.error && (
          <ErrorBanner title="Could not list the top spenders">
            {totals.error} <Button size="sm" onClick={() => void loadTotals()}>
              Try again
            </Button>
          </ErrorBanner>
        )}
        {/* As tall as its rows, up to about ten; more scroll inside the table. */}
        <div className="usage-spenders" style={{ height: Math.min(362, 34 + 32 * Math.max(totals.data?.groups.length ?? 0, 3)) }}>
          <TopSpendersTable by={by} groups={totals.data?.by === by ? totals.data.groups : []} busy={totals.loading} />
        </div>
      </Tabs>
    </section>
  );
}
